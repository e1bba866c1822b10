package dev.berth.engine.backup;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Iterator;
import java.util.Optional;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.util.security.SecurityUtils;

/** The SSH keys of a backup to an SFTP server: the public half the person hands the server, the server's fingerprint. */
public final class BackupKeys {
    /** The comment after the public key, so the person knows it in the server's authorized_keys. */
    static final String COMMENT = "berth-backup";

    private BackupKeys() {
    }

    /** {@code ssh-ed25519 AAAA… berth-backup} for an OpenSSH private key (the secret {@code restic_ssh_key}). */
    public static String publicKey(String openSshPrivateKey) {
        try {
            Iterable<KeyPair> pairs = SecurityUtils.loadKeyPairIdentities(null, () -> "restic_ssh_key",
                    new ByteArrayInputStream(openSshPrivateKey.getBytes(StandardCharsets.UTF_8)), null);
            Iterator<KeyPair> it = pairs == null ? null : pairs.iterator();
            if (it == null || !it.hasNext()) {
                throw new IllegalArgumentException("secrets/restic_ssh_key holds no private key");
            }
            return PublicKeyEntry.toString(it.next().getPublic()) + " " + COMMENT;
        } catch (java.io.IOException | java.security.GeneralSecurityException e) {
            throw new IllegalArgumentException("secrets/restic_ssh_key is not an OpenSSH private key: " + e.getMessage(), e);
        }
    }

    /**
     * The SHA256 fingerprint ({@code SHA256:…}, as {@code ssh-keygen -l} prints it) and type of
     * the last key in an OpenSSH known_hosts file; empty when it holds none.
     */
    public static Optional<String> lastHostKey(String knownHosts) {
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
