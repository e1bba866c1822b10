package dev.berth.engine.backup;

import dev.berth.plan.BackupPlan;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads the backup script's output as it comes: the lines for Berth ({@value #PREFIX}…) turned
 * into words for the person, restic's summary lines passed on, and the apps' downtime measured
 * here, from the moment "stopping" arrives to the moment "started" arrives (the script counts
 * whole seconds). Fed from the output thread, read by the caller after the run.
 */
final class ScriptOutput {
    static final String PREFIX = "berth-backup: ";
    /** restic's summary of a backup pass: what was new, and how much the repository grew. */
    private static final java.util.regex.Pattern ANSI = java.util.regex.Pattern.compile("\u001B\\[[0-9;?]*[A-Za-z]");
    private static final List<String> SUMMARY = List.of("Files:", "Dirs:", "Added to the repository:", "processed ");

    private final Map<String, BackupPlan.StoppedApp> byService;
    private final Map<String, String> displayNames;
    private final Consumer<String> progress;
    private final Clock clock;
    private final StringBuilder all = new StringBuilder();
    private final Set<String> stopped = new LinkedHashSet<>();
    private final Set<String> started = new LinkedHashSet<>();
    private Instant downSince;
    private Duration appsDown = Duration.ZERO;
    private String snapshot;
    private String pass = "";

    /**
     * @param displayNames a person's name for each compose service ("Sonarr")
     */
    ScriptOutput(List<BackupPlan.StoppedApp> stoppedApps, Map<String, String> displayNames, Consumer<String> progress, Clock clock) {
        this.byService = new java.util.HashMap<>();
        stoppedApps.forEach(a -> byService.put(a.service(), a));
        this.displayNames = displayNames;
        this.progress = progress;
        this.clock = clock;
    }

    synchronized void line(String printed) {
        // restic clears its status line with terminal escapes even when nobody watches
        String line = ANSI.matcher(printed).replaceAll("");
        all.append(line).append('\n');
        if (!line.startsWith(PREFIX)) {
            String l = line.strip();
            if (SUMMARY.stream().anyMatch(l::startsWith)) {
                tell(pass + l);
            }
            return;
        }
        String said = line.substring(PREFIX.length()).strip();
        String word = said.contains(" ") ? said.substring(0, said.indexOf(' ')) : said;
        String rest = said.substring(word.length()).strip();
        switch (word) {
            case "live-pass" -> {
                pass = "Live pass: ";
                tell("Copying everything while the apps run (the live pass)…");
            }
            case "stopping" -> {
                downSince = clock.instant();
                List<String> services = services(rest);
                stopped.addAll(services);
                pass = stopped.isEmpty() ? "" : "With the apps stopped: ";
                tell("Stopping " + String.join(", ", services.stream().map(this::withReason).toList()) + "…");
            }
            case "started" -> {
                List<String> services = services(rest);
                started.addAll(services);
                if (downSince != null) {
                    appsDown = Duration.between(downSince, clock.instant());
                }
                tell("Started " + String.join(", ", services.stream().map(this::name).toList()) + " again (down "
                        + seconds(appsDown) + ").");
            }
            case "snapshot" -> {
                snapshot = rest;
                tell("Snapshot " + rest + " saved.");
            }
            case "failed" -> tell("Failed: " + rest);
            case "warning" -> tell("Warning: " + rest);
            default -> {
                // apps-down (measured here instead), live-pass's end, and words a newer script may add
            }
        }
    }

    private static List<String> services(String names) {
        return Arrays.stream(names.split("\\s+")).filter(n -> !n.isEmpty()).toList();
    }

    private String name(String service) {
        return displayNames.getOrDefault(service, service);
    }

    private String withReason(String service) {
        BackupPlan.StoppedApp app = byService.get(service);
        return app == null || app.reason() == null || app.reason().isBlank() ? name(service)
                : name(service) + " (" + app.reason().strip() + ")";
    }

    private void tell(String words) {
        try {
            progress.accept(words);
        } catch (RuntimeException ignored) {
            // a broken display must not stop a backup, which would leave apps down
        }
    }

    static String seconds(Duration d) {
        return String.format(java.util.Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }

    synchronized String text() {
        return all.toString();
    }

    synchronized Optional<String> snapshot() {
        return Optional.ofNullable(snapshot);
    }

    synchronized Duration appsDown() {
        return appsDown;
    }

    /** The compose services stopped for the snapshot. */
    synchronized List<String> stoppedServices() {
        return List.copyOf(stopped);
    }

    /** Services the script said it stopped and never said it started: it was cut off. */
    synchronized List<String> leftStopped() {
        List<String> left = new ArrayList<>(stopped);
        left.removeAll(started);
        return left;
    }

    /** The apps stopped, by name, for the summary. */
    synchronized List<String> stoppedNames() {
        return stopped.stream().map(this::name).toList();
    }

    /** restic's "Added to the repository: …" of the last pass, for the summary; empty when it said none. */
    synchronized String added() {
        return all.toString().lines().map(String::strip).filter(l -> l.startsWith("Added to the repository:"))
                .reduce((a, b) -> b).map(l -> l.substring("Added to the repository:".length()).strip()).orElse("");
    }
}
