package dev.berth.engine.install;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.engine.SshdTestBase;
import dev.berth.engine.TestSshd;
import dev.berth.engine.check.TargetFacts;
import dev.berth.engine.target.LocalTarget;
import dev.berth.engine.target.SshTarget;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The install's facts read off real machines: this computer as root, and a plain user over SSH. */
class HostFactsReaderTest extends SshdTestBase {

    @Test
    void thisComputerAsRoot() throws Exception {
        HostFacts facts;
        try (LocalTarget t = new LocalTarget()) {
            facts = HostFactsReader.read(t);
        }
        assertEquals("Linux", facts.kernel());
        assertEquals(TargetFacts.OsInfo.parse(Files.readString(Path.of("/etc/os-release"))), facts.os());
        assertEquals(HostFacts.Privilege.ROOT, facts.privilege(), "the SSH tests run as root");
        assertFalse(facts.snapDocker());
        if (facts.installedVersion() != null) {
            assertTrue(facts.installedVersion().matches("\\d+\\.\\d+.*"), facts.installedVersion());
        }
    }

    @Test
    void aUserWithoutSudoRightsIsRefusedWithWhatToDo() throws Exception {
        HostFacts facts;
        try (SshTarget t = SshTarget.connect(sshd.as(TestSshd.NO_DOCKER_USER), sshd.settings(tmp))) {
            facts = HostFactsReader.read(t);
        }
        assertEquals(TestSshd.NO_DOCKER_USER, facts.user());
        assertEquals(HostFacts.Privilege.NONE, facts.privilege(), "no sudo here, or not in its groups");
        HostFacts withoutDocker = new HostFacts(facts.kernel(), facts.os(), facts.arch(), facts.machine(), facts.user(),
                facts.privilege(), facts.snapDocker(), null);
        InstallPlan.Refused refused = assertInstanceOf(InstallPlan.Refused.class,
                new InstallPlanner(DockerReleases.builtIn()).plan(withoutDocker));
        assertEquals(TestSshd.NO_DOCKER_USER + " is not root and may not use sudo, so the install cannot run its commands as root",
                refused.reason());
    }
}
