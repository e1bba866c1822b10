package dev.berth.answers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.berth.catalog.Catalog;
import dev.berth.testsupport.Examples;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** placement.swarm names only apps the catalog lets Swarm run, and none routed through the VPN; each problem is on its entry. */
class SwarmRulesTest {
    private final AnswersValidator validator = new AnswersValidator(Catalog.builtIn());
    private final Answers full = Examples.answers("full-wireguard");

    @Test
    void anAppThatKeepsItsSettingsOnItsHostIsRefusedNamingTheAppsSwarmMayRun() {
        Problem p = only(swarm(full, "sonarr"));
        assertEquals("placement.swarm[0]", p.field());
        assertEquals(AnswerRule.SWARM_NOT_SCHEDULABLE, p.rule());
        assertEquals("Swarm cannot run Sonarr: it keeps its settings, folders or devices on its host, and Swarm would start it on"
                + " another host without them. Remove 'sonarr' here; Swarm may run only flaresolverr", p.message());
    }

    @Test
    void aRoutedAppIsRefusedSayingWhereToChangeIt() {
        Problem p = only(swarm(full, "flaresolverr"));
        assertEquals("placement.swarm[0]", p.field());
        assertEquals(AnswerRule.SWARM_ROUTED, p.rule());
        assertEquals("FlareSolverr is routed through the VPN, so it runs in Gluetun's network on Gluetun's host, where Swarm cannot"
                + " place it: remove 'flaresolverr' here or from vpn.routedServices", p.message());
    }

    @Test
    void flareSolverrOutsideTheVpnMayBeScheduledBySwarm() {
        List<String> routed = full.vpn().routedServices().stream().filter(s -> !s.equals("flaresolverr")).toList();
        VpnAnswers v = full.vpn();
        Answers unrouted = full.withVpn(new VpnAnswers(v.enabled(), v.provider(), v.type(), v.wireguard(), v.openvpn(), v.countries(),
                routed, v.lanSubnet(), v.portForwarding()));
        assertEquals(List.of(), swarm(unrouted, "flaresolverr").stream().filter(p -> p.field().startsWith("placement.swarm")).toList());
    }

    private List<Problem> swarm(Answers answers, String id) {
        // Two servers: the hosts' own rules (one "this computer" at most) pass, so the catalog's rules run.
        List<HostAnswers> hosts = List.of(new HostAnswers("nas", ssh("10.0.0.2"), null), new HostAnswers("pc", ssh("10.0.0.3"), null));
        // The first host's target as the target, as berth.yaml reads back without one.
        Answers multi = new Answers(answers.schemaVersion(), answers.projectName(), hosts.getFirst().target(), answers.storage(),
                answers.services(), answers.vpn(), answers.access(), answers.monitoring(), answers.media(), answers.portOverrides(),
                answers.backup(), hosts, new PlacementAnswers(Map.of(), List.of(id)));
        return validator.validate(multi).stream().filter(p -> p.field().startsWith("placement.swarm")).toList();
    }

    private static TargetAnswers ssh(String host) {
        return new TargetAnswers(TargetAnswers.Kind.SSH, host, null, "berth", null);
    }

    private static Problem only(List<Problem> problems) {
        assertEquals(1, problems.size(), problems.toString());
        return problems.getFirst();
    }
}
