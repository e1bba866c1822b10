package dev.berth.engine.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.answers.BackupAnswers;
import dev.berth.engine.SshdTestBase;
import dev.berth.engine.deploy.BackupSetup;
import dev.berth.engine.backup.BackupStackFiles;
import dev.berth.engine.deploy.KnownHosts;
import dev.berth.engine.backup.ResticImages;
import dev.berth.plan.BackupPlan;
import dev.berth.testsupport.ExternalTool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The repository step against a real SFTP server (the test sshd): restic's ssh signs in with the
 * stack's own key, the server's host key is remembered on the first connection and its fingerprint
 * is in the message, and the next deploy finds the repository without a word.
 */
@Tag("docker")
class BackupRepositorySftpTest extends SshdTestBase {
    @AfterEach
    void tearDown() {
        ExternalTool.run(tmp, List.of("chmod", "-R", "u+rwX", tmp.toString()));
    }

    @Test
    void makesTheRepositoryOverSftpAndNamesTheHostKeyRememberedOnce() throws Exception {
        new ResticImages(tmp).restic();
        Path stack = tmp.resolve("stack");
        String repository = "sftp://" + dev.berth.engine.TestSshd.USER + "@127.0.0.1:" + sshd.port() + "/" + sshd.scratch() + "/repo";
        BackupPlan backup = BackupStackFiles.plan(stack, repository, BackupAnswers.Scheduler.CONTAINER);
        BackupStackFiles.write(stack, "berthsftp", backup, "correct horse battery staple");
        // The test user's key stands in for the one the planner makes: the test sshd accepts it.
        Path key = Files.write(stack.resolve("secrets/" + BackupPlan.SSH_KEY_SECRET), Files.readAllBytes(sshd.key("ed25519")));
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));

        BackupSetup first = BackupRepositoryJobTest.run(new BackupRepositoryJob(backup, stack.toString(), Optional.empty(), Optional.of("ssh-ed25519 AAAA berth-backup")));
        assertTrue(first.ready(), first.message());
        String ed25519 = KnownHosts.lastKeyFingerprint(sshd.knownHostsLine("ed25519")).orElseThrow();
        String ecdsa = KnownHosts.lastKeyFingerprint(sshd.knownHostsLine("ecdsa")).orElseThrow();
        String remembered = first.message().contains(ed25519) ? ed25519 : ecdsa;
        assertEquals("The SFTP server's host key was remembered on this first connection: " + remembered + ". Compare it with the "
                + "server's own (ssh-keygen -lf on its host key); if they differ, delete " + stack + "/.berth/backup_known_hosts and "
                + "deploy again.", first.message());
        assertEquals(sshd.hostKeyFingerprint() + " (ssh-ed25519)", ed25519, "the fingerprint ssh-keygen -l prints");

        BackupSetup second = BackupRepositoryJobTest.run(new BackupRepositoryJob(backup, stack.toString(), Optional.empty(), Optional.empty()));
        assertTrue(second.ready(), second.message());
        assertEquals("", second.message(), "the host key is said once");
    }
}
