package dev.berth.secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.berth.testsupport.ExternalTool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The keys are OpenSSH's own: ssh-keygen reads the private half and derives the same public line. */
class SshKeysTest {
    @TempDir
    Path dir;

    @Test
    void sshKeygenReadsTheKeyAndAgreesOnItsPublicHalf() throws Exception {
        Path keygen = ExternalTool.require("ssh-keygen", "apt-get install openssh-client");
        String key = new SecretGenerator().sshKey();
        Path file = dir.resolve("id");
        Files.writeString(file, key);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        ExternalTool.Result r = ExternalTool.run(dir, List.of(keygen.toString(), "-y", "-f", file.toString()));
        assertEquals(0, r.exitCode(), r.output());
        assertEquals(r.output().strip(), SshKeys.publicKeyLine(key, null));
        assertEquals(r.output().strip() + " berth-backup", SshKeys.publicKeyLine(key, "berth-backup"));
    }

    @Test
    void textThatIsNoKeyIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> SshKeys.publicKeyLine("hello", null));
    }
}
