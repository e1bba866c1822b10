package dev.berth.app.cli;

import dev.berth.engine.backup.BackupException;
import dev.berth.engine.backup.StackBackups;
import dev.berth.engine.target.Target;
import dev.berth.engine.target.TargetException;
import dev.berth.plan.StackPlan;
import java.io.PrintWriter;
import java.time.Clock;
import picocli.CommandLine.Command;

/** {@code berth backups}: the stack's snapshots and how the last run went. */
@Command(name = "backups", mixinStandardHelpOptions = true,
        description = "Lists the snapshots of a deployed stack, newest first (id, time, age, folders), then how the last "
                + "backup run went, whether berth backup or the schedule started it. Exit codes: 0 listed, 7 the repository "
                + "is busy, 11 backups are off, 12 the repository cannot be opened.")
public final class BackupsCommand extends StackBackupsCommand {
    public BackupsCommand() {
        this(TargetOpener.standard(), Clock.systemDefaultZone());
    }

    public BackupsCommand(TargetOpener opener, Clock clock) {
        super(opener, clock);
    }

    @Override
    int run(StackBackups backups, Target t, StackPlan plan, String stackDir) throws TargetException, BackupException {
        PrintWriter out = spec.commandLine().getOut();
        printer().snapshots(plan.answers().backup().repository(), backups.snapshots(), StackBackups.last(t, stackDir), out);
        out.flush();
        return 0;
    }
}
