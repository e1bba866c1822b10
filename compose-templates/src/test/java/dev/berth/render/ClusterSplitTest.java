package dev.berth.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.answers.InvalidAnswersException;
import dev.berth.plan.HostLayout;
import dev.berth.plan.Mount;
import dev.berth.plan.PlannedService;
import dev.berth.plan.StackPlan;
import dev.berth.testsupport.Examples;
import dev.berth.testsupport.TwoHostStacks;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** A whole stack split across two hosts: who gets which service, file and secret. */
class ClusterSplitTest {
    private final PlannedStack whole = TwoHostStacks.whole();
    private final HostLayout layout = TwoHostStacks.layout(whole.plan(), TwoHostStacks.ON_PC);
    private final List<HostShare> shares = new ClusterSplit().split(whole, layout);

    @Test
    void eachServiceRunsOnExactlyOneHostInTheLayoutsHostOrder() {
        assertEquals(List.of("nas", "pc"), shares.stream().map(HostShare::host).toList());
        List<String> all = new ArrayList<>();
        for (HostShare share : shares) {
            Set<String> inCompose = services(share).keySet();
            assertEquals(new TreeSet<>(layout.servicesOn(share.host())), new TreeSet<>(inCompose), share.host() + "'s compose.yaml");
            assertEquals(layout.servicesOn(share.host()), share.plan().services().stream().map(PlannedService::name).toList(),
                    share.host() + "'s plan");
            all.addAll(inCompose);
        }
        assertEquals(new TreeSet<>(whole.plan().services().stream().map(PlannedService::name).toList()), new TreeSet<>(all));
        assertEquals(whole.plan().services().size(), all.size(), "a service on two hosts: " + all);
    }

    @Test
    void everyHostJoinsTheOverlayNetworkUnderTheKeyItsServicesName() {
        for (HostShare share : shares) {
            assertEquals(Map.of("berth", Map.of("external", true, "name", "berth-overlay")), compose(share).get("networks"), share.host());
        }
    }

    @Test
    void aDependencyOnAnotherHostsServiceIsDroppedAndOneOnTheSameHostKept() {
        Map<String, Object> pc = services(share("pc"));
        assertTrue(whole.plan().service("exportarr-sonarr").orElseThrow().dependsOn().containsKey("sonarr"), "the test needs a cross-host dependency");
        for (HostShare share : shares) {
            services(share).forEach((name, service) -> {
                if (((Map<?, ?>) service).get("depends_on") instanceof Map<?, ?> deps) {
                    deps.keySet().forEach(dep -> assertTrue(services(share).containsKey(dep), name + " on " + share.host() + " depends on " + dep));
                }
            });
        }
        assertEquals(Map.of("prometheus", Map.of("condition", "service_started")), ((Map<?, ?>) pc.get("exportarr-sonarr")).get("depends_on"));
        assertEquals(Map.of("jellyfin", Map.of("condition", "service_started")), ((Map<?, ?>) pc.get("seerr")).get("depends_on"));
        assertFalse(share("pc").plan().service("exportarr-sonarr").orElseThrow().dependsOn().containsKey("sonarr"));
    }

    @Test
    void theManagerKeepsEverySecretAnotherHostOnlyThoseItsServicesMount() {
        Set<String> wholeSecrets = secretFiles(whole.rendered());
        assertEquals(wholeSecrets, secretFiles(share("nas").rendered()));
        Set<String> mountedOnPc = new TreeSet<>();
        share("pc").plan().services().forEach(s -> mountedOnPc.addAll(s.secrets()));
        assertEquals(mountedOnPc, secretFiles(share("pc").rendered()));
        assertFalse(secretFiles(share("pc").rendered()).contains("wireguard_private_key"));
        assertTrue(secretFiles(share("pc").rendered()).contains("grafana_admin_password"));
        assertEquals(mountedOnPc, ((Map<?, ?>) compose(share("pc")).get("secrets")).keySet());
    }

    @Test
    void theMediaServerAwayFromTheDataMountsTheMediaOverNfsFromTheStorageHost() {
        Map<String, Object> pc = compose(share("pc"));
        assertEquals(Map.of(ClusterSplit.NFS_MEDIA_VOLUME, Map.of("driver", "local", "driver_opts",
                Map.of("type", "nfs", "o", "addr=192.168.1.10,rw,nfsvers=4,soft", "device", ":/srv/data/media"))), pc.get("volumes"));
        assertTrue(((List<?>) ((Map<?, ?>) services(share("pc")).get("jellyfin")).get("volumes"))
                .contains(Map.of("type", "volume", "source", ClusterSplit.NFS_MEDIA_VOLUME, "target", "/data/media")));
        assertEquals(Map.of("redis-data", Map.of()), compose(share("nas")).get("volumes"), "nas holds the data and mounts it directly");
        assertTrue(share("pc").plan().service("jellyfin").orElseThrow().mounts().stream()
                .noneMatch(m -> m.type() == Mount.Type.BIND && m.source().startsWith("/srv/data")));
        assertTrue(share("pc").plan().dataDirectories().isEmpty(), "the data tree is made on nas only");
        assertEquals(whole.plan().dataDirectories(), share("nas").plan().dataDirectories());
        String note = ClusterSplit.nfsExportNote(whole.plan(), layout).orElseThrow();
        assertTrue(note.equals("Export /srv/data from nas over NFS (version 4, read-write): jellyfin on pc mounts /srv/data/media from there."
                + " On nas, add to /etc/exports: /srv/data pc.local(rw,no_subtree_check) and run exportfs -ra."), note);
        assertEquals(note, ((Map<?, ?>) new org.yaml.snakeyaml.Yaml(new SafeConstructor(new LoaderOptions()))
                .load(share("nas").rendered().text(HostLayoutFile.PATH))).get("nfs"));
    }

    @Test
    void noNfsVolumeWhenTheMediaServerRunsWithTheData() {
        Set<String> onPc = new TreeSet<>(TwoHostStacks.ON_PC);
        onPc.removeAll(Set.of("jellyfin", "seerr"));
        HostLayout together = TwoHostStacks.layout(whole.plan(), onPc);

        for (HostShare share : new ClusterSplit().split(whole, together)) {
            assertFalse(share.rendered().text("compose.yaml").contains("nfs"), share.host());
        }
        assertTrue(ClusterSplit.nfsExportNote(whole.plan(), together).isEmpty());
    }

    @Test
    void aConfigFileGoesToTheHostWhoseServiceMountsIt() {
        assertTrue(share("pc").rendered().files().containsKey("config/prometheus/prometheus.yml"));
        assertFalse(share("nas").rendered().files().containsKey("config/prometheus/prometheus.yml"));
        assertTrue(share("nas").rendered().files().containsKey("config/authelia/configuration.yml"));
        assertFalse(share("pc").rendered().files().containsKey("config/authelia/configuration.yml"));
        for (String path : whole.rendered().files().keySet()) {
            // Homepage's tiles are rendered again with each service's host (homepageAndTheLinksPointAtTheHostEachServiceRunsOn).
            if (path.equals(Renderer.HOMEPAGE_SERVICES)) {
                assertTrue(shares.stream().anyMatch(s -> s.rendered().files().containsKey(path)), path + " reached no host");
            } else if (!path.equals("compose.yaml")) {
                assertTrue(shares.stream().anyMatch(s -> s.rendered().files().get(path) != null
                        && s.rendered().files().get(path).equals(whole.rendered().file(path))), path + " reached no host unchanged");
            }
        }
        for (HostShare share : shares) {
            for (String path : List.of("berth.yaml", ".env", HostLayoutFile.PATH)) {
                assertTrue(share.rendered().files().containsKey(path), path + " on " + share.host());
            }
        }
    }

    @Test
    void aHostWithEverythingGetsTheWholeComposeFileButForItsNetwork() {
        HostLayout allOnNas = TwoHostStacks.layout(whole.plan(), Set.of());

        HostShare nas = new ClusterSplit().split(whole, allOnNas).get(0);

        String wholeCompose = whole.rendered().text("compose.yaml");
        assertEquals(wholeCompose.replace("networks:\n  berth:\n    driver: bridge\n",
                "networks:\n  berth:\n    external: true\n    name: berth-overlay\n"), nas.rendered().text("compose.yaml"));
        assertEquals(whole.plan().secrets().keySet(), secretFiles(nas.rendered()));
    }

    @Test
    void aLayoutThatSeparatesADownloadAppFromTheDataIsRefusedNamingIt() {
        Set<String> onPc = new TreeSet<>(TwoHostStacks.ON_PC);
        onPc.add("sonarr");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ClusterSplit().split(whole, TwoHostStacks.layout(whole.plan(), onPc)));

        assertTrue(e.getMessage().contains("sonarr mounts /srv/data") && e.getMessage().contains("storage host nas"), e.getMessage());
    }

    @Test
    void backupsOnSeveralHostsAreRefusedOnTheirKey() {
        StackPlan plan = Examples.repeatablePlanner().plan(TwoHostStacks.answers().withBackup(Examples.answers("backups").backup()), Map.of());
        PlannedStack backups = new PlannedStack(plan, new Renderer().render(plan));

        InvalidAnswersException e = assertThrows(InvalidAnswersException.class,
                () -> new ClusterSplit().split(backups, TwoHostStacks.layout(plan, Set.of())));

        assertEquals("backup.enabled", e.problems().getFirst().field());
        assertEquals(SplitRule.BACKUP_WITH_HOSTS, e.problems().getFirst().rule());
    }

    @Test
    void theLayoutFileReadsBackAsTheLayout() {
        HostLayout read = HostLayoutFile.read(share("pc").rendered().file(HostLayoutFile.PATH).content());

        assertEquals(layout, read);
    }

    @Test
    void aLayoutFileNamingAnUnknownHostIsRefusedWithTheKeyAndWhatToDo() {
        String text = share("nas").rendered().text(HostLayoutFile.PATH).replace("host: pc", "host: laptop");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> HostLayoutFile.read(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));

        assertTrue(e.getMessage().startsWith("berth-hosts.yaml: services.") && e.getMessage().contains(".host must name one of the hosts [nas, pc]")
                && e.getMessage().contains("delete the file"), e.getMessage());
    }

    @Test
    void homepageAndTheLinksPointAtTheHostEachServiceRunsOn() {
        Set<String> onPc = new TreeSet<>(TwoHostStacks.ON_PC);
        onPc.add("npm");
        List<HostShare> split = new ClusterSplit().split(whole, TwoHostStacks.layout(whole.plan(), onPc));
        HostShare nas = split.get(0);
        HostShare pc = split.get(1);
        String tiles = nas.rendered().text("config/homepage/services.yaml");

        // npm runs on pc (no address: its SSH host), homepage on nas: the tile leads to pc, not to the first host.
        assertTrue(tiles.contains("href: http://pc.local:81/"), tiles);
        assertEquals("http://pc.local:81/", Links.url(pc.plan(), pc.plan().service("npm").orElseThrow()));
        // A service on nas is linked at nas's address, not at its SSH host.
        assertEquals(java.util.Optional.of("192.168.1.10"), nas.plan().addressOf("sonarr"));
        assertTrue(share("nas").rendered().text("config/homepage/services.yaml").contains("href: http://192.168.1.10:81/"));
    }

    private HostShare share(String host) {
        return shares.stream().filter(s -> s.host().equals(host)).findFirst().orElseThrow();
    }

    private static Set<String> secretFiles(RenderedStack stack) {
        Set<String> names = new TreeSet<>();
        stack.files().keySet().stream().filter(p -> p.startsWith("secrets/")).forEach(p -> names.add(p.substring("secrets/".length())));
        return names;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> compose(HostShare share) {
        return (Map<String, Object>) new org.yaml.snakeyaml.Yaml(new SafeConstructor(new LoaderOptions())).load(share.rendered().text("compose.yaml"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> services(HostShare share) {
        return (Map<String, Object>) compose(share).get("services");
    }
}
