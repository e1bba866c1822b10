package dev.berth.engine.deploy;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Every progress message a deploy sent, as text, so a test can look for secret values in
 * everything a person would have seen.
 */
final class Recorded implements Consumer<DeployProgress> {
    private final List<String> lines = new ArrayList<>();
    private final List<Class<?>> kinds = new ArrayList<>();

    @Override
    public synchronized void accept(DeployProgress p) {
        kinds.add(p.getClass());
        lines.add(switch (p) {
            case DeployProgress.Step s -> s.event().toString() + " " + s.event().job().description();
            case DeployProgress.Checked c -> c.result().toString();
            case DeployProgress.Pull pull -> pull.progress().toString();
            case DeployProgress.Health h -> h.health().toString() + " " + h.health().summary();
            case DeployProgress.Wiring w -> w.progress().toString();
        });
    }

    /** Whether a message of this kind (a step, a check, a pull, a health change) arrived. */
    synchronized boolean saw(Class<? extends DeployProgress> kind) {
        return kinds.contains(kind);
    }

    synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    /**
     * Fails when any secret's value (6 characters or more, as the redactor works) appears in the
     * progress, in the extra texts, or in any file under {@code root}'s stack folder other than the
     * secret files themselves and the backups of them.
     */
    synchronized void assertNoSecretIn(Path root, Map<String, String> secrets, String... texts) {
        List<String> all = new ArrayList<>(lines);
        all.addAll(List.of(texts));
        all.addAll(nonSecretFiles(root.resolve("stack/.berth")));
        for (Map.Entry<String, String> s : secrets.entrySet()) {
            String value = s.getValue().strip();
            if (value.length() < 6) {
                continue;
            }
            for (String text : all) {
                if (text.contains(value)) {
                    fail("the value of secret " + s.getKey() + " appears in: " + text.substring(0, Math.min(300, text.length())));
                }
            }
        }
    }

    /** The deploy log and the backed-up files anyone may read (the secret ones are owner-only). */
    private static List<String> nonSecretFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (var walk = Files.walk(dir)) {
            List<String> out = new ArrayList<>();
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                // Owner-only files are the secret ones (and their backups): they are meant to hold them.
                if (Files.getPosixFilePermissions(p).contains(java.nio.file.attribute.PosixFilePermission.OTHERS_READ)
                        || p.getFileName().toString().equals("deploy.log")) {
                    out.add(Files.readString(p, StandardCharsets.UTF_8));
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
