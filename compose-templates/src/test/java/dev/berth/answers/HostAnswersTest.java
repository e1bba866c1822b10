package dev.berth.answers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.catalog.Catalog;
import dev.berth.testsupport.Examples;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** hosts: and placement: in the answers: each problem on its key, and the file round trip. */
class HostAnswersTest {
    private static final TargetAnswers NAS = new TargetAnswers(TargetAnswers.Kind.SSH, "nas.local", 22, "media", null);
    private static final TargetAnswers PC = new TargetAnswers(TargetAnswers.Kind.SSH, "pc.local", null, "sam", null);

    private final AnswersValidator validator = new AnswersValidator(Catalog.builtIn());
    private final Answers minimal = Examples.answers("minimal-jellyfin");
    private final Answers twoHosts = Examples.answers("two-hosts");

    private Answers hosts(List<HostAnswers> hosts, PlacementAnswers placement) {
        // Without its own target, as a file with hosts: reads.
        return new Answers(minimal.schemaVersion(), minimal.projectName(), null, minimal.storage(), minimal.services(),
                minimal.vpn(), minimal.access(), minimal.monitoring(), minimal.media(), minimal.portOverrides(), minimal.backup(),
                hosts, placement);
    }

    @Test
    void theExampleIsValidAndItsFirstHostIsTheTarget() {
        assertEquals(List.of(), validator.validate(twoHosts));
        assertEquals(twoHosts.hosts().getFirst().target(), twoHosts.target());
        assertEquals(Map.of("qbittorrent", "nas", "jellyfin", "pc", "grafana", "pc", "prometheus", "nas"), twoHosts.placement().pins());
    }

    @Test
    void oneHostIsASingleNodeSwarm() {
        assertEquals(List.of(), validator.validate(hosts(List.of(new HostAnswers("nas", NAS, null)), PlacementAnswers.NONE)));
    }

    @Test
    void hostNamesAreUnique() {
        Answers a = hosts(List.of(new HostAnswers("nas", NAS, null), new HostAnswers("nas", PC, null)), PlacementAnswers.NONE);
        assertOnly(a, "hosts[1].name", AnswerRule.HOST_NAMES_UNIQUE, "'nas' is already the name of hosts[0]");
    }

    @Test
    void theLocalHostNeedsAnAddressTheOthersReachItAt() {
        Answers a = hosts(List.of(new HostAnswers("pc", TargetAnswers.LOCAL, null), new HostAnswers("nas", NAS, null)), PlacementAnswers.NONE);
        assertOnly(a, "hosts[0].address", AnswerRule.LOCAL_HOST_ADDRESS, "the address the other hosts reach it at");
        assertEquals(List.of(), validator.validate(a.withHosts(List.of(new HostAnswers("pc", TargetAnswers.LOCAL, "192.168.1.30"),
                new HostAnswers("nas", NAS, null)), PlacementAnswers.NONE)));
    }

    @Test
    void onlyOneHostIsThisComputer() {
        Answers a = hosts(List.of(new HostAnswers("pc", TargetAnswers.LOCAL, "10.0.0.2"), new HostAnswers("nas", NAS, null),
                new HostAnswers("laptop", TargetAnswers.LOCAL, "10.0.0.3")), PlacementAnswers.NONE);
        assertOnly(a, "hosts[2].target.kind", AnswerRule.ONE_LOCAL_HOST, "hosts[0] is already this computer");
    }

    @Test
    void aTargetBesideHostsMustBeTheFirstHost() {
        List<HostAnswers> list = List.of(new HostAnswers("nas", NAS, null), new HostAnswers("pc", PC, null));
        Answers otherTarget = minimal.withHosts(list, PlacementAnswers.NONE);
        assertOnly(otherTarget, "target", AnswerRule.TARGET_IS_FIRST_HOST, "remove 'target'");
        Answers first = new Answers(1, "berth", NAS, minimal.storage(), minimal.services(), null, null, null, null, null, null,
                list, PlacementAnswers.NONE);
        assertEquals(List.of(), validator.validate(first));
    }

    @Test
    void placementNeedsHosts() {
        Answers a = minimal.withHosts(List.of(), new PlacementAnswers(Map.of("jellyfin", "nas"), List.of()));
        assertOnly(a, "placement", AnswerRule.PLACEMENT_WITHOUT_HOSTS, "list the machines under 'hosts:'");
    }

    @Test
    void aPinNamesAHostOfTheList() {
        Answers a = twoHosts.withHosts(twoHosts.hosts(), new PlacementAnswers(Map.of("jellyfin", "gpu-box"), List.of()));
        assertOnly(a, "placement.pins.jellyfin", AnswerRule.PIN_UNKNOWN_HOST, "jellyfin is pinned to 'gpu-box', and no host has that name; use one of [nas, pc]");
    }

    @Test
    void aPinNamesAServiceBerthKnows() {
        Answers a = twoHosts.withHosts(twoHosts.hosts(), new PlacementAnswers(Map.of("jellyfinn", "pc"), List.of()));
        assertOnly(a, "placement.pins.jellyfinn", AnswerRule.UNKNOWN_SERVICE, "'jellyfinn' is pinned to pc, and Berth knows no service 'jellyfinn'");
    }

    @Test
    void swarmScheduledServicesAreServicesOfTheStack() {
        Answers a = twoHosts.withHosts(twoHosts.hosts(), new PlacementAnswers(Map.of(), List.of("plex")));
        assertOnly(a, "placement.swarm[0]", AnswerRule.SWARM_NOT_CHOSEN, "'plex' is not a service of this stack");
    }

    @Test
    void berthYamlWritesHostsAndNotTheTargetAndReadsItBack() {
        Answers stripped = AnswersSecrets.strip(twoHosts);
        String written = AnswersFile.write(stripped);
        assertFalse(written.contains("\ntarget:"), written);
        assertTrue(written.contains("\nhosts:") && written.contains("\nplacement:"), written);
        assertEquals(stripped, AnswersFile.parse(written));
        assertEquals(twoHosts.hosts(), stripped.hosts());
        assertEquals(twoHosts.placement(), stripped.placement());
    }

    @Test
    void aSingleTargetStillWritesItsTarget() {
        assertTrue(AnswersFile.write(minimal).contains("\ntarget:"));
    }

    private void assertOnly(Answers answers, String field, AnswerRule rule, String messagePart) {
        List<Problem> problems = validator.validate(answers);
        assertEquals(1, problems.size(), () -> problems.toString());
        Problem p = problems.getFirst();
        assertEquals(field, p.field(), p::toString);
        assertEquals(rule, p.rule(), p::toString);
        assertTrue(p.message().contains(messagePart), p::toString);
    }
}
