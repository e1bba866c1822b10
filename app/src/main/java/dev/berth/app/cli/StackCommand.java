package dev.berth.app.cli;

import dev.berth.answers.Answers;
import dev.berth.answers.InvalidAnswersException;
import dev.berth.engine.stack.StackState;
import dev.berth.engine.target.Target;
import dev.berth.engine.target.TargetException;
import java.io.PrintWriter;
import java.util.Optional;
import picocli.CommandLine;

/**
 * What {@code deploy} and {@code diff} share: the answers (a file, or the berth.yaml of a stack
 * folder on the target), the target (--target, else the one the answers name), and the messages
 * for answers to fix, a folder Berth did not make, and a target that cannot be reached.
 */
final class StackCommand {
    /** The command's own work, once the answers and the target are there. */
    @FunctionalInterface
    interface Body {
        int run(Target target, Answers answers) throws TargetException, StackState.ForeignStackException;
    }

    private StackCommand() {
    }

    /** @param unreachable the exit code when the target fails (connection, files, Docker) */
    static int run(CommandLine.Model.CommandSpec spec, StackCommandInputs.Source source, TargetOption target,
                   TargetOpener opener, int unreachable, Body body) {
        PrintWriter err = spec.commandLine().getErr();
        Optional<Answers> answers = source.answers == null ? Optional.empty() : StackCommandInputs.readAnswers(source.answers, err);
        if (source.answers != null && answers.isEmpty()) {
            return BerthCommand.INVALID_ANSWERS;
        }
        TargetSpec where = target.where(answers.orElse(null));
        Object answersSource = source.answers != null ? source.answers : source.dir + "/berth.yaml";
        try (Target t = target.open(opener, where, err)) {
            if (answers.isEmpty()) {
                answers = StackCommandInputs.answersInStack(t, source.dir, err);
                if (answers.isEmpty()) {
                    return BerthCommand.INVALID_ANSWERS;
                }
            }
            return body.run(t, answers.get());
        } catch (TargetException e) {
            err.println(e.getMessage());
            return unreachable;
        } catch (InvalidAnswersException e) {
            ProblemPrinter.print(answersSource, e, err);
            return BerthCommand.INVALID_ANSWERS;
        } catch (StackState.ForeignStackException e) {
            err.println(e.getMessage());
            return BerthCommand.INVALID_ANSWERS;
        }
    }
}
