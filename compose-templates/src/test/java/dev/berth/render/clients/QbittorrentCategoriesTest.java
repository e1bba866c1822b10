package dev.berth.render.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** categories.json: one category per *arr library under /data/torrents; the person's categories stay. */
class QbittorrentCategoriesTest {
    private final QbittorrentCategories format = new QbittorrentCategories();
    private final ClientFacts facts = TestClients.torrent("qbittorrent", 8080, List.of("tv", "movies"));

    @Test
    void aNewFileHasOneCategoryPerLibrary() {
        SettingsMerge merge = format.merge(Optional.empty(), null, facts);
        assertEquals(List.of("tv", "movies"), merge.setKeys());
        assertEquals("""
                {
                    "tv": {
                        "save_path": "/data/torrents/tv"
                    },
                    "movies": {
                        "save_path": "/data/torrents/movies"
                    }
                }
                """, merge.content());
        TestClients.setsNothingAgain(format, merge, facts);
    }

    /** qBittorrent writes the file itself (QJsonDocument::toJson) in its own layout; equal values are no change. */
    @Test
    void theClientsOwnLayoutAndThePersonsCategoriesAreKept() {
        String written = "{\n    \"anime\": {\n        \"save_path\": \"/data/torrents/anime\"\n    },\n"
                + "    \"movies\": {\n        \"download_path\": false,\n        \"save_path\": \"/data/torrents/movies\"\n    },\n"
                + "    \"tv\": {\n        \"save_path\": \"/data/torrents/tv\"\n    }\n}\n";
        SettingsMerge merge = format.merge(Optional.of(written), null, facts);
        assertEquals(List.of(), merge.setKeys());
        assertEquals(written, merge.content());
    }

    @Test
    void addingLidarrSetsOnlyTheMusicCategory() {
        String before = format.merge(Optional.empty(), null, facts).content().replace("{\n", "{\n    \"anime\": {},\n");
        SettingsMerge merge = format.merge(Optional.of(before), null,
                TestClients.torrent("qbittorrent", 8080, List.of("tv", "movies", "music")));
        assertEquals(List.of("music"), merge.setKeys());
        assertTrue(merge.content().contains("\"anime\": { }") || merge.content().contains("\"anime\": {}"), merge.content());
        assertTrue(merge.content().indexOf("\"anime\"") < merge.content().indexOf("\"music\""), "the person's come first, as they were");
    }

    @Test
    void aChangedSavePathOfBerthsCategoryIsSetBackAndItsOtherOptionsKept() {
        String before = "{\"tv\": {\"save_path\": \"/downloads/tv\", \"download_path\": \"/data/torrents/incoming\"}}";
        SettingsMerge merge = format.merge(Optional.of(before), null, facts);
        assertEquals(List.of("tv.save_path", "movies"), merge.setKeys());
        assertTrue(merge.content().contains("\"download_path\": \"/data/torrents/incoming\""), merge.content());
    }

    @Test
    void aBrokenFileIsRefusedWithWhereItBreaksAndWhatToDo() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> format.merge(Optional.of("{\"tv\": {\"save_path\": oops-secret}}"), null, facts));
        assertTrue(e.getMessage().startsWith("qBittorrent's categories.json is not valid JSON (line 1, column"), e.getMessage());
        assertTrue(e.getMessage().endsWith("correct it, or move it away and Berth writes a new one"), e.getMessage());
        assertFalse(e.getMessage().contains("oops-secret"), e.getMessage());
    }
}
