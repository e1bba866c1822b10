package dev.berth.engine.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.berth.engine.SshdTestBase;
import dev.berth.engine.TestSshd;
import dev.berth.engine.target.SshTarget;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Where the backup's units go depends on who Berth signs in as: read over a real SSH connection. */
class BackupTimersPlacementSshTest extends SshdTestBase {
    @Test
    void rootGetsTheSystemsFolderAnotherUserItsOwnWithLingering() throws Exception {
        try (SshTarget ssh = SshTarget.connect(sshd.withKey("ed25519"), sshd.settings(tmp))) {
            assertEquals(new BackupTimersJob.UnitFolder("/home/" + TestSshd.USER + "/.config/systemd/user",
                    List.of("systemctl", "--user"), Optional.of(TestSshd.USER)), BackupTimersJob.UnitFolder.on(ssh));
        }
        try (SshTarget ssh = SshTarget.connect(sshd.as("root"), sshd.settings(tmp))) {
            assertEquals(new BackupTimersJob.UnitFolder("/etc/systemd/system", List.of("systemctl"), Optional.empty()),
                    BackupTimersJob.UnitFolder.on(ssh));
        }
    }
}
