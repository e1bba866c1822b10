package dev.berth.engine.target;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import org.apache.sshd.common.util.io.resource.PathResource;
import org.apache.sshd.common.util.security.SecurityUtils;

/**
 * Reads private keys (OpenSSH or PEM; ed25519, ecdsa, rsa) before connecting, so a missing file
 * or a wrong passphrase is reported as such, not as "the server refused".
 */
final class KeyLoader {
    record Identity(Path file, KeyPair pair) {
    }

    private KeyLoader() {
    }

    /**
     * @param chosen true when the person (or the SSH config) named this key: then any problem is
     *               an error; the usual default keys are skipped quietly when absent or declined
     */
    static List<Identity> load(Path file, boolean chosen, KeyPassphrases passphrases) throws TargetException {
        if (!chosen && !Files.isRegularFile(file)) {
            return List.of();
        }
        KeyPassphrases.Attempt attempt = passphrases.attempt(file);
        List<Identity> keys = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file)) {
            Iterable<KeyPair> pairs = SecurityUtils.loadKeyPairIdentities(null, new PathResource(file), in, attempt);
            if (pairs != null) {
                pairs.forEach(p -> keys.add(new Identity(file, p)));
            }
        } catch (NoSuchFileException e) {
            throw unreadable(file, "it does not exist. Check the path, or create a key with: ssh-keygen -t ed25519", e);
        } catch (AccessDeniedException e) {
            throw unreadable(file, "permission denied. The key must be readable by the user running Berth.", e);
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            if (attempt.declined() && !chosen) {
                return List.of(); // a default key whose passphrase the person chose not to give
            }
            if (attempt.declined()) {
                throw unreadable(file, "it is encrypted and no passphrase was given.", e);
            }
            if (attempt.asked()) {
                throw unreadable(file, "the passphrase is wrong.", e);
            }
            throw unreadable(file, "it is not a private key Berth can read (" + e.getMessage()
                    + "). Choose the private key file (without .pub).", e);
        }
        if (!keys.isEmpty()) {
            attempt.opened();
        }
        if (keys.isEmpty() && chosen) {
            throw unreadable(file, "it holds no private key. Choose the private key file (without .pub).", null);
        }
        return keys;
    }

    private static TargetException unreadable(Path file, String why, Exception cause) {
        return new TargetException(TargetException.Reason.KEY_UNREADABLE, "Cannot use the key " + file + ": " + why, cause);
    }
}
