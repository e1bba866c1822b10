package dev.berth.app.cli;

import dev.berth.engine.lifecycle.StackLifecycle;
import java.io.PrintWriter;
import picocli.CommandLine.Command;

/** {@code berth stop}: stops a deployed stack's containers, keeping everything. */
@Command(name = "stop", mixinStandardHelpOptions = true,
        description = "Stops every container of a deployed stack (compose stop, in the stack folder, with its project name). "
                + "Containers, settings and data are kept; berth start runs them again. Exits with 7 while another Berth "
                + "deploys or changes the stack (nothing is stopped then).")
public final class StopCommand extends LifecycleCommand {
    public StopCommand() {
        this(TargetOpener.standard());
    }

    public StopCommand(TargetOpener opener) {
        super(opener);
    }

    @Override
    StackLifecycle.Outcome act(StackLifecycle life, PrintWriter out, PrintWriter err) throws Exception {
        return life.stop(out::println, () -> false);
    }

    @Override
    String done() {
        return "stopped";
    }
}
