package dev.berth.app.cli;

import dev.berth.engine.lifecycle.StackLifecycle;
import java.io.PrintWriter;
import picocli.CommandLine.Command;

/** {@code berth start}: starts a stopped stack's containers again. */
@Command(name = "start", mixinStandardHelpOptions = true,
        description = "Starts the containers of a stopped stack again (compose start, in dependency order). A removed stack "
                + "has no containers to start: berth deploy makes them again. Exits with 7 while another Berth deploys or "
                + "changes the stack.")
public final class StartCommand extends LifecycleCommand {
    public StartCommand() {
        this(TargetOpener.standard());
    }

    public StartCommand(TargetOpener opener) {
        super(opener);
    }

    @Override
    StackLifecycle.Outcome act(StackLifecycle life, PrintWriter out, PrintWriter err) throws Exception {
        return life.start(out::println, () -> false);
    }

    @Override
    String done() {
        return "started";
    }
}
