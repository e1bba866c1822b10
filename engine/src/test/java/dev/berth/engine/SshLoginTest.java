package dev.berth.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.berth.engine.target.SshDestination;
import dev.berth.engine.target.SshTarget;
import dev.berth.engine.target.TargetException;
import dev.berth.engine.target.TargetException.Reason;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Logging in to the real OpenSSH server, and every way it can fail. */
class SshLoginTest extends SshdTestBase {


    private String whoami(SshTarget t) throws TargetException {
        return t.exec(List.of("whoami"), Duration.ofSeconds(10)).stdout().trim();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ed25519", "rsa", "ecdsa"})
    void logsInWithEachKeyType(String type) throws Exception {
        try (SshTarget t = SshTarget.connect(sshd.withKey(type), sshd.settings(tmp))) {
            assertEquals(TestSshd.USER, whoami(t));
            assertEquals(TestSshd.USER + "@127.0.0.1:" + sshd.port(), t.description());
        }
    }

    @Test
    void anEncryptedKeyAsksForItsPassphrase() throws Exception {
        AtomicInteger asked = new AtomicInteger();
        SshDestination dest = sshd.withKey("ed25519-encrypted").withPassphrase(q -> {
            asked.incrementAndGet();
            assertEquals("Passphrase for " + sshd.key("ed25519-encrypted"), q);
            return TestSshd.PASSPHRASE;
        });
        try (SshTarget t = SshTarget.connect(dest, sshd.settings(tmp))) {
            assertEquals(TestSshd.USER, whoami(t));
        }
        assertEquals(1, asked.get());
    }

    @Test
    void aWrongPassphraseSaysSo() throws Exception {
        SshDestination dest = sshd.withKey("ed25519-encrypted").withPassphrase(q -> "not it");
        TargetException e = assertThrows(TargetException.class, () -> SshTarget.connect(dest, sshd.settings(tmp)));
        assertEquals(Reason.KEY_UNREADABLE, e.reason());
        assertEquals("Cannot use the key " + sshd.key("ed25519-encrypted") + ": the passphrase is wrong.", e.getMessage());
    }

    @Test
    void aMissingKeyFileSaysSo() throws Exception {
        Path missing = tmp.resolve("id_nope");
        TargetException e = assertThrows(TargetException.class, () -> SshTarget.connect(
                SshDestination.withKey("127.0.0.1", sshd.port(), TestSshd.USER, missing), sshd.settings(tmp)));
        assertEquals(Reason.KEY_UNREADABLE, e.reason());
        assertEquals("Cannot use the key " + missing + ": it does not exist. Check the path, or create a key with:"
                + " ssh-keygen -t ed25519", e.getMessage());
    }

    @Test
    void aPublicKeyFileIsNotAPrivateKey() throws Exception {
        Path pub = Path.of(sshd.key("ed25519") + ".pub");
        TargetException e = assertThrows(TargetException.class, () -> SshTarget.connect(
                SshDestination.withKey("127.0.0.1", sshd.port(), TestSshd.USER, pub), sshd.settings(tmp)));
        assertEquals(Reason.KEY_UNREADABLE, e.reason());
        assertEquals("Cannot use the key " + pub + ": it holds no private key. Choose the private key file (without .pub).",
                e.getMessage());
    }

    @Test
    void theUsualKeysWhenNoneIsNamed() throws Exception {
        // Like ssh: ~/.ssh/id_* that exist are tried; an encrypted one whose passphrase is not given is skipped.
        List<Path> defaults = List.of(tmp.resolve("id_missing"), sshd.key("ed25519-encrypted"), sshd.key("rsa"));
        SshDestination dest = new SshDestination("127.0.0.1", sshd.port(), TestSshd.USER, null, null, q -> null, null);
        try (SshTarget t = SshTarget.connect(dest, sshd.settings(tmp).withDefaultKeys(defaults))) {
            assertEquals(TestSshd.USER, whoami(t));
        }
    }

    @Test
    void aRejectedKeyIsNamed() throws Exception {
        Path other = tmp.resolve("id_other");
        MachineSetup.keygen(List.of("-t", "ed25519", "-N", "", "-f", other.toString()));
        TargetException e = assertThrows(TargetException.class, () -> SshTarget.connect(
                SshDestination.withKey("127.0.0.1", sshd.port(), TestSshd.USER, other), sshd.settings(tmp)));
        assertEquals(Reason.AUTH_FAILED, e.reason());
        assertEquals("The server 127.0.0.1 did not accept the login as berthtest: the key " + other + " was rejected."
                + " To allow the key, add its public key to ~/.ssh/authorized_keys of berthtest on the server, e.g."
                + " ssh-copy-id -i " + other + ".pub -p " + sshd.port() + " berthtest@127.0.0.1. Check that the user"
                + " name berthtest is right.", e.getMessage());
    }

    @Test
    void aHostAliasFromTheSshConfig() throws Exception {
        Path config = java.nio.file.Files.writeString(tmp.resolve("config"), String.join("\n",
                "Host mediabox", "    HostName 127.0.0.1", "    Port " + sshd.port(), "    User " + TestSshd.USER,
                "    IdentityFile " + sshd.key("ecdsa"), ""));
        SshDestination dest = new SshDestination("mediabox", 0, null, null, null, null, null);
        try (SshTarget t = SshTarget.connect(dest, sshd.settings(tmp).withConfigFile(config))) {
            assertEquals(TestSshd.USER, whoami(t));
            assertEquals("mediabox (berthtest@127.0.0.1:" + sshd.port() + ")", t.description());
        }
        // What the person typed wins over the config, as with ssh's own options.
        SshDestination other = new SshDestination("mediabox", 0, TestSshd.NO_DOCKER_USER, null, null, null, q -> TestSshd.PASSWORD);
        try (SshTarget t = SshTarget.connect(other, sshd.settings(tmp).withConfigFile(config))) {
            assertEquals(TestSshd.NO_DOCKER_USER, whoami(t));
        }
    }
}
