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
import org.apache.sshd.common.NamedResource;
import org.apache.sshd.common.config.keys.FilePasswordProvider;
import org.apache.sshd.common.session.SessionContext;
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
    static List<Identity> load(Path file, boolean chosen, SecretPrompt passphrase, PromptTimer timer) throws TargetException {
        if (!chosen && !Files.isRegularFile(file)) {
            return List.of();
        }
        boolean[] asked = {false};
        boolean[] declined = {false};
        FilePasswordProvider provider = new FilePasswordProvider() {
            @Override
            public String getPassword(SessionContext s, NamedResource r, int retry) {
                asked[0] = true;
                String answer = timer.time(() -> passphrase.ask("Passphrase for " + file));
                declined[0] = answer == null;
                return answer;
            }

            @Override
            public ResourceDecodeResult handleDecodeAttemptResult(SessionContext s, NamedResource r, int retry,
                    String password, Exception err) {
                return ResourceDecodeResult.TERMINATE; // one attempt: a wrong passphrase is reported, not re-asked
            }
        };
        List<Identity> keys = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file)) {
            Iterable<KeyPair> pairs = SecurityUtils.loadKeyPairIdentities(null, new PathResource(file), in, provider);
            if (pairs != null) {
                pairs.forEach(p -> keys.add(new Identity(file, p)));
            }
        } catch (NoSuchFileException e) {
            throw unreadable(file, "it does not exist. Check the path, or create a key with: ssh-keygen -t ed25519", e);
        } catch (AccessDeniedException e) {
            throw unreadable(file, "permission denied. The key must be readable by the user running Berth.", e);
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            if (declined[0] && !chosen) {
                return List.of(); // a default key whose passphrase the person chose not to give
            }
            if (declined[0]) {
                throw unreadable(file, "it is encrypted and no passphrase was given.", e);
            }
            if (asked[0]) {
                throw unreadable(file, "the passphrase is wrong.", e);
            }
            throw unreadable(file, "it is not a private key Berth can read (" + e.getMessage()
                    + "). Choose the private key file (without .pub).", e);
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
