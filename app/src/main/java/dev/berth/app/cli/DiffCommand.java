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
    @CommandLine.ArgGroup(exclusive = true, multiplicity = "1")
    StackCommandInputs.Source source;

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
        Optional<Answers> answers = source.answers == null ? Optional.empty() : StackCommandInputs.readAnswers(source.answers, err);
        if (source.answers != null && answers.isEmpty()) {
            return BerthCommand.INVALID_ANSWERS;
        }
        TargetSpec where;
        try {
            where = StackCommandInputs.target(target, acceptHostKey, answers.orElse(null));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        Path answersFile = source.answers;
        try (Target t = opener.open(where, TerminalHostKeyQuestion.fromConsole(err))) {
            if (answers.isEmpty()) {
                answers = StackCommandInputs.answersInStack(t, source.dir, err);
                if (answers.isEmpty()) {
                    return BerthCommand.INVALID_ANSWERS;
                }
            }
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
            StackCommandInputs.printProblems(answersFile != null ? answersFile : source.dir + "/berth.yaml", e, err);
            return BerthCommand.INVALID_ANSWERS;
        } catch (StackState.ForeignStackException e) {
            err.println(e.getMessage());
            return BerthCommand.INVALID_ANSWERS;
        }
    }
}
