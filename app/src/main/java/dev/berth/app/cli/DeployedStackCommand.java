package dev.berth.app.cli;

import dev.berth.answers.Answers;
import dev.berth.answers.InvalidAnswersException;
import dev.berth.catalog.Catalog;
import dev.berth.engine.deploy.BackupScheduler;
import dev.berth.engine.deploy.StackDeployer;
import dev.berth.engine.stack.StackState;
import dev.berth.engine.target.Target;
import dev.berth.engine.target.TargetException;
import dev.berth.plan.ImagePins;
import dev.berth.plan.Planner;
import dev.berth.plan.PreviousPorts;
import dev.berth.render.PinsFile;
import dev.berth.plan.StackPlan;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;

/**
 * The commands that work on a stack already deployed ({@code status}, {@code wire}, {@code two-factor-code}, {@code update}): the folder
 * from {@code --dir} or the answers file, the target, and the stack's plan made from the folder's
 * own answers and secrets, so every key and password is the one the apps have.
 */
abstract class DeployedStackCommand implements Callable<Integer> {
    @CommandLine.Mixin
    StackFolderOption folder;

    @CommandLine.Mixin
    TargetOption target;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final TargetOpener opener;

    DeployedStackCommand(TargetOpener opener) {
        this.opener = opener;
    }

    /** Opens another machine of the stack (another host of {@code hosts:}), with the same host-key question. */
    final Target open(dev.berth.answers.TargetAnswers other) throws TargetException {
        return target.open(opener, TargetOption.of(other, null), spec.commandLine().getErr());
    }

    /** What the command does with the stack once it is open; returns the exit code. */
    abstract int run(Target target, StackPlan plan, String stackDir) throws TargetException, InterruptedException;

    @Override
    public final Integer call() {
        String dir = folder.dir;
        Path answersFile = folder.answersFile;
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
            // With the images berth update pinned, so a command names what the stack runs.
            ImagePins pins = state.withFiles(t, List.of(PinsFile.PATH)).pins();
            // berth.yaml keeps "scheduler: auto"; the deploy planned what it became on this target (the backup container or none).
            Answers answers = BackupScheduler.resolve(t, state.answers().orElseThrow());
            StackPlan plan = new Planner(Catalog.builtIn()).plan(answers, state.secrets(), PreviousPorts.NONE, pins);
            return run(t, plan, stackDir);
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
