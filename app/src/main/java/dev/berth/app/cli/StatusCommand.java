package dev.berth.app.cli;

import dev.berth.answers.Answers;
import dev.berth.answers.InvalidAnswersException;
import dev.berth.catalog.Catalog;
import dev.berth.engine.deploy.DeployReport;
import dev.berth.engine.deploy.StackDeployer;
import dev.berth.engine.deploy.StackStatus;
import dev.berth.engine.stack.StackState;
import dev.berth.engine.target.Target;
import dev.berth.engine.target.TargetException;
import dev.berth.plan.Planner;
import dev.berth.plan.StackPlan;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code berth status}: the live health of a deployed stack, read from its folder on the target. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Shows each service of a deployed stack: its state (starting, healthy, unhealthy, exited, ...), "
                + "whether its web page answers, and where to open it. Changes nothing.")
public final class StatusCommand implements Callable<Integer> {
    @Option(names = "--dir", paramLabel = "DIR",
            description = "The stack folder on the target (default: the one in --answers, else /opt/berth).")
    String dir;

    @Option(names = "--answers", paramLabel = "FILE", description = "An answers file naming the stack folder and target.")
    Path answersFile;

    @CommandLine.Mixin
    TargetOption target;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final TargetOpener opener;

    public StatusCommand() {
        this(TargetOpener.standard());
    }

    public StatusCommand(TargetOpener opener) {
        this.opener = opener;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Answers given = null;
        if (answersFile != null) {
            Optional<Answers> read = StackCommandInputs.readAnswers(answersFile, err);
            if (read.isEmpty()) {
                return BerthCommand.INVALID_ANSWERS;
            }
            given = read.get();
        }
        String stackDir = dir != null ? dir : given != null ? given.storage().stackDir() : "/opt/berth";
        TargetSpec where = target.where(given);
        try (Target t = target.open(opener, where, err)) {
            StackState state = new StackDeployer(t, Catalog.builtIn()).open(stackDir);
            if (!state.isBerthStack()) {
                err.println("There is no stack Berth made in " + stackDir + " on " + t.description()
                        + " (no berth.yaml). Name the folder with --dir, or deploy one with berth deploy.");
                return BerthCommand.IO_ERROR;
            }
            StackPlan plan = new Planner(Catalog.builtIn()).plan(state.answers().orElseThrow(), state.secrets());
            DeployReport report = StackStatus.read(t, plan, Duration.ofSeconds(5));
            out.println("Stack " + plan.projectName() + " in " + stackDir + " on " + t.description() + ":");
            ReportPrinter.table(report, out);
            out.flush();
            return report.ok() ? 0 : BerthCommand.DEPLOY_FAILED;
        } catch (TargetException e) {
            err.println(e.getMessage());
            return BerthCommand.IO_ERROR;
        } catch (InvalidAnswersException e) {
            ProblemPrinter.print(stackDir + "/berth.yaml", e, err);
            return BerthCommand.INVALID_ANSWERS;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("Stopped.");
            return BerthCommand.IO_ERROR;
        }
    }
}
