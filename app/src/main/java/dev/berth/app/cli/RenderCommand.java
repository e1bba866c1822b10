package dev.berth.app.cli;

import dev.berth.answers.Answers;
import dev.berth.answers.AnswersFile;
import dev.berth.answers.AnswersValidator;
import dev.berth.answers.InvalidAnswersException;
import dev.berth.catalog.Catalog;
import dev.berth.catalog.CatalogException;
import dev.berth.plan.AutheliaPasswords;
import dev.berth.plan.Planner;
import dev.berth.plan.StackPlan;
import dev.berth.render.RenderedStack;
import dev.berth.render.Renderer;
import dev.berth.secrets.Argon2idHasher;
import dev.berth.secrets.SecretGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code berth render}: answers file in, stack files out, nothing written on failure. */
@Command(name = "render", mixinStandardHelpOptions = true,
        description = "Writes the stack's files (compose.yaml, .env, secrets/, config/) for an answers file, "
                + "without touching Docker. Rendering into an existing stack keeps its passwords and keys.")
public final class RenderCommand implements Callable<Integer> {
    @Option(names = "--answers", required = true, paramLabel = "FILE", description = "The answers file (berth.yaml).")
    Path answersFile;

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "Where to write the files: a new or empty folder, or a stack Berth made before.")
    Path out;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter outWriter = spec.commandLine().getOut();
        try {
            // A cold start spends most of its time loading the catalog and the validator, and
            // hashing new passwords; they run on other threads while this one reads the files.
            CompletableFuture<Catalog> catalog = Background.start(Catalog::builtIn);
            CompletableFuture<Void> validator = Background.start(() -> {
                AnswersValidator.prepare();
                return null;
            });
            StackDirectory dir = new StackDirectory(out);
            dir.checkWritable();
            Answers answers = AnswersFile.read(answersFile);
            Map<String, String> previous = dir.readSecrets();
            SecretGenerator generator = new SecretGenerator();
            Argon2idHasher hasher = new Argon2idHasher(generator);
            AutheliaPasswords.hashAhead(answers, previous, hasher);
            Background.join(validator);
            StackPlan plan = new Planner(Background.join(catalog), generator, hasher).plan(answers, previous, dir.readPorts());
            RenderedStack stack = new Renderer().render(plan);
            dir.write(stack);
            new StackSummary(plan, stack, answers.access().domain()).print(outWriter, out);
            return 0;
        } catch (InvalidAnswersException e) {
            ProblemPrinter.print(answersFile, e, err);
            return BerthCommand.INVALID_ANSWERS;
        } catch (CatalogException e) {
            err.println(e.getMessage());
            return BerthCommand.IO_ERROR;
        } catch (StackDirectory.NotAStackException e) {
            err.println(e.getMessage());
            return BerthCommand.INVALID_ANSWERS;
        } catch (java.nio.file.NoSuchFileException e) {
            err.println("Cannot find " + e.getFile() + ". Nothing was written.");
            return BerthCommand.IO_ERROR;
        } catch (IOException e) {
            err.println("Cannot write the stack to " + out + ": " + e + ". Nothing was changed there.");
            return BerthCommand.IO_ERROR;
        }
    }
}
