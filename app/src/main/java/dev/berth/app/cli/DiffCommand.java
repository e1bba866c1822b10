package dev.berth.app.cli;

import dev.berth.answers.Answers;
import dev.berth.answers.InvalidAnswersException;
import dev.berth.catalog.Catalog;
import dev.berth.engine.deploy.DeployOptions;
import dev.berth.engine.deploy.DeployPreview;
import dev.berth.engine.deploy.StackDeployer;
import dev.berth.engine.stack.StackState;
import dev.berth.engine.target.Target;
import dev.berth.engine.target.TargetException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code berth diff}: what a deploy of these answers would change, file by file, changing nothing. */
@Command(name = "diff", mixinStandardHelpOptions = true,
        description = "Shows what deploying the answers file would change in the stack folder: a unified diff per "
                + "changed file (secret files are named, never shown) and the steps a deploy would take. Changes nothing.")
public final class DiffCommand implements Callable<Integer> {
    @Option(names = "--answers", required = true, paramLabel = "FILE", description = "The answers file (berth.yaml).")
    Path answersFile;

    @Option(names = "--target", paramLabel = "TARGET",
            description = "local, or ssh://user@host:port; default: the target in the answers file.")
    String target;

    @Option(names = "--adopt", description = "Compare with a stack folder Berth did not make, as deploy --adopt would.")
    boolean adopt;

    @Option(names = "--accept-host-key", paramLabel = "SHA256:...",
            description = "Trust this SSH host key fingerprint without asking (as ssh prints it).")
    String acceptHostKey;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final TargetOpener opener;

    public DiffCommand() {
        this(TargetOpener.standard());
    }

    public DiffCommand(TargetOpener opener) {
        this.opener = opener;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Optional<Answers> answers = StackCommandInputs.readAnswers(answersFile, err);
        if (answers.isEmpty()) {
            return BerthCommand.INVALID_ANSWERS;
        }
        TargetSpec where;
        try {
            where = StackCommandInputs.target(target, acceptHostKey, answers.get());
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        try (Target t = opener.open(where, TerminalHostKeyQuestion.fromConsole(err))) {
            DeployPreview preview = new StackDeployer(t, Catalog.builtIn())
                    .preview(answers.get(), DeployOptions.DEFAULT.withAdopt(adopt), p -> { });
            out.print(preview.diff().render());
            PreviewPrinter.print(preview, t.description(), out);
            out.flush();
            return 0;
        } catch (TargetException e) {
            err.println(e.getMessage());
            return BerthCommand.IO_ERROR;
        } catch (InvalidAnswersException e) {
            StackCommandInputs.printProblems(answersFile, e, err);
            return BerthCommand.INVALID_ANSWERS;
        } catch (StackState.ForeignStackException e) {
            err.println(e.getMessage());
            return BerthCommand.INVALID_ANSWERS;
        }
    }
}
