package dev.berth.app.cli;

import dev.berth.catalog.Catalog;
import dev.berth.engine.deploy.DeployOptions;
import dev.berth.engine.deploy.DeployPreview;
import dev.berth.engine.deploy.DeploymentResult;
import dev.berth.engine.stack.StackBusyException;
import dev.berth.engine.stack.StackLock;
import dev.berth.engine.stack.StackState;
import dev.berth.engine.target.Target;
import dev.berth.engine.target.TargetException;
import dev.berth.engine.update.StackUpdater;
import dev.berth.engine.update.UpdateFinder;
import dev.berth.engine.update.UpdateOutcome;
import dev.berth.engine.update.UpdatePreview;
import dev.berth.plan.StackPlan;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code berth update}: newer images for a deployed stack, applied as a deploy that a failure rolls back. */
@Command(name = "update", mixinStandardHelpOptions = true,
        description = "Asks each image's registry for a newer version on the same track, shows what would change, and after "
                + "you confirm applies it like a deploy: each updated image pinned by digest in compose.yaml (the previous "
                + "tag and digest kept in berth-pins.yaml), the new images pulled, the changed services recreated and "
                + "waited on until healthy. A failed update is rolled back to the previous images and their health is "
                + "checked again. Exit codes: 0 updated or nothing to update, 5 failed and rolled back, 6 not confirmed, "
                + "7 another deploy of the stack is under way, 130 cancelled and rolled back.")
public final class UpdateCommand extends DeployedStackCommand {
    @Parameters(paramLabel = "SERVICE", arity = "0..*", description = "Update only these services (their Compose names); all by default.")
    List<String> services = List.of();

    @Option(names = "--yes", description = "Apply without asking (for scripts; without a terminal Berth cannot ask).")
    boolean yes;

    @Option(names = "--dry-run", description = "Only show what would change; change nothing.")
    boolean dryRun;

    private final Supplier<UpdateFinder> finder;
    private final DeployOptions defaults;

    public UpdateCommand() {
        this(TargetOpener.standard(), UpdateFinder::registries, DeployOptions.DEFAULT);
    }

    /**
     * @param finder   asked for the newer images (the registries; tests give their own)
     * @param defaults the deploy's options, e.g. the health wait's limit
     */
    public UpdateCommand(TargetOpener opener, Supplier<UpdateFinder> finder, DeployOptions defaults) {
        super(opener);
        this.finder = finder;
        this.defaults = defaults;
    }

    @Override
    int run(Target t, StackPlan plan, String stackDir) throws TargetException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Set<String> only = new LinkedHashSet<>(services);
        List<String> unknown = only.stream().filter(s -> !plan.has(s)).toList();
        if (!unknown.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "The stack has no service " + String.join(", ", unknown)
                    + ". Its services: " + String.join(", ", plan.services().stream().map(s -> s.name()).toList()) + ".");
        }
        StackUpdater updater = new StackUpdater(t, Catalog.builtIn(), Clock.systemDefaultZone(), finder.get());
        // Held from before the folder is read until the update ended, as a deploy holds it.
        try (StackLock lock = updater.lock(stackDir)) {
            return update(t, updater, lock, stackDir, only, out, err);
        } catch (StackBusyException e) {
            err.println(e.getMessage());
            return BerthCommand.STACK_BUSY;
        } catch (StackState.ForeignStackException e) {
            err.println(e.getMessage());
            return BerthCommand.IO_ERROR;
        }
    }

    private int update(Target t, StackUpdater updater, StackLock lock, String stackDir, Set<String> only, PrintWriter out,
                       PrintWriter err) throws TargetException, InterruptedException, StackState.ForeignStackException {
        UpdatePreview preview = updater.preview(stackDir, only, defaults, () -> false);
        out.println("Images of the stack in " + stackDir + " on " + t.description() + ":");
        UpdatesPrinter.print(preview.statuses(), out);
        if (preview.nothingToUpdate()) {
            out.println(only.isEmpty() ? "Nothing to update." : "Nothing to update for " + String.join(", ", only) + ".");
            out.flush();
            return 0;
        }
        DeployPreview deploy = preview.deploy().orElseThrow();
        PreviewPrinter.printChanges(deploy, out);
        out.print(deploy.diff().render());
        out.flush();
        if (dryRun) {
            out.println("Nothing was changed (--dry-run).");
            out.flush();
            return 0;
        }
        if (!yes && !Confirm.ask("Update now?", err)) {
            err.println("Nothing was changed. (Use --yes to update without being asked.)");
            return BerthCommand.NOT_CONFIRMED;
        }
        DeployProgressPrinter printer = new DeployProgressPrinter(err);
        UpdateOutcome outcome;
        try (DeployInterrupts interrupts = DeployInterrupts.install(err, DeployInterrupts.terminal())) {
            outcome = updater.apply(preview, lock, printer, interrupts::cancelled, interrupts::stopUndoing);
        }
        printer.finish();
        ReportPrinter.print(outcome.deploy(), out, err);
        outcome.afterRollback().ifPresent(report -> {
            out.println("After the rollback, on the previous images:");
            ReportPrinter.table(report, out);
        });
        outcome.rollbackHealth().ifPresent(why -> err.println("After the rollback: " + why));
        out.flush();
        return switch (outcome.deploy().result()) {
            case DeploymentResult.Succeeded s -> 0;
            case DeploymentResult.RolledBack r -> BerthCommand.DEPLOY_FAILED;
            case DeploymentResult.Cancelled c -> BerthCommand.CANCELLED;
        };
    }
}
