package dev.berth.app.cli;

import dev.berth.engine.backup.BackupException;
import dev.berth.engine.backup.BackupRun;
import dev.berth.engine.backup.StackBackups;
import dev.berth.engine.stack.StackBusyException;
import dev.berth.engine.target.Target;
import dev.berth.engine.target.TargetException;
import dev.berth.plan.BackupPlan;
import dev.berth.plan.PlannedService;
import dev.berth.plan.StackPlan;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.Optional;
import picocli.CommandLine.Command;

/** {@code berth backup}: a snapshot now, the same run the schedule makes. */
@Command(name = "backup", mixinStandardHelpOptions = true,
        description = "Takes a backup of a deployed stack now, as the schedule does: the stack folder and every app's config "
                + "folder, copied while the apps run, then again with the apps that keep SQLite databases stopped for a "
                + "moment, then old snapshots forgotten as the answers keep them. Ctrl-C stops it and starts the stopped apps "
                + "again. Exit codes: 0 done, 5 failed, 7 the stack or the repository is busy, 11 backups are off, 12 the "
                + "repository cannot be opened, 130 cancelled.")
public final class BackupCommand extends StackBackupsCommand {
    public BackupCommand() {
        this(TargetOpener.standard(), Clock.systemDefaultZone());
    }

    public BackupCommand(TargetOpener opener, Clock clock) {
        super(opener, clock);
    }

    @Override
    int run(StackBackups backups, Target t, StackPlan plan, String stackDir)
            throws TargetException, StackBusyException, BackupException {
        PrintWriter out = spec.commandLine().getOut();
        BackupPlan backup = plan.backup().orElseThrow();
        out.println("Backing up the stack in " + stackDir + " on " + t.description() + " to " + backup.repository() + ":");
        out.flush();
        Optional<BackupRun> done = cancellable("Stopping the backup: restic is stopped and the apps it stopped are started again.",
                backups::backup);
        if (done.isEmpty()) {
            return BerthCommand.CANCELLED;
        }
        BackupRun run = done.get();
        printer().run(run, service -> plan.service(service).map(PlannedService::definition).map(d -> d.name()).orElse(service),
                backup.stopped(), out);
        out.flush();
        return 0;
    }
}
