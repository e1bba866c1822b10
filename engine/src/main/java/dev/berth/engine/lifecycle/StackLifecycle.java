package dev.berth.engine.lifecycle;

import dev.berth.engine.ComposeTool;
import dev.berth.engine.deploy.ComposeRun;
import dev.berth.engine.deploy.StackContainers;
import dev.berth.engine.stack.LockHolder;
import dev.berth.engine.stack.StackBusyException;
import dev.berth.engine.stack.StackLock;
import dev.berth.engine.stack.StackPaths;
import dev.berth.engine.target.ExecResult;
import dev.berth.engine.target.Target;
import dev.berth.engine.target.TargetException;
import dev.berth.plan.StackPlan;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Stops, starts and removes a deployed stack with the target's Compose, in the stack folder and
 * by its project name (as a deploy addresses it), each under the stack's deploy lock so a deploy
 * running meanwhile is never disturbed and the person is told who holds it.
 *
 * <p>{@link #remove} takes down the containers and networks ({@code compose down}); named volumes
 * stay unless the config is purged. The data tree is never deleted; the config only with
 * {@link Removal#purgeConfirmedBy} equal to the project name (see {@link ConfigPurge}).
 */
public final class StackLifecycle {
    /** Stopping waits up to Compose's 10 s per container before killing it; a big stack takes minutes. */
    private static final Duration COMPOSE_LIMIT = Duration.ofMinutes(15);
    private static final Duration RM_LIMIT = Duration.ofMinutes(10);

    private final Target target;
    private final StackPlan plan;
    private final String stackDir;
    private final ComposeTool compose;
    private final Clock clock;

    public StackLifecycle(Target target, StackPlan plan, String stackDir, ComposeTool compose, Clock clock) {
        this.target = target;
        this.plan = plan;
        this.stackDir = ConfigPurge.trimmed(stackDir);
        this.compose = compose;
        this.clock = clock;
    }

    /** With the Compose the target has. */
    public static StackLifecycle onTarget(Target target, StackPlan plan, String stackDir) throws TargetException {
        return new StackLifecycle(target, plan, stackDir, ComposeTool.detect(target), Clock.systemUTC());
    }

    /**
     * What remove asks: keep the config (empty), or purge it when the typed text is the project name.
     *
     * @param purgeConfirmedBy what the person typed to confirm the purge; empty for a remove that keeps the config
     */
    public record Removal(Optional<String> purgeConfirmedBy) {
        public static final Removal KEEP_CONFIG = new Removal(Optional.empty());

        public static Removal purge(String typed) {
            return new Removal(Optional.of(typed == null ? "" : typed));
        }
    }

    /** What was done, in plain words, one line each. */
    public record Outcome(String summary, List<String> lines) {
        public Outcome {
            lines = List.copyOf(lines);
        }
    }

    /** A purge asked with a confirmation that is not the project name: nothing was done. */
    public static final class NotConfirmedException extends Exception {
        public NotConfirmedException(String message) {
            super(message);
        }
    }

    public String projectName() {
        return plan.projectName();
    }

    /** What a purge would delete and keep. */
    public ConfigPurge purgePlan() {
        return ConfigPurge.of(plan, stackDir);
    }

    /** Stops every container of the stack (they keep their state; {@link #start} runs them again). */
    public Outcome stop(Consumer<String> progress, BooleanSupplier cancelled) throws TargetException, StackBusyException {
        return onContainers("stop", "Stopping", "Stopped", "Its containers, settings and data are kept; berth start runs it again.",
                progress, cancelled);
    }

    /** Starts the stack's stopped containers, in Compose's dependency order. */
    public Outcome start(Consumer<String> progress, BooleanSupplier cancelled) throws TargetException, StackBusyException {
        return onContainers("start", "Starting", "Started", "berth status shows when each service is healthy.", progress, cancelled);
    }

    /** {@code compose stop} or {@code compose start}, under the lock, on a stack that still has its containers. */
    private Outcome onContainers(String verb, String doing, String done, String after, Consumer<String> progress,
                                 BooleanSupplier cancelled) throws TargetException, StackBusyException {
        try (StackLock lock = lock()) {
            requireContainers(verb);
            progress.accept(doing + " the stack " + projectName() + " on " + target.description() + "…");
            ComposeRun.run(target, compose.argv(projectName(), stackDir, verb), COMPOSE_LIMIT, doing + " the stack", cancelled);
            return new Outcome(done + " the stack " + projectName() + " on " + target.description() + ".", List.of(after));
        }
    }

    /**
     * Removes the stack's containers and networks; with a confirmed purge also its config and named
     * volumes. A purge whose confirmation is not the project name does nothing at all.
     */
    public Outcome remove(Removal removal, Consumer<String> progress, BooleanSupplier cancelled)
            throws TargetException, StackBusyException, NotConfirmedException {
        boolean purge = removal.purgeConfirmedBy().isPresent();
        if (purge && !removal.purgeConfirmedBy().get().strip().equals(projectName())) {
            throw new NotConfirmedException("The confirmation \"" + removal.purgeConfirmedBy().get().strip() + "\" is not the stack's name "
                    + projectName() + ": nothing was removed or deleted. Type " + projectName() + " exactly to delete its config.");
        }
        ConfigPurge purgePlan = purgePlan();
        try (StackLock lock = lock()) {
            progress.accept("Removing the containers and networks of " + projectName() + " on " + target.description() + "…");
            List<String> down = new ArrayList<>(List.of("down", "--remove-orphans"));
            if (purge) {
                down.add("--volumes");
            }
            ComposeRun.run(target, compose.argv(projectName(), stackDir, down.toArray(String[]::new)), COMPOSE_LIMIT,
                    "Removing the stack", cancelled);
            List<String> lines = new ArrayList<>();
            lines.add("Removed its containers and networks.");
            if (!purge) {
                lines.add("Kept its config: " + stackDir + " (compose.yaml, .env, berth.yaml, secrets/, config/) and the apps' folders in "
                        + ConfigPurge.trimmed(plan.answers().storage().configRoot()) + "; berth deploy --dir " + stackDir
                        + " runs it again with the same settings.");
                lines.add("Kept its named volumes (if any), and the data tree " + ConfigPurge.trimmed(plan.answers().storage().dataRoot())
                        + ", which is never deleted.");
                return new Outcome("Removed the stack " + projectName() + " on " + target.description() + ".", lines);
            }
            lines.add("Removed its named volumes (if any).");
            for (String folder : purgePlan.deleted()) {
                progress.accept("Deleting " + folder + "…");
                delete(folder, cancelled);
                lines.add("Deleted " + folder + ".");
            }
            if (purgePlan.stackFolderKept()) {
                lines.addAll(deleteEntries(purgePlan, cancelled));
            }
            purgePlan.kept().forEach(k -> lines.add("Kept " + k + "."));
            return new Outcome("Removed the stack " + projectName() + " on " + target.description() + " and deleted its config.", lines);
        }
    }

    /** The stack folder's entries one by one, when the data tree is inside it: all but the data tree and the lock. */
    private List<String> deleteEntries(ConfigPurge purgePlan, BooleanSupplier cancelled) throws TargetException {
        ExecResult r = target.exec(List.of("ls", "-A", "--", stackDir), RM_LIMIT);
        if (!r.ok()) {
            throw new TargetException(TargetException.Reason.FILE, "Cannot list the folder " + stackDir + " on " + target.description()
                    + ": " + r.stderr().strip());
        }
        List<String> lines = new ArrayList<>();
        String data = plan.answers().storage().dataRoot();
        for (String name : r.stdout().lines().map(String::strip).filter(n -> !n.isEmpty()).toList()) {
            String path = StackPaths.join(stackDir, name);
            if (name.startsWith(".berth-lock") || ConfigPurge.touches(path, data)) {
                continue;
            }
            delete(path, cancelled);
            lines.add("Deleted " + path + ".");
        }
        return lines;
    }

    private void delete(String path, BooleanSupplier cancelled) throws TargetException {
        if (ConfigPurge.touches(path, plan.answers().storage().dataRoot())) {
            throw new IllegalStateException("refusing to delete " + path + ", which holds or lies in the data tree");
        }
        ExecResult r = target.exec(List.of("rm", "-rf", "--", path), RM_LIMIT, cancelled);
        if (r.cancelled()) {
            throw new java.util.concurrent.CancellationException("Deleting " + path + " was stopped, as you asked; the folders after it are kept");
        }
        if (!r.ok()) {
            throw new TargetException(TargetException.Reason.FILE, "Could not delete " + path + " on " + target.description()
                    + " (" + r.stderr().strip() + "). The containers are removed; delete the folder yourself, or run berth remove again"
                    + " as a user who may (root, or the stack's PUID).");
        }
    }

    /** Compose would report success with nothing done: say that the stack was removed, and how it comes back. */
    private void requireContainers(String verb) throws TargetException {
        if (!StackContainers.exists(target, projectName())) {
            throw new TargetException(TargetException.Reason.OTHER, "The stack " + projectName() + " on " + target.description()
                    + " has no containers to " + verb + " (it was removed). berth deploy --dir " + stackDir + " creates them again.");
        }
    }

    private StackLock lock() throws TargetException, StackBusyException {
        return StackLock.acquire(target, stackDir, LockHolder.thisProcess(clock.instant()));
    }

    /**
     * The refusal when a deploy (or another stop, start or remove) holds the stack: who, since when,
     * and that nothing was done. The lock's own message speaks of deploying again.
     *
     * @param what "stopped", "started", "removed"
     */
    public String busyMessage(StackBusyException busy, String what) {
        return busy.holder().map(LockHolder::describe).orElse("Another Berth has just started working on this stack")
                + " (" + stackDir + " on " + target.description() + "). Nothing was " + what
                + ". Wait until it has finished, then try again.";
    }
}
