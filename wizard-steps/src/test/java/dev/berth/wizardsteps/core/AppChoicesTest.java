package dev.berth.wizardsteps.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AppChoicesTest {
    private final List<String> changes = new ArrayList<>();
    private final AppChoices choices = new AppChoices(id -> id.startsWith("q"), () -> changes.add("changed"));

    @Test
    void untouchedAppsFollowTheDefaultAndTicksAreRememberedByApp() {
        assertTrue(choices.offer(apps("qbittorrent", "prowlarr")));
        assertEquals(List.of("qbittorrent"), choices.selected());
        choices.items().getFirst().selectedProperty().set(false);
        assertEquals(List.of("changed"), changes);

        choices.offer(apps("prowlarr"));
        assertFalse(choices.offer(apps("qbittorrent", "prowlarr")), "cleared before, cleared again");
        assertEquals(List.of(), choices.selected());
    }

    @Test
    void loadedTicksAreExactlyThoseAmongTheAppsOnOffer() {
        choices.offer(apps("qbittorrent", "prowlarr"));
        choices.select(List.of("prowlarr", "sabnzbd"));
        assertEquals(List.of("prowlarr"), choices.selected(), "qBittorrent is not ticked: the answers did not list it");
        choices.offer(apps("qbittorrent", "prowlarr", "sabnzbd", "qtorrent"));
        assertEquals(List.of("prowlarr", "sabnzbd"), choices.selected(), "the loaded list is exact, also for apps offered later");
        assertTrue(changes.isEmpty(), "only the person's ticks report a change");
    }

    private static Map<String, String> apps(String... ids) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String id : ids) {
            m.put(id, id);
        }
        return m;
    }
}
