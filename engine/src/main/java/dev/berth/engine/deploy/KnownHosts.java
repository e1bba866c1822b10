package dev.berth.engine.deploy;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Optional;

/** The host keys ssh remembered for an SFTP backup repository ({@code .berth/backup_known_hosts}). */
public final class KnownHosts {
    private KnownHosts() {
    }

    /**
     * The SHA256 fingerprint ({@code SHA256:…}, as {@code ssh-keygen -l} prints it) and type of
     * the last key in an OpenSSH known_hosts file; empty when it holds none.
     */
    public static Optional<String> lastKeyFingerprint(String knownHosts) {
        String[] lines = knownHosts.strip().split("\n");
        for (int i = lines.length - 1; i >= 0; i--) {
            String[] words = lines[i].strip().split("\\s+");
            if (words.length >= 3 && !words[0].startsWith("#")) {
                try {
                    byte[] blob = Base64.getDecoder().decode(words[2]);
                    byte[] sha = MessageDigest.getInstance("SHA-256").digest(blob);
                    return Optional.of("SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(sha) + " (" + words[1] + ")");
                } catch (IllegalArgumentException notBase64) {
                    // a line of something else: look further up
                } catch (NoSuchAlgorithmException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return Optional.empty();
    }
}
