package dev.berth.app.cli;

import dev.berth.answers.Answers;
import dev.berth.answers.TargetAnswers;
import dev.berth.engine.target.Target;
import dev.berth.engine.target.TargetException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * {@code --target} and {@code --accept-host-key}, mixed into every command that works on a
 * machine ({@code @Mixin}), and how such a command opens that machine: one help text, one parse,
 * one host-key question.
 */
final class TargetOption {
    @Option(names = "--target", paramLabel = "TARGET",
            description = "local, or ssh://user@host:port for a server. Default: the target the answers file names "
                    + "(deploy, diff, status), else this computer.")
    String target;

    @Option(names = "--accept-host-key", paramLabel = "SHA256:...",
            description = "Trust this SSH host key fingerprint without asking (as ssh prints it).")
    String acceptHostKey;

    @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
    CommandLine.Model.CommandSpec command;

    /**
     * --target when given, else the machine the answers name (this computer when there are none).
     *
     * @param answers the answers read so far, or null
     * @throws CommandLine.ParameterException a usage error saying what is wrong with the option
     */
    TargetSpec where(Answers answers) {
        try {
            if (target != null) {
                return TargetSpec.parse(target, acceptHostKey);
            }
            // Answers not validated yet may lack a target; the planner names that problem later.
            return TargetSpec.of(answers == null || answers.target() == null ? TargetAnswers.LOCAL : answers.target(), acceptHostKey);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(command.commandLine(), e.getMessage());
        }
    }

    /** Connects, asking on the terminal (err) about a server key seen for the first time. */
    Target open(TargetOpener opener, TargetSpec where, PrintWriter err) throws TargetException {
        return opener.open(where, TerminalHostKeyQuestion.fromConsole(err));
    }
}
