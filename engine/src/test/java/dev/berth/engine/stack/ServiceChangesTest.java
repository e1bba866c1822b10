package dev.berth.engine.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.answers.Answers;
import dev.berth.engine.stack.ServiceChange.Reason;
import dev.berth.engine.stack.ServiceChanges.ComposeServices;
import dev.berth.plan.PlannedService;
import dev.berth.plan.StackPlan;
import dev.berth.testsupport.Examples;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The comparison behind "what the deploy does to each service", on stacks the real planner and
 * renderer make (and a few small compose files for Compose's rules). What Compose really does
 * with them is checked against the engine in {@code StackDeployerServiceChangesTest}.
 */
class ServiceChangesTest {
    private static final Answers BASE = Examples.answers("minimal-jellyfin");

    private static StackPlan plan(Answers answers) {
        return StackFixtures.plan(answers, Map.of());
    }

    private static ComposeServices compose(StackPlan plan) {
        return ComposeServices.parse(StackFixtures.render(plan).files().get("compose.yaml").content());
    }

    private static String name(String service, StackPlan... plans) {
        for (StackPlan p : plans) {
            Optional<PlannedService> s = p.service(service);
            if (s.isPresent()) {
                return s.get().displayName();
            }
        }
        return service;
    }

    private static ServiceChanges between(StackPlan before, StackPlan after, boolean v2) {
        return ServiceChanges.between(compose(before), compose(after), Optional.empty(), List.of(), v2,
                Optional.of(before.answers().storage().configRoot()), s -> name(s, after, before));
    }

    @Test
    void removingSonarrStopsAndRemovesItAndTheQbittorrentItPulledInKeepingTheirSettings() {
        StackPlan before = plan(BASE.withServices(List.of("jellyfin", "sonarr")));
        assertTrue(before.has("qbittorrent"), "Sonarr pulls in a download client");
        StackPlan after = plan(BASE.withServices(List.of("jellyfin")));

        ServiceChanges changes = between(before, after, true);

        var sonarr = assertInstanceOf(ServiceChange.StopsAndRemoved.class, changes.of("sonarr").orElseThrow());
        assertEquals(List.of("/opt/berth/config/sonarr"), sonarr.settings());
        var qbit = assertInstanceOf(ServiceChange.StopsAndRemoved.class, changes.of("qbittorrent").orElseThrow());
        assertEquals(List.of("/opt/berth/config/qbittorrent"), qbit.settings());
        assertInstanceOf(ServiceChange.Unchanged.class, changes.of("jellyfin").orElseThrow());
        assertEquals(List.of(
                "Sonarr stops and its container is removed; its settings are kept in /opt/berth/config/sonarr, so choosing "
                        + "it again brings them back.",
                "qBittorrent stops and its container is removed; its settings are kept in /opt/berth/config/qbittorrent, so "
                        + "choosing it again brings them back."), changes.sentences());
        assertFalse(changes.nothingChanges());
    }

    @Test
    void aChangedPortRecreatesTheServiceBecauseItsPublishedPortChanged() {
        StackPlan before = plan(BASE.withServices(List.of("jellyfin", "sonarr")));
        Map<String, Integer> ports = new TreeMap<>(BASE.portOverrides());
        ports.put("sonarr", 18989);
        StackPlan after = plan(BASE.withServices(List.of("jellyfin", "sonarr")).withPortOverrides(ports));

        ServiceChanges changes = between(before, after, true);

        var sonarr = assertInstanceOf(ServiceChange.Recreated.class, changes.of("sonarr").orElseThrow());
        assertEquals(List.of(Reason.Kind.PORTS), sonarr.reasons().stream().map(Reason::kind).toList());
        assertEquals(List.of("Sonarr is recreated (stopped, replaced by a new container, started) because its published "
                + "ports change: 8989:8989/tcp → 18989:8989/tcp."), changes.sentences());
        assertInstanceOf(ServiceChange.Unchanged.class, changes.of("jellyfin").orElseThrow());
        assertInstanceOf(ServiceChange.Unchanged.class, changes.of("qbittorrent").orElseThrow());
    }

    @Test
    void anUnchangedRerunChangesNothing() {
        StackPlan plan = plan(BASE.withServices(List.of("jellyfin", "sonarr")));
        ServiceChanges changes = between(plan, plan(plan.answers()), true);
        assertTrue(changes.nothingChanges(), changes::toString);
        assertEquals(List.of(), changes.sentences());
    }

    @Test
    void aNewStackStartsEveryService() {
        StackPlan after = plan(BASE.withServices(List.of("jellyfin", "sonarr")));
        ServiceChanges changes = ServiceChanges.between(ComposeServices.NONE, compose(after), Optional.of(Map.of()), List.of(),
                true, Optional.empty(), s -> name(s, after));
        assertEquals(after.services().size(), changes.changes().size());
        assertTrue(changes.changes().stream().allMatch(ServiceChange.Starts.class::isInstance), changes::toString);
        assertTrue(changes.sentences().contains("Sonarr starts (new in the stack)."), changes.sentences()::toString);
    }

    private static ComposeServices yaml(String text) {
        return ComposeServices.parse(text.getBytes(StandardCharsets.UTF_8));
    }

    private static final String VPN = """
            services:
              gluetun:
                image: qmcgaw/gluetun:%s
              qbittorrent:
                image: lscr.io/linuxserver/qbittorrent:5.1.2
                network_mode: service:gluetun
                depends_on:
                  gluetun:
                    condition: service_healthy
              sonarr:
                image: lscr.io/linuxserver/sonarr:4.0.15
                depends_on:
                  qbittorrent:
                    condition: service_healthy
              jellyfin:
                image: lscr.io/linuxserver/jellyfin:10.11.6
            """;

    @Test
    void composeV2AlsoRecreatesWhatDependsOnARecreatedServiceAndV1DoesNot() {
        ComposeServices before = yaml(VPN.formatted("v3.40.0"));
        ComposeServices after = yaml(VPN.formatted("v3.41.0"));

        ServiceChanges v2 = ServiceChanges.between(before, after, Optional.empty(), List.of(), true, Optional.empty(), s -> s);
        assertEquals(List.of(Reason.Kind.IMAGE), ((ServiceChange.Recreated) v2.of("gluetun").orElseThrow()).reasons().stream()
                .map(Reason::kind).toList());
        var qbit = assertInstanceOf(ServiceChange.Recreated.class, v2.of("qbittorrent").orElseThrow());
        assertTrue(qbit.sentence().contains("gluetun, which it depends on, is recreated"), qbit.sentence());
        assertInstanceOf(ServiceChange.Recreated.class, v2.of("sonarr").orElseThrow(), "and down the line");
        assertInstanceOf(ServiceChange.Unchanged.class, v2.of("jellyfin").orElseThrow());

        ServiceChanges v1 = ServiceChanges.between(before, after, Optional.empty(), List.of(), false, Optional.empty(), s -> s);
        assertInstanceOf(ServiceChange.Recreated.class, v1.of("gluetun").orElseThrow());
        assertInstanceOf(ServiceChange.Unchanged.class, v1.of("qbittorrent").orElseThrow());
        assertInstanceOf(ServiceChange.Unchanged.class, v1.of("sonarr").orElseThrow());
    }

    @Test
    void movingIntoTheVpnIsSaidAndAChangedDependencyListAloneRecreatesNothing() {
        ComposeServices before = yaml("""
                services:
                  qbittorrent:
                    image: q:1
                    networks: [berth]
                  sonarr:
                    image: s:1
                """);
        ComposeServices after = yaml("""
                services:
                  qbittorrent:
                    image: q:1
                    network_mode: service:gluetun
                  sonarr:
                    image: s:1
                    depends_on: [qbittorrent]
                """);
        ServiceChanges c = ServiceChanges.between(before, after, Optional.empty(), List.of(), false, Optional.empty(), s -> s);
        var qbit = assertInstanceOf(ServiceChange.Recreated.class, c.of("qbittorrent").orElseThrow());
        assertEquals("qbittorrent is recreated (stopped, replaced by a new container, started) because it now goes out "
                + "through the VPN (service:gluetun).", qbit.sentence());
        assertInstanceOf(ServiceChange.Unchanged.class, c.of("sonarr").orElseThrow());
    }

    @Test
    void aChangedMountedConfigFileOrSecretRecreatesNothingButTheAppMustBeRestartedToReadIt() {
        String text = """
                services:
                  prometheus:
                    image: prom/prometheus:v3
                    volumes:
                      - type: bind
                        source: ./config/prometheus/prometheus.yml
                        target: /etc/prometheus/prometheus.yml
                        read_only: true
                  grafana:
                    image: grafana/grafana:12
                    secrets: [grafana_admin_password]
                secrets:
                  grafana_admin_password:
                    file: ./secrets/grafana_admin_password
                """;
        List<FileChange> files = List.of(
                new FileChange.Changed("config/prometheus/prometheus.yml", false, 0644, 0644, "@@"),
                new FileChange.Changed("secrets/grafana_admin_password", true, 0600, 0600, ""),
                new FileChange.Changed("compose.yaml", false, 0644, 0644, "@@"));
        ServiceChanges c = ServiceChanges.between(yaml(text), yaml(text), Optional.empty(), files, true, Optional.empty(),
                s -> s.equals("prometheus") ? "Prometheus" : "Grafana");
        var prometheus = assertInstanceOf(ServiceChange.Unchanged.class, c.of("prometheus").orElseThrow());
        assertEquals(List.of("config/prometheus/prometheus.yml"), prometheus.changedFiles());
        assertEquals("Prometheus keeps running as it is, but config/prometheus/prometheus.yml changes and it reads it only "
                + "when it starts: restart it after the deploy (docker compose restart prometheus, in the stack folder).",
                prometheus.sentence());
        assertEquals(List.of("secrets/grafana_admin_password"),
                ((ServiceChange.Unchanged) c.of("grafana").orElseThrow()).changedFiles());
        assertFalse(c.nothingChanges());
    }

    @Test
    void whatRunsDecidesBetweenStartsAndUnchangedAndFindsOrphans() {
        String text = """
                services:
                  jellyfin:
                    image: j:1
                  sonarr:
                    image: s:1
                """;
        Map<String, String> running = Map.of("jellyfin", "exited", "old-app", "running");
        ServiceChanges c = ServiceChanges.between(yaml(text), yaml(text), Optional.of(running), List.of(), true,
                Optional.empty(), s -> s);
        assertEquals("jellyfin starts (it is exited now).", c.of("jellyfin").orElseThrow().sentence());
        assertEquals("sonarr starts (it is part of the stack but has no container now).", c.of("sonarr").orElseThrow().sentence());
        assertEquals("old-app stops and its container is removed (it keeps no settings).", c.of("old-app").orElseThrow().sentence());
    }
}
