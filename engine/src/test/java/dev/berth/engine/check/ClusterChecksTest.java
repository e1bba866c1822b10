package dev.berth.engine.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.engine.SshdTestBase;
import dev.berth.engine.target.LocalTarget;
import dev.berth.engine.target.SshTarget;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/** Two hosts, this computer directly and over the test sshd, checked at once. */
class ClusterChecksTest extends SshdTestBase {
    @Test
    void checksEveryHostAndReadsItsResources() throws Exception {
        String dataRoot = sshd.scratch().resolve("data").toString();
        Set<String> heard = ConcurrentHashMap.newKeySet();
        List<ClusterChecks.HostReport> reports;
        try (LocalTarget here = new LocalTarget();
             SshTarget there = SshTarget.connect(sshd.withKey("ed25519"), sshd.settings(tmp));
             ClusterChecks checks = new ClusterChecks(List.of(
                     new ClusterChecks.HostToCheck("nas", here, null, dataRoot),
                     new ClusterChecks.HostToCheck("pc", there, null, dataRoot)), Checks.targetOnly())) {
            reports = checks.run((host, result) -> heard.add(host + "/" + result.checkId()));
        }
        assertEquals(List.of("nas", "pc"), reports.stream().map(ClusterChecks.HostReport::name).toList());
        for (ClusterChecks.HostReport r : reports) {
            assertEquals(Checks.targetOnly().size(), r.results().size(), r.toString());
            assertTrue(r.resources().isPresent(), r.resourcesProblem());
            for (CheckResult c : r.results()) {
                assertTrue(heard.contains(r.name() + "/" + c.checkId()), "each result reached the listener with its host: " + heard);
            }
        }
        ClusterResources sum = ClusterChecks.sum(reports);
        assertEquals(2, sum.hosts());
        assertEquals(2 * reports.getFirst().resources().orElseThrow().cores(), sum.cores());
        assertEquals(2, sum.fileSystems(), "two hosts' local disks are two, even when they are one machine here");
    }
}
