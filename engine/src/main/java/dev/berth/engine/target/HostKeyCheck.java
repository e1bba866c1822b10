package dev.berth.engine.target;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.List;
import org.apache.sshd.client.config.hosts.KnownHostEntry;
import org.apache.sshd.client.keyverifier.KnownHostsServerKeyVerifier;
import org.apache.sshd.client.keyverifier.ServerKeyVerifier;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.digest.BuiltinDigests;

/**
 * Checks the server's host key against known_hosts the way OpenSSH does: a known key passes; an
 * unknown key is shown to the person (SHA256 fingerprint, as ssh prints it) and trusted, then
 * remembered, only when they accept; a changed key is refused, never silently replaced. MINA's
 * verifier does the file work; this class records which case happened so the error can say so.
 */
final class HostKeyCheck {
    private final Path knownHosts;
    private final ResolvedHost host;
    private volatile String declinedFingerprint;
    private volatile String changedMessage;
    private final KnownHostsServerKeyVerifier verifier;

    HostKeyCheck(Path knownHosts, ResolvedHost host, HostKeyPrompt prompt, PromptTimer timer) {
        this.knownHosts = knownHosts;
        this.host = host;
        ServerKeyVerifier askPerson = (session, address, key) -> {
            String fingerprint = fingerprint(key);
            boolean trusted = timer.time(() -> prompt.trust(host.hostName(), host.port(), KeyUtils.getKeyType(key), fingerprint));
            if (!trusted) {
                declinedFingerprint = KeyUtils.getKeyType(key) + " " + fingerprint;
                return false;
            }
            try {
                // MINA appends the line but cannot create ~/.ssh; without this the trust would be forgotten.
                Files.createDirectories(knownHosts.toAbsolutePath().getParent());
            } catch (IOException e) {
                // Still connect: the person accepted the key; only remembering it failed.
            }
            return true;
        };
        verifier = new KnownHostsServerKeyVerifier(askPerson, knownHosts);
        verifier.setModifiedServerKeyAcceptor((session, address, entry, expected, actual) -> {
            changedMessage = changedMessage(entry, expected, actual);
            return false;
        });
    }

    ServerKeyVerifier verifier() {
        return verifier;
    }

    /** The key types known_hosts already holds for this host, in file order (see HostKeyAlgorithms). */
    List<String> knownKeyTypes() {
        if (!Files.isRegularFile(knownHosts)) {
            return List.of();
        }
        try {
            return KnownHostEntry.readKnownHostEntries(knownHosts).stream()
                    .filter(e -> e.getMarker() == null && e.getKeyEntry() != null)
                    .filter(e -> e.isHostMatch(host.hostName(), host.port()))
                    .map(e -> e.getKeyEntry().getKeyType()).distinct().toList();
        } catch (IOException | RuntimeException e) {
            return List.of(); // MINA reads the file again to verify, and reports what is wrong with it
        }
    }

    /** {@code SHA256:<base64 without padding>}, exactly like {@code ssh-keygen -l -E sha256}. */
    static String fingerprint(PublicKey key) {
        return KeyUtils.getFingerPrint(BuiltinDigests.sha256, key);
    }

    /** Why the key exchange was refused, or null when the host key was not the reason. */
    TargetException refusal(Throwable cause) {
        if (changedMessage != null) {
            return new TargetException(TargetException.Reason.HOST_KEY_CHANGED, changedMessage, cause);
        }
        if (declinedFingerprint != null) {
            return new TargetException(TargetException.Reason.HOST_KEY_UNKNOWN, "The host key of " + host.describe()
                    + " (" + declinedFingerprint + ") was not accepted, so Berth did not connect. Compare it with the"
                    + " server's own (ssh-keygen -lf " + hostKeyFile(declinedFingerprint) + " on the server) and accept"
                    + " it if they match.", cause);
        }
        return null;
    }

    /** Where OpenSSH keeps the server's public key of that type. */
    private static String hostKeyFile(String keyTypeAndFingerprint) {
        String type = keyTypeAndFingerprint.startsWith("ssh-ed25519") ? "ed25519"
                : keyTypeAndFingerprint.startsWith("ecdsa") ? "ecdsa" : "rsa";
        return "/etc/ssh/ssh_host_" + type + "_key.pub";
    }

    private String changedMessage(KnownHostEntry entry, PublicKey expected, PublicKey actual) {
        String where = host.port() == ResolvedHost.DEFAULT_PORT ? host.hostName() : "[" + host.hostName() + "]:" + host.port();
        return "WARNING: the host key of " + host.describe() + " has changed. Someone may be intercepting the"
                + " connection, or the server was reinstalled. Berth did not connect. Remembered: "
                + KeyUtils.getKeyType(expected) + " " + fingerprint(expected) + " (" + knownHosts + lineOf(entry)
                + "); offered now: " + KeyUtils.getKeyType(actual) + " " + fingerprint(actual) + ". Only if you know"
                + " the server's key was replaced, remove the old line with: ssh-keygen -R '" + where + "' -f "
                + knownHosts + " and connect again.";
    }

    /** ", line N" for the entry, so the person can find it; empty when the file changed meanwhile. */
    private String lineOf(KnownHostEntry entry) {
        try {
            List<String> lines = Files.readAllLines(knownHosts);
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).trim().equals(entry.getConfigLine().trim())) {
                    return ", line " + (i + 1);
                }
            }
        } catch (IOException | RuntimeException ignored) {
            // The message is still right without a line number.
        }
        return "";
    }
}
