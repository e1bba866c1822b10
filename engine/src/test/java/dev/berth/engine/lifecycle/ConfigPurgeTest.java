package dev.berth.engine.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.answers.Answers;
import dev.berth.answers.StorageAnswers;
import dev.berth.catalog.Catalog;
import dev.berth.plan.Planner;
import dev.berth.plan.StackPlan;
import dev.berth.testsupport.Examples;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which folders a purge deletes: never the data tree, even when the answers nest it in the config. */
class ConfigPurgeTest {
    private static StackPlan plan(String stackDir, String dataRoot, String configRoot) {
        Answers a = Examples.answers("minimal-jellyfin");
        StorageAnswers s = a.storage();
        return new Planner(Catalog.builtIn()).plan(a.withStorage(new StorageAnswers(stackDir, dataRoot, configRoot,
                s.puid(), s.pgid(), s.timeZone(), false)), Map.of());
    }

    @Test
    void deletesTheStackFolderAndEachAppsConfigFolderButKeepsTheConfigRootAndTheData() {
        ConfigPurge p = ConfigPurge.of(plan("/opt/berth", "/srv/media", "/srv/config"), "/opt/berth/");
        assertEquals("/opt/berth", p.deleted().getFirst());
        assertTrue(p.deleted().contains("/srv/config/jellyfin"), p::toString);
        assertFalse(p.deleted().contains("/srv/config"), p::toString);
        assertTrue(p.kept().stream().anyMatch(k -> k.startsWith("/srv/media ")), p::toString);
        assertFalse(p.stackFolderKept());
    }

    @Test
    void aDataTreeInsideTheStackFolderKeepsTheFolderAndNeverListsTheDataForDeletion() {
        ConfigPurge p = ConfigPurge.of(plan("/opt/berth", "/opt/berth/data", "/opt/berth/data/config"), "/opt/berth");
        assertTrue(p.stackFolderKept(), p::toString);
        assertTrue(p.deleted().stream().noneMatch(d -> ConfigPurge.touches(d, "/opt/berth/data")), p::toString);
        assertTrue(p.deleted().isEmpty(), "the apps' folders are in the data tree here, so they stay: " + p);
    }

    @Test
    void touchesComparesWholeFolderNames() {
        assertTrue(ConfigPurge.touches("/srv/media/", "/srv/media"));
        assertTrue(ConfigPurge.touches("/srv", "/srv/./media"));
        assertTrue(ConfigPurge.touches("/srv/media/x", "/srv/media"));
        assertFalse(ConfigPurge.touches("/srv/media2", "/srv/media"));
        assertTrue(ConfigPurge.touches("/", "/srv/media"));
    }
}
