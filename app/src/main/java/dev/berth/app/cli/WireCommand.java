package dev.berth.app.cli;

import dev.berth.catalog.Catalog;
import dev.berth.engine.deploy.DeployProgress;
import dev.berth.engine.deploy.StackDeployer;
import dev.berth.engine.deploy.StackWiring;
import dev.berth.engine.stack.StackBusyException;
import dev.berth.engine.stack.StackLock;
import dev.berth.engine.target.Target;
import dev.berth.engine.target.TargetException;
import dev.berth.engine.wire.WiringPlan;
import dev.berth.engine.wire.WiringResult;
import dev.berth.plan.StackPlan;
import java.io.PrintWriter;
import java.util.Optional;
import picocli.CommandLine.Command;

/**
 * {@code berth wire}: connects the apps of a deployed stack again, as the end of {@code berth
 * deploy} does (download clients, root folders, Prowlarr's applications, sign-ins), and prints
 * the Links table. For after a link needed attention and its cause was fixed.
 */
@Command(name = "wire", mixinStandardHelpOptions = true,
        description = "Connects the apps of a deployed stack through their APIs again (download clients with their "
                + "categories, root folders, Prowlarr's applications and indexer proxy, sign-ins), leaving what you set by "
                + "hand alone, and shows each link with the app's own test. Exits with 8 when a link needs attention.")
public final class WireCommand extends DeployedStackCommand {
    public WireCommand() {
        this(TargetOpener.standard());
    }

    public WireCommand(TargetOpener opener) {
        super(opener);
    }

    @Override
    int run(Target t, StackPlan plan, String stackDir) throws TargetException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        WiringPlan wiring = WiringPlan.of(plan, plan.secrets());
        if (wiring.isEmpty()) {
            out.println("Nothing to wire in " + stackDir + ": the stack has no *arr app, Prowlarr or download client.");
            out.flush();
            return 0;
        }
        DeployProgressPrinter printer = new DeployProgressPrinter(err);
        // A deploy of the same stack rewrites what this keeps in .berth/: one at a time.
        try (StackLock lock = new StackDeployer(t, Catalog.builtIn()).lock(stackDir)) {
            WiringResult result = StackWiring.onTarget(t, plan.projectName()).runOnStack(t, plan, wiring,
                    StackWiring.Mode.APPLY, Optional.empty(), p -> printer.accept(new DeployProgress.Wiring(p)), () -> false);
            printer.finish();
            LinksPrinter.links(result, out);
            LinksPrinter.credentials(result.credentials(), plan.secrets(), stackDir, out);
            out.flush();
            return result.allOk() ? 0 : BerthCommand.LINKS_NEED_ATTENTION;
        } catch (StackBusyException e) {
            err.println(e.getMessage());
            return BerthCommand.STACK_BUSY;
        }
    }
}
