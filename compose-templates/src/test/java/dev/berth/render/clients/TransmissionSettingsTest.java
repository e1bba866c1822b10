package dev.berth.render.clients;

import static dev.berth.render.clients.TestClients.PASSWORD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** settings.json: folders, RPC sign-in in Transmission's salted form, port and host names; the rest kept. */
class TransmissionSettingsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final TransmissionSettings format = new TransmissionSettings();
    private final ClientFacts facts = TestClients.torrent("transmission", 9091, List.of("tv"));

    @Test
    void aNewFileHoldsBerthsKeys() throws Exception {
        SettingsMerge merge = format.merge(Optional.empty(), null, facts);
        assertEquals(List.of("download-dir", "incomplete-dir", "incomplete-dir-enabled", "rpc-authentication-required", "rpc-username",
                "rpc-password", "rpc-port", "rpc-host-whitelist", "port-forwarding-enabled"), merge.setKeys());
        JsonNode json = JSON.readTree(merge.content());
        assertEquals("/data/torrents", json.get("download-dir").asText());
        assertEquals("/data/torrents/incomplete", json.get("incomplete-dir").asText());
        assertEquals(9091, json.get("rpc-port").intValue());
        assertEquals("transmission,gluetun,transmission.media.example.com", json.get("rpc-host-whitelist").asText());
        assertTrue(TransmissionSettings.verifies(json.get("rpc-password").asText(), PASSWORD));
        assertFalse(merge.content().contains(PASSWORD));
        TestClients.setsNothingAgain(format, merge, facts);
    }

    /** Gluetun's hook sets the peer port; a random one at start would lose it until the next hook runs. */
    @Test
    void aClientTakingTheForwardedPortPicksNoRandomPeerPortAtStart() throws Exception {
        ClientFacts forwarded = TestClients.forwarded(facts);
        SettingsMerge merge = format.merge(Optional.of("{\n    \"peer-port-random-on-start\": true\n}\n"), null, forwarded);
        assertTrue(merge.setKeys().contains("peer-port-random-on-start"), merge.setKeys().toString());
        assertFalse(JSON.readTree(merge.content()).get("peer-port-random-on-start").asBoolean());
        TestClients.setsNothingAgain(format, merge, forwarded);
    }

    /** A vector made by Python's hashlib.sha1(password + salt): the same computation as tr_ssha1. */
    @Test
    void aHashMadeElsewhereVerifies() {
        assertTrue(TransmissionSettings.verifies("{db1dccc850213c2a1dc777c3caeeedda73e29b6fabcd./XY", "Secret4Berth"));
        assertFalse(TransmissionSettings.verifies("{db1dccc850213c2a1dc777c3caeeedda73e29b6fabcd./XY", "Secret4Bert"));
        assertFalse(TransmissionSettings.verifies("Secret4Berth", "Secret4Berth"), "plain text is no salted hash");
    }

    /**
     * The image's own defaults, as the person's file: their keys and order stay, the LinuxServer init's
     * plain-text password (which Transmission salts when it saves) counts as set, their host name stays.
     */
    @Test
    void aPersonsFileKeepsTheirKeysInOrder() throws Exception {
        String theirs = """
                {
                    "alt-speed-down": 50,
                    "download-dir": "/downloads/complete",
                    "ratio-limit": 2.5,
                    "rpc-authentication-required": true,
                    "rpc-host-whitelist": "nas.local",
                    "rpc-password": "%s",
                    "rpc-port": 9091,
                    "rpc-username": "admin",
                    "watch-dir": "/watch"
                }
                """.formatted(PASSWORD);
        SettingsMerge merge = format.merge(Optional.of(theirs), null, facts);
        assertEquals(List.of("download-dir", "incomplete-dir", "incomplete-dir-enabled", "rpc-host-whitelist", "port-forwarding-enabled"),
                merge.setKeys());
        JsonNode json = JSON.readTree(merge.content());
        assertEquals(List.of("alt-speed-down", "download-dir", "ratio-limit", "rpc-authentication-required", "rpc-host-whitelist",
                "rpc-password", "rpc-port", "rpc-username", "watch-dir", "incomplete-dir", "incomplete-dir-enabled",
                "port-forwarding-enabled"), iterable(json.fieldNames()));
        assertEquals(2.5, json.get("ratio-limit").doubleValue());
        assertEquals("nas.local,transmission,gluetun,transmission.media.example.com", json.get("rpc-host-whitelist").asText());
        TestClients.setsNothingAgain(format, merge, facts);
    }

    @Test
    void aMovedPortAndAnotherPasswordAreSet() throws Exception {
        String mine = format.merge(Optional.empty(), null, facts).content();
        SettingsMerge merge = format.merge(Optional.of(mine), null,
                new ClientFacts("transmission", 9092, true, "media.example.com", "/data/torrents", "admin", "changed", null, List.of()));
        assertEquals(List.of("rpc-password", "rpc-port"), merge.setKeys());
        assertTrue(TransmissionSettings.verifies(JSON.readTree(merge.content()).get("rpc-password").asText(), "changed"));
    }

    @Test
    void aBrokenFileNeverShowsItsText() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> format.merge(Optional.of("{\"rpc-password\": \"{abc\" \"x\"}"), null, facts));
        assertTrue(e.getMessage().startsWith("Transmission's settings.json is not valid JSON (line 1"), e.getMessage());
        assertFalse(e.getMessage().contains("{abc"), e.getMessage());
    }

    private static List<String> iterable(java.util.Iterator<String> names) {
        List<String> list = new java.util.ArrayList<>();
        names.forEachRemaining(list::add);
        return list;
    }
}
