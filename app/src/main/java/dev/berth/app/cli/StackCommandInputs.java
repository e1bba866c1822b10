package dev.berth.app.cli;

import dev.berth.answers.Answers;
import dev.berth.answers.AnswersFile;
import dev.berth.answers.InvalidAnswersException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import dev.berth.catalog.Catalog;
import dev.berth.engine.deploy.StackDeployer;
import dev.berth.engine.stack.StackState;
import dev.berth.engine.target.Target;
import dev.berth.engine.target.TargetException;
import picocli.CommandLine;

/**
 * What deploy, diff and status share: reading the answers file with messages a person can act
 * on, or the answers a stack folder on the target holds.
 */
final class StackCommandInputs {
    private StackCommandInputs() {
    }

    /** Where the answers come from: a file here, or the berth.yaml of a stack on the target. */
    static final class Source {
        @CommandLine.Option(names = "--answers", paramLabel = "FILE", description = "The answers file (berth.yaml).")
        Path answers;

        @CommandLine.Option(names = "--dir", paramLabel = "DIR",
                description = "A stack folder Berth made on the target: use the answers it holds (berth.yaml), "
                        + "as when running Berth again on an existing stack.")
        String dir;
    }

    /** The answers a stack folder on the target holds, or empty after saying why there are none. */
    static Optional<Answers> answersInStack(Target target, String dir, PrintWriter err) throws TargetException {
        StackState state = new StackDeployer(target, Catalog.builtIn()).open(dir);
        if (state.answers().isEmpty()) {
            err.println("There is no stack Berth made in " + dir + " on " + target.description()
                    + " (no berth.yaml). Name the folder of a stack Berth made, or give --answers FILE.");
        }
        return state.answers();
    }

    /** The answers, or empty after printing why they cannot be used. */
    static Optional<Answers> readAnswers(Path file, PrintWriter err) {
        try {
            return Optional.of(AnswersFile.read(file));
        } catch (InvalidAnswersException e) {
            ProblemPrinter.print(file, e, err);
            return Optional.empty();
        } catch (java.nio.file.NoSuchFileException e) {
            err.println("Cannot find " + e.getFile() + ". Nothing was changed.");
            return Optional.empty();
        } catch (IOException e) {
            err.println("Cannot read " + file + ": " + e.getMessage() + ". Nothing was changed.");
            return Optional.empty();
        }
    }

}
