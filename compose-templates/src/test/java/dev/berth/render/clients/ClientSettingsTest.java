package dev.berth.render.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.plan.StackPlan;
import dev.berth.testsupport.Examples;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** From the plan to each download client's files: where they are and what Berth knows that goes in. */
class ClientSettingsTest {
    @Test
    void everyPlannedClientGetsItsFilesInItsConfigFolder() {
        StackPlan plan = Examples.plan("full-wireguard");
        List<SettingsFile> files = ClientSettings.of(plan);
        assertEquals(List.of("qbittorrent: /opt/berth/config/qbittorrent/qBittorrent/qBittorrent.conf",
                        "qbittorrent: /opt/berth/config/qbittorrent/qBittorrent/categories.json",
                        "sabnzbd: /opt/berth/config/sabnzbd/sabnzbd.ini"),
                files.stream().map(f -> f.service() + ": " + f.path()).toList());
        ClientFacts sabnzbd = ((ClientSettingsFile) files.get(2)).facts();
        assertEquals(List.of("tv", "movies", "music"), sabnzbd.categories(), "one per chosen *arr app with a library, in chosen order");
        assertEquals(List.of("sabnzbd", "gluetun", "sabnzbd.example.com"), sabnzbd.hostNames());
        assertEquals(plan.secrets().get("sabnzbd_api_key"), sabnzbd.apiKey());
        ClientFacts qbittorrent = ((ClientSettingsFile) files.get(0)).facts();
        assertEquals(plan.secrets().get("qbittorrent_password"), qbittorrent.password());
        // Both listen inside Gluetun's one network: the planner moved one, and each file names its own port.
        assertEquals(plan.service("sabnzbd").orElseThrow().webPort(), sabnzbd.webPort());
        assertNotEquals(qbittorrent.webPort(), sabnzbd.webPort());
        assertTrue(files.get(2).merge(Optional.empty()).content().contains("\nport = " + sabnzbd.webPort() + "\n"));
    }

    @Test
    void aClientOnTheBridgeIsReachedByItsNameOnly() {
        List<SettingsFile> files = ClientSettings.of(Examples.plan("remote-ssh"));
        assertEquals(List.of("transmission"), files.stream().map(SettingsFile::service).toList());
        ClientFacts transmission = ((ClientSettingsFile) files.getFirst()).facts();
        assertEquals(List.of("transmission"), transmission.hostNames());
        assertEquals(List.of("tv", "movies"), transmission.categories());
        assertEquals(List.of(), ClientSettings.of(Examples.plan("minimal-jellyfin")));
    }

    /** Only the client Gluetun's hooks give the forwarded port to starts without a random peer port. */
    @Test
    void theClientThatTakesTheForwardedPortStartsWithoutARandomPeerPort() {
        StackPlan plan = Examples.repeatablePlanner().plan(dev.berth.testsupport.ForwardingStacks.protonVpn("transmission"), java.util.Map.of());
        SettingsFile transmission = ClientSettings.of(plan).stream().filter(f -> f.service().equals("transmission")).findFirst().orElseThrow();
        assertTrue(transmission.merge(Optional.empty()).setKeys().contains("peer-port-random-on-start"));

        SettingsFile withoutForwarding = ClientSettings.of(Examples.plan("remote-ssh")).getFirst();
        assertFalse(withoutForwarding.merge(Optional.empty()).setKeys().contains("peer-port-random-on-start"));
    }

    @Test
    void noSecretInWhatIsShown() {
        StackPlan plan = Examples.plan("full-wireguard");
        for (SettingsFile file : ClientSettings.of(plan)) {
            String shown = file + " " + ((ClientSettingsFile) file).facts() + " " + file.merge(Optional.empty());
            for (String secret : List.of(plan.secrets().get("qbittorrent_password"), plan.secrets().get("sabnzbd_api_key"))) {
                assertFalse(shown.contains(secret), shown);
            }
        }
    }

    @Test
    void anUnknownFormatNamesTheCatalogFieldAndTheWayOut() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> ClientFormats.named("deluge", "deluge", 0));
        assertEquals("catalog deluge.yaml: field 'downloadClient.settingsFiles[0].format': 'deluge' is not a settings-file format Berth knows; "
                + "use one of [nzbget, qbittorrent, qbittorrent-categories, sabnzbd, transmission], or write the new format in Java "
                + "(docs/catalog-format.md says how)", e.getMessage());
    }

    /** Every format the built-in catalog names exists, so no stack fails at deploy for a typo in YAML. */
    @Test
    void everyFormatTheCatalogNamesExists() {
        for (var def : dev.berth.catalog.Catalog.builtIn().all()) {
            if (def.downloadClient() != null) {
                for (int i = 0; i < def.downloadClient().settingsFiles().size(); i++) {
                    ClientFormats.named(def.downloadClient().settingsFiles().get(i).format(), def.id(), i);
                }
            }
        }
    }
}
