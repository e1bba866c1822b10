package dev.berth.engine.target;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.sshd.common.NamedFactory;
import org.apache.sshd.common.signature.Signature;

/**
 * Which host key the server is asked to show. A server has several (ed25519, ecdsa, rsa) and
 * known_hosts often holds only one of them; asked for another, the client would see a key it
 * does not know and cry "changed" wrongly. Like OpenSSH, the types already known for this host
 * come first; then OpenSSH's own preference (ed25519, ecdsa, rsa-sha2) instead of MINA's (ecdsa
 * first), so a first-time fingerprint matches what {@code ssh} would have shown. Left out:
 * host certificates (Berth trusts keys, not certificate authorities) and ssh-rsa with SHA-1,
 * which OpenSSH has refused since 8.8.
 */
final class HostKeyAlgorithms {
    static final List<String> PREFERRED = List.of("ssh-ed25519", "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384",
            "ecdsa-sha2-nistp521", "rsa-sha2-512", "rsa-sha2-256");

    private HostKeyAlgorithms() {
    }

    /** MINA's signature factories, reordered and filtered for a host whose known key types are given. */
    static List<NamedFactory<Signature>> order(List<NamedFactory<Signature>> available, List<String> knownKeyTypes) {
        Set<String> names = new LinkedHashSet<>();
        for (String type : knownKeyTypes) {
            names.addAll(type.equals("ssh-rsa") ? List.of("rsa-sha2-512", "rsa-sha2-256") : List.of(type));
        }
        names.addAll(PREFERRED);
        List<NamedFactory<Signature>> ordered = new ArrayList<>();
        for (String name : names) {
            available.stream().filter(f -> f.getName().equals(name)).findFirst().ifPresent(ordered::add);
        }
        return ordered;
    }
}
