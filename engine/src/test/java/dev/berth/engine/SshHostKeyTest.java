package dev.berth.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.berth.engine.target.SshSettings;
import dev.berth.engine.target.SshTarget;
import dev.berth.engine.target.TargetException;
import dev.berth.engine.target.TargetException.Reason;
import dev.berth.testsupport.NeedsSsh;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** known_hosts: an unknown key is trusted only when the person accepts it; a changed key is refused. */
@NeedsSsh
class SshHostKeyTest {
    static TestSshd sshd;

    @TempDir
    Path tmp;

    @BeforeAll
    static void start() throws Exception {
        sshd = TestSshd.start(); // one test changes the host key; the others read it afresh
    }

    @AfterAll
    static void stop() throws Exception {
        if (sshd != null) {
            sshd.close();
        }
    }

    private SshSettings withKnownHosts(Path knownHosts) throws Exception {
        return sshd.settings(tmp).withKnownHosts(knownHosts);
    }

    @Test
    void anUnknownKeyIsRefusedUntilThePersonAcceptsIt() throws Exception {
        Path knownHosts = tmp.resolve("new/.ssh/known_hosts"); // not there yet, nor its folder
        List<String> shown = new CopyOnWriteArrayList<>();
        String expected = sshd.hostKeyFingerprint();

        TargetException e = assertThrows(TargetException.class, () -> SshTarget.connect(sshd.withKey("ed25519")
                .withHostKeyPrompt((host, port, type, fp) -> shown.add(host + " " + port + " " + type + " " + fp) && false),
                withKnownHosts(knownHosts)));
        assertEquals(Reason.HOST_KEY_UNKNOWN, e.reason());
        assertEquals("The host key of berthtest@127.0.0.1:" + sshd.port() + " (ssh-ed25519 " + expected + ") was not"
                + " accepted, so Berth did not connect. Compare it with the server's own (ssh-keygen -lf"
                + " /etc/ssh/ssh_host_ed25519_key.pub on the server) and accept it if they match.", e.getMessage());
        assertEquals(List.of("127.0.0.1 " + sshd.port() + " ssh-ed25519 " + expected), shown);
        assertFalse(Files.exists(knownHosts), "nothing remembered");

        try (SshTarget t = SshTarget.connect(sshd.withKey("ed25519").withHostKeyPrompt((host, port, type, fp) -> fp.equals(expected)),
                withKnownHosts(knownHosts))) {
            assertEquals(TestSshd.USER, t.user());
        }
        assertEquals(List.of(sshd.knownHostsLine()), Files.readAllLines(knownHosts).stream().filter(l -> !l.isBlank()).toList());

        // Remembered: the next connection asks nobody.
        try (SshTarget t = SshTarget.connect(sshd.withKey("ed25519"), withKnownHosts(knownHosts))) {
            assertEquals(TestSshd.USER, t.user());
        }
    }

    @ParameterizedTest
    @CsvSource({"ed25519, false", "ecdsa, false", "ed25519, true", "ecdsa, true"})
    void anyKnownKeyTypeOfTheHostIsEnough(String type, boolean hashed) throws Exception {
        // known_hosts holds one of the server's keys; it must be asked for that one, not cry "changed" over another.
        // Debian's ssh hashes host names in known_hosts (HashKnownHosts yes); those entries count too.
        Path knownHosts = Files.writeString(tmp.resolve("known_hosts"), sshd.knownHostsLine(type) + "\n");
        if (hashed) {
            MachineSetup.keygen(List.of("-H", "-f", knownHosts.toString()));
        }
        List<String> before = Files.readAllLines(knownHosts);
        List<String> asked = new CopyOnWriteArrayList<>();
        try (SshTarget t = SshTarget.connect(sshd.withKey("ed25519").withHostKeyPrompt((h, p, offered, fp) -> asked.add(offered)),
                withKnownHosts(knownHosts))) {
            assertEquals(TestSshd.USER, t.user());
        }
        assertEquals(List.of(), asked);
        assertEquals(before, Files.readAllLines(knownHosts));
    }

    @Test
    void aChangedKeyIsRefusedWithAWarning() throws Exception {
        Path knownHosts = Files.writeString(tmp.resolve("known_hosts"), "# first line\n" + sshd.knownHostsLine() + "\n");
        String old = sshd.hostKeyFingerprint();
        sshd.restartWithNewHostKey();
        String now = sshd.hostKeyFingerprint();
        List<String> asked = new CopyOnWriteArrayList<>();

        TargetException e = assertThrows(TargetException.class, () -> SshTarget.connect(sshd.withKey("ed25519")
                .withHostKeyPrompt((host, port, type, fp) -> asked.add(fp)), withKnownHosts(knownHosts)));
        assertEquals(Reason.HOST_KEY_CHANGED, e.reason());
        assertEquals("WARNING: the host key of berthtest@127.0.0.1:" + sshd.port() + " has changed. Someone may be"
                + " intercepting the connection, or the server was reinstalled. Berth did not connect. Remembered:"
                + " ssh-ed25519 " + old + " (" + knownHosts + ", line 2); offered now: ssh-ed25519 " + now + ". Only if"
                + " you know the server's key was replaced, remove the old line with: ssh-keygen -R '[127.0.0.1]:"
                + sshd.port() + "' -f " + knownHosts + " and connect again.", e.getMessage());
        assertEquals(List.of(), asked, "a changed key is never offered for acceptance");
        assertEquals(List.of("# first line", "[127.0.0.1]:" + sshd.port() + " ssh-ed25519 "
                + Files.readAllLines(knownHosts).get(1).split(" ")[2]), Files.readAllLines(knownHosts), "known_hosts untouched");
    }
}
