package dev.berth.engine.target;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Whether a key's passphrase may come from, and go into, the OS keychain. The person is asked
 * first: after a typed passphrase opened a key, {@link KeepQuestion} asks whether to keep it;
 * the next login takes it from the keychain without asking, and one that no longer opens the key
 * is dropped from the keychain and the person asked again.
 */
public record PassphraseKeeping(Keychain keychain, KeepQuestion question) {
    /** Nothing read from or kept in a keychain. */
    public static final PassphraseKeeping NEVER = new PassphraseKeeping(Keychain.NONE, (key, name) -> false);

    /** Asked at most once per login and key, only when a keychain is available. */
    @FunctionalInterface
    public interface KeepQuestion {
        /** @return true to keep the passphrase of {@code keyFile} in the keychain called {@code keychainName} */
        boolean keep(Path keyFile, String keychainName);
    }

    public PassphraseKeeping {
        Objects.requireNonNull(keychain, "keychain");
        Objects.requireNonNull(question, "question");
    }

    /** The keychain entry of one key file: its absolute path, so two keys never share a passphrase. */
    static String account(Path keyFile) {
        return "ssh-key:" + keyFile.toAbsolutePath().normalize();
    }
}
