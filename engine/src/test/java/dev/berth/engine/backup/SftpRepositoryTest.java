package dev.berth.engine.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.berth.answers.BackupAnswers;
import dev.berth.engine.RequiresDocker;
import dev.berth.engine.SshdTestBase;
import dev.berth.engine.TestSshd;
import dev.berth.engine.target.LocalTarget;
import dev.berth.plan.BackupPlan;
import dev.berth.testsupport.ExternalTool;
import dev.berth.testsupport.NeedsDocker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An SFTP repository served by the test sshd: Berth's own backup key (secrets/restic_ssh_key) in
 * the repository user's authorized_keys, restic's ssh in its container reaching 127.0.0.1 through
 * the host's network. Backed up, an app's folder lost, restored byte for byte, healthy again.
 */
@NeedsDocker
class SftpRepositoryTest extends SshdTestBase {
    @TempDir
    Path root;
    private BackupScenario scenario;
    private Path repository;

    @Test
    void backsUpToAndRestoresFromAnSftpRepository() throws Exception {
        RequiresDocker.engine();
        ExternalTool.require("ssh-keygen", "apt-get install openssh-client");
        scenario = new BackupScenario(root, 1000);
        scenario.deploy(LocalTarget::new);

        Path key = scenario.stack.resolve("secrets/" + BackupPlan.SSH_KEY_SECRET);
        Files.deleteIfExists(key);
        ExternalTool.Result made = ExternalTool.run(root, List.of("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "berth-backup",
                "-f", key.toString()));
        assertEquals(0, made.exitCode(), made.output());
        Files.writeString(sshd.key("ed25519").resolveSibling("authorized_keys"), Files.readString(key.resolveSibling(key.getFileName() + ".pub")),
                StandardOpenOption.APPEND);
        repository = Path.of("/home", TestSshd.NO_DOCKER_USER, "berth-restic-" + UUID.randomUUID());
        Files.createDirectories(repository);
        ExternalTool.run(root, List.of("chown", TestSshd.NO_DOCKER_USER + ":", repository.toString()));

        scenario.useRepository("sftp://" + TestSshd.NO_DOCKER_USER + "@127.0.0.1:" + sshd.port() + "/" + repository + "/repo",
                BackupAnswers.RepositoryKind.SFTP);
        scenario.init(LocalTarget::new);
        scenario.backUpAndRestoreDeployed(LocalTarget::new);
    }

    @AfterEach
    void cleanUp() {
        if (scenario != null) {
            scenario.cleanUp();
        }
        if (repository != null) {
            ExternalTool.run(root, List.of("rm", "-rf", repository.toString()));
        }
    }
}
