package dev.berth.app.cli;

import dev.berth.engine.DesktopOs;
import dev.berth.engine.target.HostKeyPrompt;
import dev.berth.engine.target.LocalTarget;
import dev.berth.engine.target.OsKeychain;
import dev.berth.engine.target.PassphraseKeeping;
import dev.berth.engine.target.SecretPrompt;
import dev.berth.engine.target.SshDestination;
import dev.berth.engine.target.SshTarget;
import dev.berth.engine.target.Target;
import dev.berth.engine.target.TargetException;

/** Turns a {@link TargetSpec} into a connected {@link Target}; commands get one, tests can pass their own. */
@FunctionalInterface
public interface TargetOpener {
    /**
     * Asked when a server's host key is not known yet: show the fingerprint as OpenSSH prints it
     * and return whether the person trusts it. Never asked for a changed key: that is refused.
     */
    @FunctionalInterface
    interface HostKeyQuestion {
        boolean trust(String hostAndPort, String keyType, String fingerprint);
    }

    Target open(TargetSpec spec, HostKeyQuestion question) throws TargetException;

    /** Local targets here (on Linux); SSH targets through {@link #openSsh}. */
    static TargetOpener standard() {
        return standard(DesktopOs.current());
    }

    /**
     * As {@link #standard()} on the given desktop: "this computer" on Windows or macOS is refused
     * with what to choose instead, before anything is run there.
     */
    static TargetOpener standard(DesktopOs desktop) {
        return (spec, question) -> switch (spec) {
            case TargetSpec.Local local -> LocalTarget.forStack(desktop);
            case TargetSpec.Ssh ssh -> openSsh(ssh, question);
        };
    }

    /**
     * Connects over SSH: user, host and port as given (port 0 and a null user mean "as
     * ~/.ssh/config says"). A fingerprint accepted with --accept-host-key trusts that key only;
     * any other unknown key is put to the person. Passwords and passphrases are asked on the
     * terminal when there is one; ssh-agent's keys go first; a passphrase kept in the OS keychain
     * is used without asking, and after a typed one opened the key the terminal asks whether to keep it.
     */
    private static Target openSsh(TargetSpec.Ssh ssh, HostKeyQuestion question) throws TargetException {
        HostKeyPrompt prompt = (host, port, type, fingerprint) -> ssh.acceptHostKey() != null
                ? ssh.acceptHostKey().equals(fingerprint)
                : question.trust(port == 22 ? host : "[" + host + "]:" + port, type, fingerprint);
        SecretPrompt terminal = TargetOpener::readSecret;
        // A passphrase kept from the wizard (or here) is read without a terminal, so unattended runs use it too.
        PassphraseKeeping keeping = new PassphraseKeeping(OsKeychain.system(), TargetOpener::askKeep);
        return SshTarget.connect(new SshDestination(ssh.host(), ssh.port(), ssh.user(), null, prompt, terminal, terminal, keeping));
    }

    /** The wizard's question, on the terminal; without one, nothing is kept. */
    private static boolean askKeep(java.nio.file.Path keyFile, String keychain) {
        java.io.Console console = System.console();
        if (console == null) {
            return false;
        }
        String answer = console.readLine("Keep the passphrase of %s in %s so Berth does not ask again? [y/N] ", keyFile, keychain);
        return answer != null && (answer.strip().equalsIgnoreCase("y") || answer.strip().equalsIgnoreCase("yes"));
    }

    private static String readSecret(String question) {
        java.io.Console console = System.console();
        if (console == null) {
            return null;
        }
        char[] secret = console.readPassword("%s: ", question);
        return secret == null ? null : new String(secret);
    }
}
