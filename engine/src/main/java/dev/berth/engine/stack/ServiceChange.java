package dev.berth.engine.stack;

import java.util.List;

/**
 * What a deploy does to one service's container, said in words before the YAML diff. Compose
 * decides by its own rule (a changed service configuration recreates the container; Compose v2
 * also recreates what depends on a recreated service); {@link ServiceChanges} follows that rule.
 */
public sealed interface ServiceChange {
    /** The Compose service name, e.g. {@code sonarr} or {@code exportarr-sonarr}. */
    String service();

    /** How a person knows it, e.g. "Sonarr". */
    String name();

    /** One plain sentence for the preview. */
    String sentence();

    /**
     * A container that does not run now and will.
     *
     * @param why "new in the stack", or that it is there but not running
     */
    record Starts(String service, String name, String why) implements ServiceChange {
        @Override
        public String sentence() {
            return name + " starts (" + why + ").";
        }
    }

    /**
     * A container that runs now and is no longer part of the stack: Compose stops and removes it
     * ({@code --remove-orphans}). Its settings stay on disk.
     *
     * @param settings the folders that keep its settings; empty when it keeps none
     */
    record StopsAndRemoved(String service, String name, List<String> settings) implements ServiceChange {
        public StopsAndRemoved {
            settings = List.copyOf(settings);
        }

        @Override
        public String sentence() {
            return name + " stops and its container is removed"
                    + (settings.isEmpty() ? " (it keeps no settings)."
                    : "; its settings are kept in " + String.join(" and ", settings) + ", so choosing it again brings them back.");
        }
    }

    /**
     * A container Compose replaces by a new one (stopped, removed, created, started).
     *
     * @param reasons      why, at least one
     * @param changedFiles files of the stack folder it mounts that change too; it reads them as it starts
     */
    record Recreated(String service, String name, List<Reason> reasons, List<String> changedFiles) implements ServiceChange {
        public Recreated {
            reasons = List.copyOf(reasons);
            changedFiles = List.copyOf(changedFiles);
        }

        @Override
        public String sentence() {
            return name + " is recreated (stopped, replaced by a new container, started) because "
                    + String.join("; ", reasons.stream().map(Reason::text).toList())
                    + (changedFiles.isEmpty() ? "" : "; it reads the changed " + String.join(", ", changedFiles) + " as it starts")
                    + ".";
        }
    }

    /**
     * A container Compose leaves as it is.
     *
     * @param changedFiles files of the stack folder it mounts (config files, secrets) that change:
     *                     a mounted file does not recreate a container, and the app reads it only
     *                     when it starts, so it must be restarted to use them
     */
    record Unchanged(String service, String name, List<String> changedFiles) implements ServiceChange {
        public Unchanged {
            changedFiles = List.copyOf(changedFiles);
        }

        /** Whether the app must be restarted to read a changed file. */
        public boolean needsRestart() {
            return !changedFiles.isEmpty();
        }

        @Override
        public String sentence() {
            if (changedFiles.isEmpty()) {
                return name + " stays as it is.";
            }
            return name + " keeps running as it is, but " + String.join(", ", changedFiles)
                    + (changedFiles.size() == 1 ? " changes" : " change") + " and it reads "
                    + (changedFiles.size() == 1 ? "it" : "them") + " only when it starts: restart it after the deploy "
                    + "(docker compose restart " + service + ", in the stack folder).";
        }
    }

    /** Why a container is recreated, with the detail a person can check. */
    record Reason(Kind kind, String text) {
        public enum Kind {
            IMAGE, PORTS, ENVIRONMENT, MOUNTS, NETWORK, DEVICES, SECRETS, HEALTHCHECK, LABELS, OTHER,
            /** Compose v2 recreates a service when one it depends on is recreated. */
            DEPENDENCY,
            /** A container of the project that the previous compose.yaml did not describe. */
            NOT_FROM_THIS_STACK
        }
    }
}
