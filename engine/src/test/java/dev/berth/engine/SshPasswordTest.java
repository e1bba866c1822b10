package dev.berth.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.engine.target.SshDestination;
import dev.berth.engine.target.SshTarget;
import dev.berth.engine.target.TargetException;
import dev.berth.engine.target.TargetException.Reason;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Password logins against the real OpenSSH server: asked only when needed, sent once, refusals explained. */
class SshPasswordTest extends SshdTestBase {


    private String whoami(SshTarget t) throws TargetException {
        return t.exec(List.of("whoami"), Duration.ofSeconds(10)).stdout().trim();
    }

    @Test
    void logsInWithAPasswordAskedOnlyWhenNeeded() throws Exception {
        List<String> questions = new java.util.concurrent.CopyOnWriteArrayList<>();
        SshDestination dest = new SshDestination("127.0.0.1", sshd.port(), TestSshd.USER, null, null, null, q -> {
            questions.add(q);
            return TestSshd.PASSWORD;
        });
        try (SshTarget t = SshTarget.connect(dest, sshd.settings(tmp))) {
            assertEquals(TestSshd.USER, whoami(t));
        }
        assertEquals(List.of("Password for berthtest@127.0.0.1"), questions);
    }

    @Test
    void aPasswordAskedThroughKeyboardInteractive() throws Exception {
        // Servers that check passwords through PAM's conversation ask for them this way instead.
        sshd.restartWith(List.of("UsePAM yes", "KbdInteractiveAuthentication yes", "PasswordAuthentication no"));
        try {
            List<String> questions = new java.util.concurrent.CopyOnWriteArrayList<>();
            SshDestination dest = new SshDestination("127.0.0.1", sshd.port(), TestSshd.USER, null, null, null, q -> {
                questions.add(q);
                return TestSshd.PASSWORD;
            });
            try (SshTarget t = SshTarget.connect(dest, sshd.settings(tmp))) {
                assertEquals(TestSshd.USER, whoami(t));
            }
            assertEquals(List.of("Password for berthtest@127.0.0.1"), questions);
        } finally {
            sshd.restartWith(List.of());
        }
    }

    @Test
    void aWrongPasswordIsRefusedWithoutRetrying() throws Exception {
        AtomicInteger asked = new AtomicInteger();
        SshDestination dest = new SshDestination("127.0.0.1", sshd.port(), TestSshd.USER, null, null, null, q -> {
            asked.incrementAndGet();
            return "wrong";
        });
        TargetException e = assertThrows(TargetException.class, () -> SshTarget.connect(dest, sshd.settings(tmp)));
        assertEquals(Reason.AUTH_FAILED, e.reason());
        assertEquals("The server 127.0.0.1 did not accept the login as berthtest: the user name or password is wrong."
                + " Check that the user name berthtest is right.", e.getMessage());
        assertEquals(1, asked.get(), "asked once, sent once");
    }

    @Test
    void aWrongUserIsRefused() throws Exception {
        SshDestination dest = SshDestination.withKey("127.0.0.1", sshd.port(), "nobody-here", sshd.key("ed25519"))
                .withPassword(q -> TestSshd.PASSWORD);
        TargetException e = assertThrows(TargetException.class, () -> SshTarget.connect(dest, sshd.settings(tmp)));
        assertEquals(Reason.AUTH_FAILED, e.reason());
        assertTrue(e.getMessage().startsWith("The server 127.0.0.1 did not accept the login as nobody-here: the key "
                + sshd.key("ed25519") + " was rejected, and the user name or password is wrong."), e.getMessage());
        assertTrue(e.getMessage().endsWith("Check that the user name nobody-here is right."), e.getMessage());
    }

    @Test
    void nothingToLogInWith() throws Exception {
        SshDestination dest = new SshDestination("127.0.0.1", sshd.port(), TestSshd.USER, null, null, null, null);
        TargetException e = assertThrows(TargetException.class, () -> SshTarget.connect(dest, sshd.settings(tmp)));
        assertEquals(Reason.AUTH_FAILED, e.reason());
        assertEquals("The server 127.0.0.1 did not accept the login as berthtest: Berth had no key and no password to"
                + " offer. Choose a key file, or give the password.", e.getMessage());
    }
}
