package dev.berth.app.cli;

import dev.berth.answers.Answers;
import dev.berth.answers.AnswersFile;
import dev.berth.answers.AnswersValidator;
import dev.berth.answers.InvalidAnswersException;
import dev.berth.catalog.Catalog;
import dev.berth.catalog.CatalogException;
import dev.berth.engine.deploy.StackFolderWriter;
import dev.berth.engine.stack.StackState;
import dev.berth.engine.target.LocalTarget;
import dev.berth.engine.target.TargetException;
import dev.berth.render.ComposeDialect;
import dev.berth.render.DockerEngineVersion;
import dev.berth.render.LocalFileModes;
import dev.berth.render.PlannedStack;
import dev.berth.render.StackRendering;
import dev.berth.secrets.SecretGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code berth render}: answers file in, stack files out, nothing written on failure. */
@Command(name = "render", mixinStandardHelpOptions = true,
        description = "Writes the stack's files (compose.yaml, .env, secrets/, config/) for an answers file, "
                + "without touching Docker. Rendering into an existing stack keeps its passwords and keys. With hosts: in the"
                + " answers, one folder per host (DIR/<host>), and where each service goes and why.")
public final class RenderCommand implements Callable<Integer> {
    @Option(names = "--answers", required = true, paramLabel = "FILE", description = "The answers file (berth.yaml).")
    Path answersFile;

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "Where to write the files: a new or empty folder, or a stack Berth made before.")
    Path out;

    @Option(names = "--compose-version", paramLabel = "VERSION", converter = ComposeVersion.class,
            description = "The Compose version on the machine the stack will run on, as 'docker compose version --short' prints it"
                    + " (e.g. 2.26.1). From 2.17 on, apps routed through the VPN restart when Compose restarts Gluetun."
                    + " Default: files that docker-compose 1.29 and Compose v2 both read.")
    ComposeDialect composeVersion = ComposeDialect.V1_COMPATIBLE;

    @Option(names = "--docker-version", paramLabel = "VERSION", converter = DockerVersion.class,
            description = "The Docker engine's version on the machine the stack will run on, as"
                    + " 'docker version --format {{.Server.Version}}' prints it (e.g. 25.0.3). From 25 on, with Compose 2.21"
                    + " or newer (--compose-version), health checks run every 2 s while an app starts."
                    + " Default: files every engine from 20.10 reads.")
    DockerEngineVersion dockerVersion = DockerEngineVersion.OLDEST;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** A version picocli refuses with the message that says how to write it (exit code 2, usage). */
    static final class DockerVersion implements CommandLine.ITypeConverter<DockerEngineVersion> {
        @Override
        public DockerEngineVersion convert(String value) {
            try {
                return DockerEngineVersion.parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    /** A version picocli refuses with the message that says how to write it (exit code 2, usage). */
    static final class ComposeVersion implements CommandLine.ITypeConverter<ComposeDialect> {
        @Override
        public ComposeDialect convert(String value) {
            try {
                return ComposeDialect.parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter outWriter = spec.commandLine().getOut();
        // The folder is read, checked and written as a deploy does it, on this computer.
        String dir = out.toAbsolutePath().normalize().toString();
        try (LocalTarget target = new LocalTarget()) {
            // A cold start spends most of its time loading the catalog and the validator, and
            // hashing new passwords; they run on other threads while this one reads the files
            // (the rendering starts the hashing as soon as it has the answers).
            CompletableFuture<Catalog> catalog = Background.start(Catalog::builtIn);
            CompletableFuture<Void> validator = Background.start(() -> {
                AnswersValidator.prepare();
                return null;
            });
            CompletableFuture<Catalog> ready = catalog.thenCombine(validator, (loaded, prepared) -> loaded);
            StackRendering rendering = new StackRendering(() -> Background.join(ready), new SecretGenerator());
            Answers answers = AnswersFile.read(answersFile);
            if (answers.isMultiHost()) {
                return new HostsRender(rendering, composeVersion.on(dockerVersion)).render(target, answers, dir, outWriter);
            }
            StackState state = StackState.loadForRendering(target, dir, false);
            PlannedStack stack = rendering.render(answers, state.secrets(), state.previousPorts(), composeVersion.on(dockerVersion), state.pins());
            StackFolderWriter.write(target, state, stack.rendered());
            new StackSummary(stack.plan(), stack.rendered(), answers.access().domain()).print(outWriter, out);
            if (!stack.plan().secrets().isEmpty()) {
                // A FAT or exFAT stick keeps no permissions: said once, for the folder, not per file.
                LocalFileModes.of(out.toAbsolutePath()).note(out.toAbsolutePath()).ifPresent(err::println);
            }
            return 0;
        } catch (InvalidAnswersException e) {
            ProblemPrinter.print(answersFile, e, err);
            return BerthCommand.INVALID_ANSWERS;
        } catch (CatalogException e) {
            err.println(e.getMessage());
            return BerthCommand.IO_ERROR;
        } catch (StackState.ForeignStackException e) {
            err.println(e.refusal() + " Choose a new or empty folder for --out.");
            return BerthCommand.INVALID_ANSWERS;
        } catch (java.nio.file.NoSuchFileException e) {
            err.println("Cannot find " + e.getFile() + ". Nothing was written.");
            return BerthCommand.IO_ERROR;
        } catch (IOException e) {
            err.println("Cannot read " + answersFile + ": " + e + ". Nothing was written.");
            return BerthCommand.IO_ERROR;
        } catch (TargetException e) {
            err.println("Cannot write the stack to " + out + ": " + e.getMessage() + " Nothing was changed there.");
            // A file given as --out is an option to change, as answers are; anything else, a file error.
            return Files.exists(out) && !Files.isDirectory(out) ? BerthCommand.INVALID_ANSWERS : BerthCommand.IO_ERROR;
        }
    }
}
