package dev.berth.app.cli;

import dev.berth.engine.health.ContainerLogs;
import dev.berth.engine.target.Target;
import dev.berth.engine.target.TargetException;
import dev.berth.plan.PlannedService;
import dev.berth.plan.StackPlan;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.function.BooleanSupplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code berth logs SERVICE}: what a service's container printed, from the target's Docker engine. */
@Command(name = "logs", mixinStandardHelpOptions = true,
        description = "Shows the last lines a service of a deployed stack printed (its container's log, stdout and stderr "
                + "as it wrote them), on this computer or a server over SSH. With --follow it then shows each new line "
                + "until Ctrl-C.")
public final class LogsCommand extends DeployedStackCommand {
    @Parameters(paramLabel = "SERVICE", description = "The service, as berth status names it (e.g. sonarr, gluetun).")
    String service;

    @Option(names = {"-f", "--follow"}, description = "Keep showing new lines until Ctrl-C.")
    boolean follow;

    @Option(names = {"-n", "--tail"}, paramLabel = "N", defaultValue = "100",
            description = "How many of the last lines to show first (default: ${DEFAULT-VALUE}; 0 for none, with --follow).")
    int tail;

    private final BooleanSupplier cancelled;

    public LogsCommand() {
        this(TargetOpener.standard(), () -> false);
    }

    /** @param cancelled ends a {@code --follow} (Ctrl-C ends the process itself) */
    public LogsCommand(TargetOpener opener, BooleanSupplier cancelled) {
        super(opener);
        this.cancelled = cancelled;
    }

    @Override
    int run(Target t, StackPlan plan, String stackDir) throws TargetException, InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        if (tail < 0) {
            err.println("--tail " + tail + " is not a number of lines: give 0 or more.");
            return CommandLine.ExitCode.USAGE;
        }
        if (plan.service(service).isEmpty()) {
            err.println("The stack " + plan.projectName() + " in " + stackDir + " has no service \"" + service + "\". Its services: "
                    + String.join(", ", plan.services().stream().map(PlannedService::name).toList()) + ".");
            return CommandLine.ExitCode.USAGE;
        }
        OutputStream out = new WriterStream(spec.commandLine().getOut());
        OutputStream errors = new WriterStream(err);
        if (!ContainerLogs.copy(t, plan.projectName(), service, tail, follow, out, errors, cancelled)) {
            err.println(service + " has no container on " + t.description() + " now, so it has no log: start the stack with "
                    + "berth deploy, then try again.");
            return BerthCommand.NOTHING_TO_SHOW;
        }
        return 0;
    }

    /** The log's bytes onto the command's writer, flushed at once so a follow shows each line as it comes. */
    private static final class WriterStream extends OutputStream {
        private final PrintWriter to;

        WriterStream(PrintWriter to) {
            this.to = to;
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            // Docker sends a log line by line, so a character is not cut in two between writes.
            to.print(new String(b, off, len, StandardCharsets.UTF_8));
            to.flush();
        }
    }
}
