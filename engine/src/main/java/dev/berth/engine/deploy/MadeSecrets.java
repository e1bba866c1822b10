package dev.berth.engine.deploy;

import dev.berth.engine.stack.Owner;
import dev.berth.engine.stack.StackPaths;
import dev.berth.engine.target.Target;
import dev.berth.engine.target.TargetException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * Keeps the secrets an app made during wiring (a media server's API key) in the stack's
 * {@code secrets/} folder, where the next render finds them as previous secrets and the
 * containers that mount them (Homepage) read them. Owner-only, written whole or not at all.
 */
final class MadeSecrets {
    private MadeSecrets() {
    }

    static void write(Target target, String stackDir, Map<String, String> secrets, Optional<Owner> owner) throws TargetException {
        for (var e : secrets.entrySet()) {
            String path = StackPaths.join(stackDir, "secrets/" + e.getKey());
            byte[] value = e.getValue().getBytes(StandardCharsets.UTF_8);
            var present = target.files().stat(path);
            if (present.isPresent() && present.get().regularFile() && present.get().mode() == 0600) {
                // The placeholder a running container (Homepage) mounted as a Compose secret: a bind
                // mount of this one file, which keeps the old file after a rename. Filled in place, it
                // sees the key at once.
                target.files().overwrite(path, value);
                continue;
            }
            target.files().writeAtomic(path, value, 0600);
            if (owner.isPresent()) {
                target.files().chown(path, owner.get().uid(), owner.get().gid());
            }
        }
    }
}
