package dev.berth.engine.target;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.testsupport.ExternalTool;
import dev.berth.testsupport.Slow;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real OS keychain on Linux: a session bus of the test's own (dbus-daemon) with GNOME
 * Keyring's Secret Service on it, unlocked with a test password, its keyrings in a temp folder.
 * The bus is named through the DBUS_SESSION_BUS_ADDRESS system property, which the D-Bus library
 * reads before the environment, so the person's own session is never touched. Skipped without
 * dbus-daemon or gnome-keyring-daemon; failed under CI.
 */
@Slow
class OsKeychainTest {
    private static final String BUS_PROPERTY = "DBUS_SESSION_BUS_ADDRESS";
    @TempDir
    Path tmp;
    private Process bus;
    private Process keyring;
    private String propertyBefore;

    @Test
    void aPassphraseGoesInComesBackAndIsForgotten() throws Exception {
        startSecretService();
        Keychain keychain = awaitAvailable();
        assertEquals("your keyring (Secret Service)", keychain.name());
        String account = PassphraseKeeping.account(tmp.resolve("id_ed25519"));
        assertEquals(Optional.empty(), keychain.find(account));

        assertTrue(keychain.keep(account, "correct horse battery"));
        assertEquals(Optional.of("correct horse battery"), keychain.find(account));
        assertEquals(Optional.of("correct horse battery"), OsKeychain.system().find(account), "kept, not only cached");

        keychain.forget(account);
        assertEquals(Optional.empty(), OsKeychain.system().find(account));
    }

    @Test
    void noSecretServiceOnTheBusIsNoKeychainAndNoError() {
        propertyBefore = System.getProperty(BUS_PROPERTY);
        System.setProperty(BUS_PROPERTY, "unix:path=" + tmp.resolve("no-bus-here"));
        Keychain keychain = OsKeychain.system();
        assertFalse(keychain.available());
        assertEquals(Optional.empty(), keychain.find("ssh-key:/nowhere"));
        assertFalse(keychain.keep("ssh-key:/nowhere", "x"));
        keychain.forget("ssh-key:/nowhere");
    }

    private void startSecretService() throws IOException {
        Path dbus = ExternalTool.require("dbus-daemon", "apt-get install dbus-daemon");
        Path gnomeKeyring = ExternalTool.require("gnome-keyring-daemon", "apt-get install gnome-keyring");
        Path run = Files.createDirectories(tmp.resolve("run"), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        String address = "unix:path=" + run.resolve("bus");
        bus = new ProcessBuilder(dbus.toString(), "--session", "--nofork", "--nosyslog", "--address=" + address, "--print-address=1")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String printed = new BufferedReader(new InputStreamReader(bus.getInputStream(), StandardCharsets.UTF_8)).readLine();
        if (printed == null || !printed.startsWith("unix:")) {
            throw new IOException("dbus-daemon did not start: " + printed);
        }
        ProcessBuilder pb = new ProcessBuilder(gnomeKeyring.toString(), "--foreground", "--unlock", "--components=secrets")
                .redirectErrorStream(true).redirectOutput(tmp.resolve("keyring.log").toFile());
        pb.environment().put("DBUS_SESSION_BUS_ADDRESS", printed);
        pb.environment().put("XDG_RUNTIME_DIR", run.toString());
        pb.environment().put("XDG_DATA_HOME", tmp.resolve("data").toString());
        pb.environment().put("HOME", tmp.toString());
        keyring = pb.start();
        try (OutputStream in = keyring.getOutputStream()) {
            in.write("test-unlock-password".getBytes(StandardCharsets.UTF_8)); // creates and unlocks the login keyring
        }
        propertyBefore = System.getProperty(BUS_PROPERTY);
        System.setProperty(BUS_PROPERTY, printed);
    }

    private Keychain awaitAvailable() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (true) {
            Keychain keychain = OsKeychain.system();
            if (keychain.available()) {
                return keychain;
            }
            if (System.nanoTime() > deadline || !keyring.isAlive()) {
                ExternalTool.skipOrFail("GNOME Keyring's Secret Service did not come up on the test bus: "
                        + Files.readString(tmp.resolve("keyring.log")));
            }
            Thread.sleep(100);
        }
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (propertyBefore == null) {
            System.clearProperty(BUS_PROPERTY);
        } else {
            System.setProperty(BUS_PROPERTY, propertyBefore);
        }
        for (Process p : new Process[] {keyring, bus}) {
            if (p != null) {
                p.descendants().forEach(ProcessHandle::destroy);
                p.destroy();
                if (!p.waitFor(5, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            }
        }
    }
}
