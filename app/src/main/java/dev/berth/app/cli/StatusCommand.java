package dev.berth.app.cli;

import dev.berth.engine.deploy.DeployReport;
import dev.berth.engine.deploy.StackStatus;
import dev.berth.engine.deploy.StackWiring;
import dev.berth.engine.target.Target;
import dev.berth.engine.target.TargetException;
import dev.berth.engine.wire.WiringPlan;
import dev.berth.engine.wire.WiringResult;
import dev.berth.plan.StackPlan;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Optional;
import picocli.CommandLine.Command;

/** {@code berth status}: the live health of a deployed stack, read from its folder on the target. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Shows each service of a deployed stack: its state (starting, healthy, unhealthy, exited, ...), "
                + "whether its web page answers, and where to open it; then the apps' own test of each link Berth set up "
                + "(Sonarr → qBittorrent, ...). Changes nothing.")
public final class StatusCommand extends DeployedStackCommand {
    public StatusCommand() {
        this(TargetOpener.standard());
    }

    public StatusCommand(TargetOpener opener) {
        super(opener);
    }

    @Override
    int run(Target t, StackPlan plan, String stackDir) throws TargetException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        DeployReport report = StackStatus.read(t, plan, Duration.ofSeconds(5));
        out.println("Stack " + plan.projectName() + " in " + stackDir + " on " + t.description() + ":");
        ReportPrinter.table(report, out);
        // The apps' own tests of each link and the sign-in checks; nothing is changed.
        WiringPlan wiring = WiringPlan.of(plan, plan.secrets());
        if (!wiring.isEmpty()) {
            WiringResult links = StackWiring.onTarget(t, plan.projectName()).runOnStack(t, plan, wiring,
                    StackWiring.Mode.TEST_ONLY, Optional.empty(), p -> { }, () -> false);
            LinksPrinter.links(links, out);
        }
        out.flush();
        return report.ok() ? 0 : BerthCommand.DEPLOY_FAILED;
    }
}
