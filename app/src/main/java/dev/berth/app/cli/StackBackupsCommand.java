package dev.berth.app.cli;

import dev.berth.engine.backup.BackupException;
import dev.berth.engine.backup.StackBackups;
import dev.berth.engine.stack.StackBusyException;
import dev.berth.engine.target.Target;
import dev.berth.engine.target.TargetException;
import dev.berth.plan.StackPlan;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * {@code berth backup}, {@code backups} and {@code restore}: a deployed stack whose answers turn
 * backups on, its {@link StackBackups}, and one exit code per kind of failure a script can act on
 * ({@link #exitCode}).
 */
abstract class StackBackupsCommand extends DeployedStackCommand {
    /** What "now" is and which zone times are shown in; tests hold it still. */
    final Clock clock;

    StackBackupsCommand(TargetOpener opener, Clock clock) {
        super(opener);
        this.clock = clock;
    }

    /** The command's work on a stack that has backups; returns the exit code. */
    abstract int run(StackBackups backups, Target target, StackPlan plan, String stackDir)
            throws TargetException, StackBusyException, BackupException, InterruptedException;

    @Override
    final int run(Target t, StackPlan plan, String stackDir) throws TargetException, InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        if (!plan.answers().backup().enabled()) {
            err.println("Backups are off in the stack in " + stackDir + " on " + t.description() + ". Turn them on in the answers' "
                    + "backup: section (enabled: true and a repository) or on the wizard's Backups page, then run berth deploy.");
            return BerthCommand.BACKUPS_OFF;
        }
        OptionalInt refused = refuse(plan, err);
        if (refused.isPresent()) {
            return refused.getAsInt();
        }
        try {
            return run(StackBackups.onTarget(t, plan, stackDir), t, plan, stackDir);
        } catch (StackBusyException e) {
            err.println(e.getMessage());
            return BerthCommand.STACK_BUSY;
        } catch (BackupException e) {
            err.println(e.getMessage());
            return exitCode(e.reason());
        }
    }

    /** The engine's work that reports progress and can be asked to stop. */
    @FunctionalInterface
    interface Cancellable<T> {
        T run(Consumer<String> progress, BooleanSupplier cancelled) throws TargetException, StackBusyException, BackupException;
    }

    /**
     * Runs {@code work} with its progress lines printed as they come and Ctrl-C or SIGTERM asking it
     * to stop; empty when it stopped as asked (said on the error output with the engine's words).
     *
     * @param stopping what the first signal makes the engine do, in a sentence
     */
    <T> Optional<T> cancellable(String stopping, Cancellable<T> work) throws TargetException, StackBusyException, BackupException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (CancelOnSignal signals = CancelOnSignal.install(err, stopping)) {
            return Optional.of(work.run(line -> {
                out.println("  " + line);
                out.flush();
            }, signals::cancelled));
        } catch (CancellationException e) {
            err.println("Cancelled: " + e.getMessage());
            return Optional.empty();
        }
    }

    /** Arguments the plan alone shows to be wrong, said before the target's Compose or the repository is asked. */
    OptionalInt refuse(StackPlan plan, PrintWriter err) {
        return OptionalInt.empty();
    }

    BackupPrinter printer() {
        return new BackupPrinter(clock.instant(), clock.getZone());
    }

    /**
     * Failures grouped by what a script can do about them: fix the repository (its password, its
     * address, a disk to mount, the network), wait and try again (busy), or read the message.
     */
    static int exitCode(BackupException.Reason reason) {
        return switch (reason) {
            case NOT_CONFIGURED -> BerthCommand.BACKUPS_OFF;
            case WRONG_PASSWORD, NO_REPOSITORY, UNREACHABLE -> BerthCommand.REPOSITORY_PROBLEM;
            case LOCKED -> BerthCommand.STACK_BUSY;
            case NO_SNAPSHOT -> BerthCommand.NOTHING_TO_SHOW;
            case FAILED -> BerthCommand.DEPLOY_FAILED;
        };
    }
}
