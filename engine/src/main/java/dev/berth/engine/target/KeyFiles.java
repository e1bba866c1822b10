package dev.berth.engine.target;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import org.apache.sshd.common.keyprovider.KeyIdentityProvider;
import org.apache.sshd.common.session.SessionContext;

/**
 * The key files of one login, read only when the login reaches them: after the agent's keys, as
 * ssh does, so a key the agent holds never asks for its passphrase. A file that cannot be used
 * is remembered (the first one is the login's error if nothing else gets in) and the login goes
 * on with the next.
 */
final class KeyFiles implements KeyIdentityProvider {
    private final ResolvedHost host;
    private final KeyPassphrases passphrases;
    private List<KeyLoader.Identity> loaded;
    private TargetException problem;

    KeyFiles(ResolvedHost host, KeyPassphrases passphrases) {
        this.host = host;
        this.passphrases = passphrases;
    }

    /** Before connecting: a named key file that is not there is a typo to fix, not a login to try. */
    void checkNamed() throws TargetException {
        if (!host.keysChosen()) {
            return;
        }
        for (Path file : host.keys()) {
            if (!Files.exists(file)) {
                throw new TargetException(TargetException.Reason.KEY_UNREADABLE, "Cannot use the key " + file
                        + ": it does not exist. Check the path, or create a key with: ssh-keygen -t ed25519",
                        new NoSuchFileException(file.toString()));
            }
        }
    }

    @Override
    public synchronized Iterable<KeyPair> loadKeys(SessionContext session) {
        return load().stream().map(KeyLoader.Identity::pair).toList();
    }

    private List<KeyLoader.Identity> load() {
        if (loaded == null) {
            List<KeyLoader.Identity> keys = new ArrayList<>();
            for (Path file : host.keys()) {
                try {
                    keys.addAll(KeyLoader.load(file, host.keysChosen(), passphrases));
                } catch (TargetException e) {
                    problem = problem == null ? e : problem;
                }
            }
            loaded = List.copyOf(keys);
        }
        return loaded;
    }

    /** The first key file that could not be used, or null; only known once the login reached the files. */
    synchronized TargetException problem() {
        return problem;
    }

    /** The files whose keys were offered to the server. */
    synchronized List<Path> offered() {
        return loaded == null ? List.of() : loaded.stream().map(KeyLoader.Identity::file).distinct().toList();
    }
}
