package dev.berth.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.answers.Answers;
import dev.berth.answers.InvalidAnswersException;
import dev.berth.answers.VpnAnswers;
import dev.berth.catalog.PortSpec;
import dev.berth.testsupport.Examples;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One test per planning rule. */
class PlannerRulesTest {
    private final Planner planner = Examples.repeatablePlanner();
    private final Answers minimal = Examples.answers("minimal-jellyfin");
    private final Answers full = Examples.answers("full-wireguard");

    @Test
    void twoServicesWantingOneHostPortGetDifferentOnesWithTheReason() {
        StackPlan plan = planner.plan(minimal.withServices(List.of("jellyfin", "emby")), Map.of());
        assertEquals(8096, plan.service("jellyfin").orElseThrow().hostWebPort());
        assertEquals(8097, plan.service("emby").orElseThrow().hostWebPort());
        assertEquals(List.of(new PortMove("emby", 8096, 8097, false, "port 8096 is used by Jellyfin")), plan.portMoves());
        assertEquals(plan.publishedPorts().size(), plan.publishedPorts().stream()
                .map(p -> p.hostPort() + "/" + p.protocol()).distinct().count(), "no host port twice");
    }

    @Test
    void aPortThePersonChoseWinsAndTheOthersFitAround() {
        StackPlan plan = planner.plan(minimal.withServices(List.of("jellyfin", "emby")).withPortOverrides(Map.of("emby", 8096)), Map.of());
        assertEquals(8096, plan.service("emby").orElseThrow().hostWebPort());
        assertEquals(8097, plan.service("jellyfin").orElseThrow().hostWebPort());
        assertEquals("port 8096 is used by Emby", plan.portMoves().getFirst().reason());
    }

    @Test
    void twoChosenPortsThatClashAreAProblemToFix() {
        InvalidAnswersException e = assertThrows(InvalidAnswersException.class, () -> planner.plan(
                minimal.withServices(List.of("jellyfin", "emby")).withPortOverrides(Map.of("emby", 9000, "jellyfin", 9000)), Map.of()));
        assertEquals("portOverrides.emby", e.problems().getFirst().field());
        assertTrue(e.problems().getFirst().message().contains("port 9000 is already used by Jellyfin; choose another port"), e.getMessage());
    }

    @Test
    void addingAnAppLaterKeepsThePortsOfTheAppsAlreadyThere() {
        StackPlan before = planner.plan(minimal.withServices(List.of("emby")), Map.of());
        StackPlan after = planner.plan(minimal.withServices(List.of("emby", "jellyfin")), Map.of());
        assertEquals(before.service("emby").orElseThrow().hostWebPort(), after.service("emby").orElseThrow().hostWebPort());
    }

    /**
     * Transmission wants 9091, Authelia's port. On a new stack the person's apps pick first, so
     * Transmission would get it; on a running stack Authelia keeps it and Transmission moves.
     */
    @Test
    void aServiceThatAlreadyRunsKeepsItsPortAndTheNewcomerMoves() {
        StackPlan running = planner.plan(full, Map.of());
        assertEquals(9091, running.service("authelia").orElseThrow().hostWebPort());
        PreviousPorts previous = PreviousPorts.fromCompose(composeOf(running));
        assertEquals(java.util.Optional.of(9091), previous.hostPort("authelia", 9091, PortSpec.Protocol.TCP));

        List<String> withTransmission = new java.util.ArrayList<>(full.services());
        withTransmission.add("transmission");
        Answers added = full.withServices(withTransmission);
        StackPlan after = planner.plan(added, running.secrets(), previous);
        assertEquals(9091, after.service("authelia").orElseThrow().hostWebPort());
        int transmission = after.service("transmission").orElseThrow().hostWebPort();
        assertTrue(transmission != 9091 && transmission > 0, "Transmission moves: " + transmission);
        assertTrue(after.portMoves().contains(new PortMove("transmission", 9091, transmission, false,
                "port 9091 is used by Authelia, which already runs on it")), after.portMoves().toString());
        assertTrue(after.portMoves().stream().noneMatch(m -> m.service().equals("authelia")), after.portMoves().toString());
        for (PlannedService s : running.services()) {
            after.service(s.name()).ifPresent(now -> assertEquals(s.ports(), now.ports(), s.name() + " keeps every port"));
        }

        // Once deployed, Transmission keeps the port it got too, and the summary still says why it is not 9091.
        StackPlan again = planner.plan(added, after.secrets(), PreviousPorts.fromCompose(composeOf(after)));
        assertEquals(after.publishedPorts(), again.publishedPorts());
        assertEquals(List.of(new PortMove("transmission", 9091, transmission, false,
                "keeps port " + transmission + ", which it already has in the running stack")),
                again.portMoves().stream().filter(m -> !m.inside()).toList());
        assertEquals(composeOf(after), composeOf(again));
    }

    @Test
    void aPortThePersonChoseWinsOverOneTheRunningStackHas() {
        StackPlan running = planner.plan(full, Map.of());
        PreviousPorts previous = PreviousPorts.fromCompose(composeOf(running));
        StackPlan after = planner.plan(full.withPortOverrides(Map.of("seerr", 9091)), running.secrets(), previous);
        assertEquals(9091, after.service("seerr").orElseThrow().hostWebPort());
        assertTrue(after.service("authelia").orElseThrow().hostWebPort() != 9091);
    }

    @Test
    void whatIsNotAComposeFileGivesNoPreviousPorts() {
        assertEquals(PreviousPorts.NONE, PreviousPorts.fromCompose(null));
        assertEquals(PreviousPorts.NONE, PreviousPorts.fromCompose("services: [\n"));
        assertEquals(PreviousPorts.NONE, PreviousPorts.fromCompose("- a list\n"));
        assertEquals(Map.of("web/80/tcp", 8080, "web/53/udp", 5353),
                PreviousPorts.fromCompose("services:\n  web:\n    ports:\n      - 8080:80/tcp\n      - 127.0.0.1:5353:53/udp\n      - 9000\n").hostPorts());
    }

    private static String composeOf(StackPlan plan) {
        return new String(new dev.berth.render.Renderer().render(plan).files().get("compose.yaml").content(),
                java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void vpnRoutedAppsLiveInGluetunsNamespaceAndTheirPortsMoveToGluetun() {
        StackPlan plan = planner.plan(full, Map.of());
        PlannedService qbit = plan.service("qbittorrent").orElseThrow();
        PlannedService gluetun = plan.service("gluetun").orElseThrow();
        assertEquals(Placement.VPN, qbit.placement());
        assertTrue(qbit.ports().isEmpty(), "a VPN-routed app publishes nothing itself");
        assertTrue(gluetun.ports().stream().anyMatch(p -> p.forService().equals("qbittorrent") && p.containerPort() == 6881
                && p.protocol() == PortSpec.Protocol.UDP), gluetun.ports().toString());
        assertEquals("service_healthy", qbit.dependsOn().get("gluetun"));
        assertEquals("gluetun", qbit.address());
    }

    @Test
    void twoAppsOnOnePortInsideTheVpnMoveTheOneThatCan() {
        StackPlan plan = planner.plan(full, Map.of());
        PlannedService qbit = plan.service("qbittorrent").orElseThrow();
        assertEquals(8081, qbit.webPort());
        assertEquals("8081", qbit.environment().get("WEBUI_PORT"));
        assertEquals(8080, plan.service("sabnzbd").orElseThrow().webPort());
        assertTrue(plan.portMoves().stream().anyMatch(m -> m.inside() && m.service().equals("qbittorrent")
                && m.reason().contains("SABnzbd also listens on 8080")), plan.portMoves().toString());
    }

    @Test
    void aRequiredServiceIsAddedWithItsReason() {
        StackPlan plan = planner.plan(minimal.withServices(List.of("sonarr")), Map.of());
        assertTrue(plan.has("qbittorrent"));
        Addition added = plan.additions().stream().filter(a -> a.service().equals("qbittorrent")).findFirst().orElseThrow();
        assertEquals("Added for Sonarr: Sonarr hands every episode it finds to a download client.", added.reason());
        assertTrue(plan.suggestions().contains("prowlarr"));
        assertFalse(plan.has("prowlarr"), "suggestions are offered, not added");
    }

    @Test
    void aRequirementAlreadyMetAddsNothing() {
        StackPlan plan = planner.plan(minimal.withServices(List.of("sonarr", "sabnzbd")), Map.of());
        assertFalse(plan.has("qbittorrent"));
        assertEquals(List.of(), plan.additions());
    }

    @Test
    void trashMountsShareOneDataTree() {
        StackPlan plan = planner.plan(full, Map.of());
        String data = full.storage().dataRoot();
        assertMount(plan, "qbittorrent", data + "/torrents", "/data/torrents");
        assertMount(plan, "sabnzbd", data + "/usenet", "/data/usenet");
        assertMount(plan, "sonarr", data, "/data");
        assertMount(plan, "radarr", data, "/data");
        assertMount(plan, "jellyfin", data + "/media", "/data/media");
        assertMount(plan, "bazarr", data + "/media", "/data/media");
        assertTrue(plan.dataDirectories().containsAll(List.of("torrents/tv", "usenet/incomplete", "usenet/complete/movies", "media/tv")));
    }

    @Test
    void appsBehindAutheliaAreReachableOnlyThroughTheProxy() {
        StackPlan plan = planner.plan(full, Map.of());
        assertEquals(0, plan.service("sonarr").orElseThrow().hostWebPort());
        assertEquals(8096, plan.service("jellyfin").orElseThrow().hostWebPort(), "unprotected apps stay on the LAN");
        assertTrue(plan.publishedPorts().stream().noneMatch(p -> p.forService().equals("sonarr")));
    }

    @Test
    void servicesWaitForWhatTheyNeed() {
        StackPlan plan = planner.plan(full, Map.of());
        assertEquals("service_started", plan.service("grafana").orElseThrow().dependsOn().get("prometheus"));
        assertEquals("service_started", plan.service("exportarr-sonarr").orElseThrow().dependsOn().get("sonarr"));
        assertEquals("service_started", plan.service("sonarr").orElseThrow().dependsOn().get("qbittorrent"));
        assertEquals("service_started", plan.service("authelia").orElseThrow().dependsOn().get("npm"));
    }

    /**
     * Only a dependent that fails without the other answering waits for its health check: Authelia
     * on Redis (the catalog's waitForHealthy) and every routed app on Gluetun. Each other
     * service_healthy would hold a first deploy up by a check interval along its chain.
     */
    @Test
    void onlyAutheliaOnRedisAndRoutedAppsOnGluetunWaitForHealthy() {
        StackPlan plan = planner.plan(full, Map.of());
        java.util.Set<String> healthyWaits = new java.util.TreeSet<>();
        for (PlannedService s : plan.services()) {
            s.dependsOn().forEach((on, condition) -> {
                if (condition.equals("service_healthy")) {
                    healthyWaits.add(s.name() + " → " + on);
                }
            });
        }
        java.util.Set<String> expected = new java.util.TreeSet<>(java.util.Set.of("authelia → redis"));
        plan.services().stream().filter(s -> s.placement() == Placement.VPN).forEach(s -> expected.add(s.name() + " → gluetun"));
        assertTrue(expected.size() > 2, "the full example routes apps through the VPN: " + expected);
        assertEquals(expected, healthyWaits);
    }

    @Test
    void monitoringAddsOneExporterPerArrApp() {
        StackPlan plan = planner.plan(full, Map.of());
        PlannedService exporter = plan.service("exportarr-prowlarr").orElseThrow();
        assertEquals(List.of("prowlarr"), exporter.command());
        assertEquals("http://gluetun:9696", exporter.environment().get("URL"), "Prowlarr is behind the VPN");
        assertEquals("/run/secrets/prowlarr_api_key", exporter.environment().get("API_KEY_FILE"));
        assertFalse(plan.has("exportarr-bazarr"));
    }

    /** NZBGet's user and password come from its catalog file; no golden example has NZBGet. */
    @Test
    void nzbgetGetsItsUserAndAGeneratedPasswordAsAFile() {
        StackPlan plan = planner.plan(minimal.withServices(List.of("jellyfin", "nzbget")), Map.of());
        PlannedService nzbget = plan.service("nzbget").orElseThrow();
        assertEquals(List.of("PUID", "PGID", "UMASK", "TZ", "NZBGET_USER", "FILE__NZBGET_PASS"), List.copyOf(nzbget.environment().keySet()));
        assertEquals("nzbget", nzbget.environment().get("NZBGET_USER"));
        assertEquals("/run/secrets/nzbget_password", nzbget.environment().get("FILE__NZBGET_PASS"));
        assertEquals(List.of("nzbget_password"), nzbget.secrets());
        assertTrue(plan.secrets().get("nzbget_password").matches("[A-Za-z0-9]{24}"), "a generated password");
    }

    @Test
    void secretsAreFilesNeverValues() {
        StackPlan plan = planner.plan(full, Map.of());
        for (PlannedService s : plan.services()) {
            for (String value : s.environment().values()) {
                // An empty value is the placeholder of a key an app makes itself (jellyfin_api_key): nothing to leak.
                for (String secret : plan.secrets().values().stream().filter(v -> !v.isEmpty()).toList()) {
                    assertFalse(value.contains(secret), s.name() + " has a secret in its environment");
                }
            }
        }
        assertEquals(64, plan.secrets().get("authelia_jwt_secret").length());
        assertEquals(64, plan.secrets().get("authelia_session_secret").length());
        assertEquals(64, plan.secrets().get("authelia_storage_encryption_key").length());
        assertTrue(plan.secrets().get("authelia_user_alice_hash").startsWith("$argon2id$v=19$m=65536,t=3,p=4$"));
    }

    @Test
    void previousSecretsAreKept() {
        StackPlan first = planner.plan(full, Map.of());
        StackPlan second = new Planner(dev.berth.catalog.Catalog.builtIn()).plan(full, first.secrets());
        assertEquals(first.secrets(), second.secrets());
    }

    @Test
    void aMissingVpnKeyIsAProblemNotACrash() {
        VpnAnswers v = full.vpn();
        Answers noKey = full.withVpn(new VpnAnswers(true, v.provider(), v.type(),
                new VpnAnswers.WireGuard(null, v.wireguard().addresses(), null), null, v.countries(), v.routedServices(), v.lanSubnet()));
        InvalidAnswersException e = assertThrows(InvalidAnswersException.class, () -> planner.plan(noKey, Map.of()));
        assertEquals("vpn.wireguard.privateKey", e.problems().getFirst().field());
        // On a re-run the key comes from the stack's secrets.
        StackPlan plan = planner.plan(noKey, Map.of("wireguard_private_key", v.wireguard().privateKey()));
        assertEquals(v.wireguard().privateKey(), plan.secrets().get("wireguard_private_key"));
    }

    private static void assertMount(StackPlan plan, String service, String source, String target) {
        assertTrue(plan.service(service).orElseThrow().mounts().contains(Mount.bind(source, target, false)),
                service + " mounts " + plan.service(service).orElseThrow().mounts());
    }
}
