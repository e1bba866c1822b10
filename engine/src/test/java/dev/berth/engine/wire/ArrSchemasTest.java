package dev.berth.engine.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The schemas the double checks with accept what the apps accept and reject what their descriptions forbid. */
class ArrSchemasTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aDownloadClientWithNullsIsValid() throws Exception {
        ArrSchemas.require();
        var schema = ArrSchemas.request(ArrApp.SONARR, "/api/v3/downloadclient", "post").orElseThrow();

        List<String> problems = ArrSchemas.problems(schema, JSON.readTree("""
                {"name":"qBittorrent","implementation":"QBittorrent","configContract":"QBittorrentSettings","infoLink":null,
                 "fields":[{"name":"host","value":"gluetun"},{"name":"port","value":8080},{"name":"urlBase","value":null}],
                 "tags":[],"enable":true,"protocol":"torrent","priority":1}"""));

        assertEquals(List.of(), problems);
    }

    @Test
    void anUnknownPropertyAndAWrongEnumAreRejected() throws Exception {
        ArrSchemas.require();
        var schema = ArrSchemas.request(ArrApp.RADARR, "/api/v3/downloadclient/{id}", "put").orElseThrow();

        List<String> problems = ArrSchemas.problems(schema, JSON.readTree("""
                {"name":"x","category":"movies","protocol":"magnet","fields":[{"name":"host","val":"a"}]}"""));

        assertTrue(problems.toString().contains("category"), problems::toString);
        assertTrue(problems.toString().contains("protocol"), problems::toString);
        assertTrue(problems.toString().contains("val"), problems::toString);
    }

    @Test
    void pathsMatchTheirTemplatesAndLiteralsWin() {
        ArrSchemas.require();

        assertEquals(Optional.of("/api/v1/applications/{id}"), ArrSchemas.operation(ArrApp.PROWLARR, "/api/v1/applications/7", "put"));
        assertEquals(Optional.of("/api/v1/applications/test"), ArrSchemas.operation(ArrApp.PROWLARR, "/api/v1/applications/test", "post"));
        assertEquals(Optional.empty(), ArrSchemas.operation(ArrApp.SONARR, "/api/v3/applications", "get"));
        assertTrue(ArrSchemas.response(ArrApp.LIDARR, "/api/v1/rootfolder", "get").isPresent());
    }
}
