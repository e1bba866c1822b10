package dev.berth.render.clients;

import static dev.berth.render.clients.TestClients.PASSWORD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** qBittorrent.conf: Berth's keys set, every other line kept, the password hashed as qBittorrent hashes it. */
class QbittorrentConfTest {
    private static final String IMAGE_DEFAULTS = "[LegalNotice]\nAccepted=true\n\n[Preferences]\nWebUI\\Address=*\nWebUI\\ServerDomains=*\n";
    private final QbittorrentConf format = new QbittorrentConf();
    private final ClientFacts facts = TestClients.torrent("qbittorrent", 8080, List.of("tv", "movies"));

    @Test
    void aNewFileStartsFromTheImagesDefaultsWithBerthsKeys() {
        SettingsMerge merge = format.merge(Optional.empty(), IMAGE_DEFAULTS, facts);
        assertEquals(List.of("[Preferences] WebUI\\Username", "[Preferences] WebUI\\Password_PBKDF2", "[Preferences] WebUI\\Port",
                "[Preferences] WebUI\\UseUPnP", "[Network] PortForwardingEnabled", "[BitTorrent] Session\\DefaultSavePath",
                "[BitTorrent] Session\\DisableAutoTMMByDefault"), merge.setKeys());
        String conf = merge.content();
        assertTrue(conf.startsWith("[LegalNotice]\nAccepted=true\n\n[Preferences]\nWebUI\\Address=*\nWebUI\\ServerDomains=*\n"
                + "WebUI\\Username=admin\nWebUI\\Password_PBKDF2=\"@ByteArray("), conf);
        assertTrue(conf.contains("\nWebUI\\Port=8080\nWebUI\\UseUPnP=false\n\n[Network]\nPortForwardingEnabled=false\n\n[BitTorrent]\n"
                + "Session\\DefaultSavePath=/data/torrents\nSession\\DisableAutoTMMByDefault=false\n"), conf);
        assertTrue(QbittorrentConf.verifies(value(conf, "WebUI\\\\Password_PBKDF2"), PASSWORD));
        assertFalse(conf.contains(PASSWORD));
        TestClients.setsNothingAgain(format, merge, facts);
    }

    /** A vector made by Python's hashlib.pbkdf2_hmac('sha512', pw, salt, 100000, 64): the same computation as password.cpp. */
    @Test
    void aHashMadeElsewhereVerifies() {
        String stored = "\"@ByteArray(AAECAwQFBgcICQoLDA0ODw==:sI71WZB8CVZ6Q8sqg52IJmxbiv5yHN5OO5+GPWdDVtsfekl7yc9FWaOU/PEHssGysZJaqEvJL1Scdd32rlusTQ==)\"";
        assertTrue(QbittorrentConf.verifies(stored, "Secret4Berth"));
        assertTrue(QbittorrentConf.verifies(stored.substring(1, stored.length() - 1), "Secret4Berth"), "Qt may write it unquoted");
        assertFalse(QbittorrentConf.verifies(stored, "Secret4Bert"));
        assertFalse(QbittorrentConf.verifies("@ByteArray(not base64!:x)", "Secret4Berth"));
    }

    @Test
    void aPersonsFileKeepsTheirLinesAndBerthChangesOnlyItsKeys() {
        String mine = format.merge(Optional.empty(), IMAGE_DEFAULTS, facts).content();
        String edited = "; my notes\n" + mine.replace("WebUI\\Port=8080", "WebUI\\Port=9999")
                + "\n[RSS]\nAutoDownloader\\EnableProcessing=true\n";
        edited = edited.replace("[BitTorrent]\n", "[BitTorrent]\nSession\\Port=6881\nSession\\QueueingSystemEnabled=false\n");
        SettingsMerge merge = format.merge(Optional.of(edited), IMAGE_DEFAULTS, facts);
        assertEquals(List.of("[Preferences] WebUI\\Port"), merge.setKeys());
        assertEquals(edited.replace("WebUI\\Port=9999", "WebUI\\Port=8080"), merge.content());
    }

    @Test
    void anotherPasswordsHashIsReplacedAndNothingElseMoves() {
        String mine = format.merge(Optional.empty(), IMAGE_DEFAULTS, facts).content();
        String other = format.merge(Optional.empty(), IMAGE_DEFAULTS,
                new ClientFacts("qbittorrent", 8080, true, null, "/data/torrents", "admin", "another", null, List.of())).content();
        SettingsMerge merge = format.merge(Optional.of(other), IMAGE_DEFAULTS, facts);
        assertEquals(List.of("[Preferences] WebUI\\Password_PBKDF2"), merge.setKeys());
        TestClients.keepsEveryOtherLine(mine, merge.content(), List.of("WebUI\\Password_PBKDF2="));
        assertTrue(QbittorrentConf.verifies(value(merge.content(), "WebUI\\\\Password_PBKDF2"), PASSWORD));
    }

    /**
     * Before 4.4 a random peer port was Session\\UseRandomPort; since then qBittorrent turns a true one into port 0 (random)
     * at start (src/app/upgrade.cpp) and removes it. For the client taking the forwarded port Berth switches it off; a file
     * without it gets nothing added, so once qBittorrent removed it the next run sets nothing.
     */
    @Test
    void aClientTakingTheForwardedPortLosesAnOldRandomPortSetting() {
        ClientFacts forwarded = TestClients.forwarded(facts);
        String old = "[BitTorrent]\nSession\\UseRandomPort=true\n";
        SettingsMerge merge = format.merge(Optional.of(old), null, forwarded);
        assertTrue(merge.setKeys().contains("[BitTorrent] Session\\UseRandomPort"), merge.setKeys().toString());
        assertTrue(merge.content().contains("Session\\UseRandomPort=false\n"), merge.content());
        TestClients.setsNothingAgain(format, merge, forwarded);
        assertFalse(format.merge(Optional.of(old), null, facts).setKeys().contains("[BitTorrent] Session\\UseRandomPort"),
                "a client without the forwarded port keeps the person's choice");
        SettingsMerge fresh = format.merge(Optional.empty(), null, forwarded);
        assertFalse(fresh.content().contains("UseRandomPort"), fresh.content());
    }

    @Test
    void aMovedWebPortIsSet() {
        String mine = format.merge(Optional.empty(), IMAGE_DEFAULTS, facts).content();
        ClientFacts moved = TestClients.torrent("qbittorrent", 8081, List.of("tv", "movies"));
        SettingsMerge merge = format.merge(Optional.of(mine), null, moved);
        assertEquals(List.of("[Preferences] WebUI\\Port"), merge.setKeys());
        assertTrue(merge.content().contains("\nWebUI\\Port=8081\n"));
        assertFalse(merge.toString().contains(PASSWORD));
    }

    static String value(String conf, String keyRegex) {
        Matcher m = Pattern.compile("(?m)^" + keyRegex + "=(.*)$").matcher(conf);
        assertTrue(m.find(), keyRegex + " in " + conf);
        return m.group(1);
    }
}
