package dev.berth.engine.target;

import com.github.javakeyring.Keyring;
import com.github.javakeyring.PasswordAccessException;
import java.util.Optional;

/**
 * The operating system's keychain through java-keyring: the Secret Service on Linux (GNOME
 * Keyring, KWallet, KeePassXC), the Keychain on macOS, the Credential Manager on Windows. Opened
 * on first use, never at start-up (it loads native code and talks to the session bus); when
 * there is none (no Secret Service on the bus) it is simply not {@link #available()}.
 */
public final class OsKeychain implements Keychain {
    /** The service every Berth entry is filed under, as the keychain's own tools list it. */
    static final String SERVICE = "Berth";
    private boolean opened;
    private Keyring keyring;

    private OsKeychain() {
    }

    /** This computer's keychain; nothing is touched until a passphrase is needed. */
    public static Keychain system() {
        return new OsKeychain();
    }

    private synchronized Keyring keyring() {
        if (!opened) {
            opened = true;
            try {
                keyring = Keyring.create();
            } catch (Exception | LinkageError e) {
                keyring = null; // no backend, no session bus, or no native library: no keychain, no error
            }
        }
        return keyring;
    }

    @Override
    public boolean available() {
        return keyring() != null;
    }

    @Override
    public String name() {
        Keyring k = keyring();
        if (k == null) {
            return "no keychain";
        }
        return switch (k.getKeyringStorageType()) {
            case OSX_KEYCHAIN, LEGACY_OSX_KEYCHAIN -> "your Keychain";
            case WINDOWS_CREDENTIAL_STORE -> "Windows Credential Manager";
            case KWALLET -> "KWallet";
            case GNOME_KEYRING -> "your keyring (Secret Service)";
        };
    }

    @Override
    public synchronized Optional<String> find(String account) {
        Keyring k = keyring();
        if (k == null) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(k.getPassword(SERVICE, account));
        } catch (PasswordAccessException | RuntimeException e) {
            return Optional.empty(); // not kept (the usual case), or the keychain declined: ask the person
        }
    }

    @Override
    public synchronized boolean keep(String account, String secret) {
        Keyring k = keyring();
        if (k == null) {
            return false;
        }
        try {
            k.setPassword(SERVICE, account, secret);
            return true;
        } catch (PasswordAccessException | RuntimeException e) {
            return false; // e.g. the person cancelled the keychain's unlock prompt: Berth asks next time
        }
    }

    @Override
    public synchronized void forget(String account) {
        Keyring k = keyring();
        if (k == null) {
            return;
        }
        try {
            k.deletePassword(SERVICE, account);
        } catch (PasswordAccessException | RuntimeException e) {
            // not there any more: nothing to forget
        }
    }
}
