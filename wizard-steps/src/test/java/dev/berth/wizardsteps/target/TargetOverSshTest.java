package dev.berth.wizardsteps.target;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.answers.TargetAnswers;
import dev.berth.engine.TestSshd;
import dev.berth.engine.target.Keychain;
import dev.berth.engine.target.MemoryKeychain;
import dev.berth.engine.target.SshSettings;
import dev.berth.testsupport.NeedsSsh;
import dev.berth.wizardsteps.core.CurrentThreadTaskRunner;
import dev.berth.wizardsteps.core.StepContext;
import dev.berth.wizardsteps.core.TargetSession;
import dev.berth.wizardsteps.core.WizardBackend;
import dev.berth.wizardsteps.testing.ScriptedDialogs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Test connection against the real OpenSSH server on 127.0.0.1: a server Berth has not seen shows
 * its key's SHA256 fingerprint and connects only when the person accepts it.
 */
@NeedsSsh
class TargetOverSshTest {
    private static TestSshd sshd;
    private final ScriptedDialogs dialogs = new ScriptedDialogs();

    @BeforeAll
    static void startServer() throws Exception {
        sshd = TestSshd.start();
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (sshd != null) {
            sshd.close();
        }
    }

    /** A target page whose SSH knows no hosts yet (an empty known_hosts in a temp folder). */
    private TargetViewModel page(Path tmp) {
        return page(tmp, Keychain.NONE);
    }

    private TargetViewModel page(Path tmp, Keychain keychain) {
        SshSettings settings = SshSettings.defaults().withKnownHosts(tmp.resolve("known_hosts"))
                .withConfigFile(tmp.resolve("no-ssh-config")).withDefaultKeys(List.of()).withAgent(null);
        StepContext ctx = StepContext.create(WizardBackend.standard(settings, keychain), new CurrentThreadTaskRunner(), dialogs);
        TargetViewModel vm = new TargetViewModel(ctx);
        vm.enter();
        vm.kindProperty().set(TargetAnswers.Kind.SSH);
        vm.hostProperty().set("127.0.0.1");
        vm.portProperty().set(Integer.toString(sshd.port()));
        vm.userProperty().set(TestSshd.USER);
        vm.keyFileProperty().set(sshd.key("ed25519").toString());
        return vm;
    }

    @Test
    void anUnknownHostKeyIsShownWithItsFingerprintAndTrustedWhenAccepted(@TempDir Path tmp) throws Exception {
        TargetViewModel vm = page(tmp);
        dialogs.trustAnswer = true;
        vm.testConnection();
        assertEquals(List.of("host key: 127.0.0.1:" + sshd.port() + " ssh-ed25519 " + sshd.hostKeyFingerprint()), dialogs.asked);
        assertEquals(TargetSession.State.CONNECTED, vm.connectionStateProperty().get(), vm.connectionMessageProperty().get());
        assertTrue(vm.summaryProperty().get().startsWith(TestSshd.USER + "@127.0.0.1, "), vm.summaryProperty().get());
        assertTrue(Files.readString(tmp.resolve("known_hosts")).contains(sshd.knownHostsLine()), "remembered for next time");
    }

    @Test
    void aRefusedHostKeyDoesNotConnectAndSaysWhy(@TempDir Path tmp) {
        TargetViewModel vm = page(tmp);
        dialogs.trustAnswer = false;
        vm.testConnection();
        assertEquals(TargetSession.State.FAILED, vm.connectionStateProperty().get());
        assertFalse(vm.connectionMessageProperty().get().isBlank());
        assertTrue(vm.summaryProperty().get().endsWith("cannot connect"), vm.summaryProperty().get());
    }

    @Test
    void aTypedPassphraseIsKeptWhenThePersonSaysYesAndNotAskedForAgain(@TempDir Path tmp) throws Exception {
        MemoryKeychain keychain = new MemoryKeychain(true);
        Map<String, String> kept = keychain.secrets;
        TargetViewModel vm = page(tmp, keychain);
        Path key = sshd.key("ed25519-encrypted");
        vm.keyFileProperty().set(key.toString());
        dialogs.trustAnswer = true;
        dialogs.confirmAnswer = true;
        dialogs.secrets.add(TestSshd.PASSPHRASE);
        vm.testConnection();
        assertEquals(TargetSession.State.CONNECTED, vm.connectionStateProperty().get(), vm.connectionMessageProperty().get());
        assertEquals(List.of("host key: 127.0.0.1:" + sshd.port() + " ssh-ed25519 " + sshd.hostKeyFingerprint(),
                "secret: Passphrase for " + key, "confirm: Keep this passphrase?"), dialogs.asked);
        assertEquals(List.of(TestSshd.PASSPHRASE), List.copyOf(kept.values()));

        dialogs.asked.clear();
        vm.testConnection();
        assertEquals(TargetSession.State.CONNECTED, vm.connectionStateProperty().get(), vm.connectionMessageProperty().get());
        assertEquals(List.of(), dialogs.asked, "the passphrase came from the keychain; nothing was asked");
    }
}
