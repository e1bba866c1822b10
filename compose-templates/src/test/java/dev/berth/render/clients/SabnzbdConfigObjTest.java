package dev.berth.render.clients;

import static dev.berth.render.clients.TestClients.API_KEY;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.catalog.Catalog;
import dev.berth.testsupport.ExternalTool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * sabnzbd.ini as SABnzbd reads it: with ConfigObj, the library SABnzbd parses its file with
 * (Debian's python3-configobj 5.0.8; SABnzbd 4.5 bundles the same 5.0 line). No SABnzbd package
 * runs here, so this checks the file's syntax the way SABnzbd sees it: the host names a list even
 * when there is one, the categories nested under [categories], SABnzbd's '*' first.
 */
class SabnzbdConfigObjTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String READ = """
            import json, sys, configobj
            c = configobj.ConfigObj(sys.argv[1], encoding='utf-8', default_encoding='utf-8')
            misc = c['misc']
            print(json.dumps({'api_key': misc['api_key'], 'port': misc['port'], 'host_whitelist': misc['host_whitelist'],
                              'download_dir': misc['download_dir'], 'complete_dir': misc['complete_dir'],
                              'categories': [[k, c['categories'][k].get('dir')] for k in c['categories'].keys()]}))
            """;

    @TempDir
    Path dir;

    @Test
    void configObjReadsBerthsFileAsSabnzbdMeansIt() throws Exception {
        ClientFacts routed = TestClients.usenet("sabnzbd", 8081, null, List.of("tv", "movies"));
        JsonNode read = read(new SabnzbdIni().merge(Optional.empty(), catalogStart(), routed).content());
        assertEquals(API_KEY, read.get("api_key").asText());
        assertEquals("8081", read.get("port").asText());
        assertEquals(List.of("sabnzbd", "gluetun", "sabnzbd.media.example.com"), texts(read.get("host_whitelist")));
        assertEquals("/data/usenet/incomplete", read.get("download_dir").asText());
        assertEquals("/data/usenet/complete", read.get("complete_dir").asText());
        assertEquals("[[\"*\",null],[\"tv\",\"/data/usenet/complete/tv\"],[\"movies\",\"/data/usenet/complete/movies\"]]",
                read.get("categories").toString());
    }

    @Test
    void oneHostNameIsReadAsAList() throws Exception {
        ClientFacts bridge = new ClientFacts("sabnzbd", 8080, false, null, "/data/usenet", null, null, API_KEY, List.of("tv"));
        JsonNode read = read(new SabnzbdIni().merge(Optional.empty(), catalogStart(), bridge).content());
        assertEquals(List.of("sabnzbd"), texts(read.get("host_whitelist")));
    }

    private static String catalogStart() {
        return Catalog.builtIn().get("sabnzbd").downloadClient().settingsFiles().getFirst().startFrom();
    }

    private JsonNode read(String ini) throws Exception {
        Path python = Files.isExecutable(Path.of("/usr/bin/python3")) ? Path.of("/usr/bin/python3")
                : ExternalTool.require("python3", "apt-get install python3");
        Path file = Files.writeString(dir.resolve("sabnzbd.ini"), ini);
        ExternalTool.Result result = ExternalTool.run(dir, List.of(python.toString(), "-c", READ, file.toString()));
        if (result.exitCode() != 0 && result.output().contains("No module named 'configobj'")) {
            ExternalTool.skipOrFail("python3-configobj is not installed (apt-get install python3-configobj); .ci/run installs it");
        }
        assertEquals(0, result.exitCode(), result.output());
        return JSON.readTree(result.output());
    }

    private static List<String> texts(JsonNode array) {
        assertEquals(true, array.isArray(), "a list, not " + array);
        List<String> list = new ArrayList<>();
        array.forEach(n -> list.add(n.asText()));
        return list;
    }
}
