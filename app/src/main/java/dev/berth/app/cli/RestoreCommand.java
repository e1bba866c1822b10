package dev.berth.app.cli;

import dev.berth.engine.backup.BackupException;
import dev.berth.engine.backup.RestoreOutcome;
import dev.berth.engine.backup.RestorePreview;
import dev.berth.engine.backup.StackBackups;
import dev.berth.engine.stack.StackBusyException;
import dev.berth.engine.target.Target;
import dev.berth.engine.target.TargetException;
import dev.berth.plan.StackPlan;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code berth restore}: a snapshot written back, the whole stack or one app, after the person confirms. */
@Command(name = "restore", mixinStandardHelpOptions = true,
        description = "Restores a deployed stack, or one app with --service, from a snapshot (the newest by default): shows "
                + "which snapshot, what is written back and which services stop, asks, then stops them, writes the files "
                + "back, starts them and waits until they are healthy. Exit codes: 0 restored and healthy, 2 no such "
                + "snapshot or service (the choices are listed), 5 failed or not healthy again, 6 not confirmed, 7 the stack "
                + "or the repository is busy, 9 no snapshot yet, 11 backups are off, 12 the repository cannot be opened, "
                + "130 cancelled.")
public final class RestoreCommand extends StackBackupsCommand {
    @Parameters(paramLabel = "SNAPSHOT", arity = "0..1", description = "The snapshot's id as berth backups shows it; the newest by default.")
    String snapshot;

    @Option(names = "--service", paramLabel = "SERVICE", description = "Restore only this app's config folder (its Compose name).")
    String service;

    @Option(names = "--yes", description = "Restore without asking (for scripts; without a terminal Berth cannot ask).")
    boolean yes;

    public RestoreCommand() {
        this(TargetOpener.standard(), Clock.systemDefaultZone());
    }

    public RestoreCommand(TargetOpener opener, Clock clock) {
        super(opener, clock);
    }

    @Override
    int run(StackBackups backups, Target t, StackPlan plan, String stackDir)
            throws TargetException, StackBusyException, BackupException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        RestorePreview preview;
        try {
            preview = backups.previewRestore(Optional.ofNullable(snapshot), Optional.ofNullable(service));
        } catch (BackupException e) {
            if (e.reason() != BackupException.Reason.NO_SNAPSHOT) {
                throw e;
            }
            // The engine's words list the latest snapshots, or say there is none yet.
            err.println(e.getMessage());
            return snapshot != null ? CommandLine.ExitCode.USAGE : BerthCommand.NOTHING_TO_SHOW;
        }
        BackupPrinter printer = printer();
        printer.preview(preview, out);
        out.flush();
        if (!yes && !Confirm.ask("Restore now?", err)) {
            err.println("Nothing was changed. (Use --yes to restore without being asked.)");
            return BerthCommand.NOT_CONFIRMED;
        }
        Optional<RestoreOutcome> done = cancellable("Stopping the restore where it is safe: before any file is written back, "
                + "or else once the services are started again, without waiting for their health.",
                (progress, cancelled) -> backups.restore(preview, progress, cancelled));
        if (done.isEmpty()) {
            return BerthCommand.CANCELLED;
        }
        RestoreOutcome outcome = done.get();
        printer.outcome(outcome, out);
        out.flush();
        return outcome.healthy() ? 0 : BerthCommand.DEPLOY_FAILED;
    }

    @Override
    OptionalInt refuse(StackPlan plan, PrintWriter err) {
        Set<String> restorable = plan.backup().orElseThrow().configFolders().keySet();
        if (service == null || restorable.contains(service)) {
            return OptionalInt.empty();
        }
        err.println("The stack " + plan.projectName() + " has no backed-up service \"" + service + "\". Give --service one of: "
                + String.join(", ", restorable) + "; or leave it out to restore the whole stack.");
        return OptionalInt.of(CommandLine.ExitCode.USAGE);
    }
}
