package dev.berth.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Plex's entry names its setup and a library for each *arr app category the catalog has. */
class PlexCatalogTest {
    @Test
    void plexHasALibraryOfItsOwnKindForEveryArrAppLibrary() {
        Catalog catalog = Catalog.builtIn();
        SetupSpec setup = catalog.get("plex").setup();
        assertEquals("plex", setup.kind());
        assertEquals(new ServerLibrarySpec("Movies", "movie", "tv.plex.agents.movie", "Plex Movie"), setup.libraries().get("movies"));
        assertEquals(new ServerLibrarySpec("Shows", "show", "tv.plex.agents.series", "Plex TV Series"), setup.libraries().get("tv"));
        assertEquals(new ServerLibrarySpec("Music", "artist", "tv.plex.agents.music", "Plex Music"), setup.libraries().get("music"));
        for (ServiceDefinition def : catalog.all()) {
            if (def.library() != null) {
                assertTrue(setup.libraries().containsKey(def.library().category()),
                        def.id() + "'s library category " + def.library().category() + " has no Plex library");
            }
        }
        assertTrue(catalog.get("plex").handOver().contains("berth deploy --plex-claim CODE"));
    }
}
