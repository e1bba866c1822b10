package dev.berth.engine.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The double refuses what would go wrong against the real app, and answers as the app does. */
class FakeArrTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KEY = "0123456789abcdef0123456789abcdef";
    private FakeArr arr;

    @AfterEach
    void stop() {
        if (arr != null) {
            arr.close();
        }
    }

    private static ObjectNode qbittorrent(String categoryField) throws Exception {
        return (ObjectNode) JSON.readTree("""
                {"name":"qBittorrent","implementation":"QBittorrent","configContract":"QBittorrentSettings","enable":true,
                 "protocol":"torrent","priority":1,"tags":[],
                 "fields":[{"name":"host","value":"gluetun"},{"name":"port","value":8080},{"name":"username","value":"berth"},
                           {"name":"password","value":"s3cret-pass"},{"name":"%s","value":"tv"}]}""".formatted(categoryField));
    }

    @Test
    void aWrongFieldNameIsRejected() throws Exception {
        arr = FakeArr.start(ArrApp.SONARR, KEY);
        ArrClient client = arr.client();

        // Radarr's name for the category, sent to Sonarr: the real app would silently ignore it.
        ArrException e = assertThrows(ArrException.class, () -> client.create(Wanted.Kind.DOWNLOAD_CLIENT, qbittorrent("movieCategory")));

        assertEquals(400, e.status());
        assertTrue(e.reason().contains("movieCategory"), e::getMessage);
        assertTrue(arr.refusedBodies().toString().contains("movieCategory"), () -> arr.refusedBodies().toString());
        assertEquals(List.of(), arr.stored(Wanted.Kind.DOWNLOAD_CLIENT));
        assertEquals("qBittorrent", client.create(Wanted.Kind.DOWNLOAD_CLIENT, qbittorrent("tvCategory")).path("name").asText());
        assertEquals(List.of(), arr.badAnswers());
    }

    @Test
    void aValueOfTheWrongTypeIsRejected() throws Exception {
        arr = FakeArr.start(ArrApp.RADARR, KEY);
        ObjectNode body = qbittorrent("movieCategory");
        ((ObjectNode) body.get("fields").get(1)).put("value", "8080"); // port as text

        ArrException e = assertThrows(ArrException.class, () -> arr.client().create(Wanted.Kind.DOWNLOAD_CLIENT, body));

        assertEquals(400, e.status());
        assertTrue(e.reason().contains("'port' must be int"), e::getMessage);
    }

    @Test
    void aWrongKeyGets401AndTheMessageHoldsNoKey() throws Exception {
        arr = FakeArr.start(ArrApp.RADARR, KEY);
        String wrong = "ffffffffffffffffffffffffffffffff";
        ArrClient client = new ArrClient(arr.base(), "/api/v3", wrong, "Radarr (test double)");

        ArrException e = assertThrows(ArrException.class, client::systemStatus);

        assertEquals(401, e.status());
        assertFalse(e.getMessage().contains(wrong) || e.getMessage().contains(KEY), e::getMessage);
        assertTrue(e.getMessage().contains("API key"), e::getMessage);
        assertEquals("Radarr", arr.client().systemStatus().path("appName").asText());
    }

    @Test
    void aBodyItsSchemaRefusesIsRejected() throws Exception {
        arr = FakeArr.start(ArrApp.PROWLARR, KEY);
        ObjectNode body = (ObjectNode) JSON.readTree("""
                {"name":"FlareSolverr","implementation":"FlareSolverr","configContract":"FlareSolverrSettings",
                 "enable":true,"tags":[],"fields":[{"name":"host","value":"http://flaresolverr:8191/"}]}""");

        // IndexerProxyResource has no "enable" (additionalProperties: false).
        ArrException e = assertThrows(ArrException.class, () -> arr.client().create(Wanted.Kind.INDEXER_PROXY, body));

        assertEquals(400, e.status());
        assertTrue(e.reason().contains("enable"), e::getMessage);
        body.remove("enable");
        assertEquals(1, arr.client().create(Wanted.Kind.INDEXER_PROXY, body).path("id").asInt());
        assertEquals(2, arr.writes());
    }

    @Test
    void anOperationTheAppDoesNotHaveIs404() throws Exception {
        arr = FakeArr.start(ArrApp.SONARR, KEY);

        ArrException e = assertThrows(ArrException.class, () -> arr.client().providers(Wanted.Kind.APPLICATION));

        assertEquals(404, e.status());
    }

    @Test
    void secretsAreMaskedAndKeptWhenSentBackMasked() throws Exception {
        arr = FakeArr.start(ArrApp.LIDARR, KEY);
        ArrClient client = arr.client();
        ObjectNode made = client.create(Wanted.Kind.DOWNLOAD_CLIENT, qbittorrent("musicCategory"));

        ObjectNode listed = client.providers(Wanted.Kind.DOWNLOAD_CLIENT).getFirst();
        assertFalse(listed.toString().contains("s3cret-pass"), listed::toString);
        assertTrue(listed.toString().contains(FakeArr.MASK));
        client.update(Wanted.Kind.DOWNLOAD_CLIENT, made.path("id").asInt(), listed);

        assertEquals("s3cret-pass", arr.field(Wanted.Kind.DOWNLOAD_CLIENT, "qBittorrent", "password").orElseThrow().asText());
        assertEquals(List.of(), arr.badAnswers());
    }

    @Test
    void aFailingTestAnswersTheAppsOwnWords() throws Exception {
        arr = FakeArr.start(ArrApp.SONARR, KEY);
        ArrClient client = arr.client();
        ObjectNode made = client.create(Wanted.Kind.DOWNLOAD_CLIENT, qbittorrent("tvCategory"));
        assertEquals(Optional.empty(), client.test(Wanted.Kind.DOWNLOAD_CLIENT, made));
        int writes = arr.writes();

        arr.failTests("qBittorrent", "Host", "Unable to connect to qBittorrent");

        assertEquals(Optional.of("Host: Unable to connect to qBittorrent"), client.test(Wanted.Kind.DOWNLOAD_CLIENT, made));
        assertEquals(writes, arr.writes(), "a test is not a write");
        assertEquals(writes, client.writes());
    }
}
