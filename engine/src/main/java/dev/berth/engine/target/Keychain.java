package dev.berth.engine.target;

import java.util.Optional;

/**
 * The operating system's store of secrets (Secret Service such as GNOME Keyring on Linux, the
 * macOS Keychain, the Windows Credential Manager), for key passphrases the person chose to keep.
 * Nothing here throws: a keychain that fails is a keychain that does not have the secret.
 */
public interface Keychain {
    /** No keychain: nothing kept, nothing found; the person is never asked to keep a passphrase. */
    Keychain NONE = new Keychain() {
        @Override
        public boolean available() {
            return false;
        }

        @Override
        public String name() {
            return "no keychain";
        }

        @Override
        public Optional<String> find(String account) {
            return Optional.empty();
        }

        @Override
        public boolean keep(String account, String secret) {
            return false;
        }

        @Override
        public void forget(String account) {
        }
    };

    /** False when there is no keychain to use (e.g. no Secret Service on the session bus): then nothing is offered. */
    boolean available();

    /** The name a person knows it by: "GNOME Keyring", "Keychain", "Credential Manager". */
    String name();

    Optional<String> find(String account);

    /** @return whether it was kept */
    boolean keep(String account, String secret);

    void forget(String account);
}
