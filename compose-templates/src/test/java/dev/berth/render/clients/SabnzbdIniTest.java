package dev.berth.render.clients;

import static dev.berth.render.clients.TestClients.API_KEY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** sabnzbd.ini: API key, port, host names, usenet folders and categories; the person's lines stay. */
class SabnzbdIniTest {
    private final SabnzbdIni format = new SabnzbdIni();
    private final ClientFacts facts = TestClients.usenet("sabnzbd", 8081, null, List.of("tv", "movies"));

    /** From the catalog's start: SABnzbd's default category comes first, so it adds no suggested 'tv' over Berth's. */
    @Test
    void aNewFileFromTheCatalogsStartKeepsSabnzbdsDefaultCategoryFirst() {
        String start = dev.berth.catalog.Catalog.builtIn().get("sabnzbd").downloadClient().settingsFiles().getFirst().startFrom();
        SettingsMerge merge = format.merge(Optional.empty(), start, facts);
        assertEquals("""
                [misc]
                api_key = %s
                port = 8081
                host_whitelist = sabnzbd, gluetun, sabnzbd.media.example.com
                download_dir = /data/usenet/incomplete
                complete_dir = /data/usenet/complete
                [categories]
                [[*]]
                name = *
                order = 0
                pp = 3
                script = None
                priority = 0
                [[tv]]
                name = tv
                dir = /data/usenet/complete/tv
                [[movies]]
                name = movies
                dir = /data/usenet/complete/movies
                """.formatted(API_KEY), merge.content());
        assertEquals(List.of("[misc] api_key", "[misc] port", "[misc] host_whitelist", "[misc] download_dir", "[misc] complete_dir",
                "[categories][[tv]] name", "[categories][[tv]] dir", "[categories][[movies]] name", "[categories][[movies]] dir"),
                merge.setKeys());
        assertFalse(merge.toString().contains(API_KEY));
        TestClients.setsNothingAgain(format, merge, facts);
    }

    /** As SABnzbd writes it: a new category goes inside [categories], before the next top-level section. */
    @Test
    void aPersonsFileKeepsItsLinesAndOnlyTheNewCategoryIsAdded() {
        String theirs = """
                __version__ = 19
                __encoding__ = utf-8
                [misc]
                api_key = %s
                port = 8081
                host_whitelist = mybox.lan,
                download_dir = /data/usenet/incomplete
                complete_dir = /data/usenet/complete
                language = de
                [categories]
                [[*]]
                name = *
                order = 0
                [[tv]]
                name = tv
                order = 1
                dir = /data/usenet/complete/tv
                [servers]
                [[news.example.com]]
                name = news.example.com
                """.formatted(API_KEY);
        SettingsMerge merge = format.merge(Optional.of(theirs), null, facts);
        assertEquals(List.of("[misc] host_whitelist", "[categories][[movies]] name", "[categories][[movies]] dir"), merge.setKeys());
        assertEquals(theirs.replace("host_whitelist = mybox.lan,", "host_whitelist = mybox.lan, sabnzbd, gluetun, sabnzbd.media.example.com")
                .replace("dir = /data/usenet/complete/tv\n", "dir = /data/usenet/complete/tv\n[[movies]]\nname = movies\ndir = /data/usenet/complete/movies\n"),
                merge.content());
        TestClients.setsNothingAgain(format, merge, facts);
    }

    @Test
    void oneHostNameIsStillAList() {
        ClientFacts bridge = new ClientFacts("sabnzbd", 8080, false, null, "/data/usenet", null, null, API_KEY, List.of());
        SettingsMerge merge = format.merge(Optional.empty(), null, bridge);
        assertEquals("[misc]\napi_key = " + API_KEY + "\nport = 8080\nhost_whitelist = sabnzbd,\ndownload_dir = /data/usenet/incomplete\n"
                + "complete_dir = /data/usenet/complete\n", merge.content());
    }
}
