package dev.berth.app.cli;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * A yes/no question on the terminal; without a terminal the answer is no, so a script must say --yes.
 * Also the typed confirmation of a step that deletes (the stack's name, typed back).
 */
final class Confirm {
    private Confirm() {
    }

    static boolean ask(String question, PrintWriter err) {
        java.io.Console console = System.console();
        if (console == null) {
            err.println("There is no terminal to ask on.");
            return false;
        }
        String answer = console.readLine("%s [y/N] ", question);
        return answer != null && answer.strip().toLowerCase(Locale.ROOT).startsWith("y");
    }

    /** Whether there is a person at a terminal to ask (a redirected stdin or stdout is a script). */
    static boolean terminal() {
        java.io.Console console = System.console();
        return console != null && console.isTerminal();
    }

    /** What the person types after the prompt; empty when there is no terminal or input ended. */
    static String typed(String prompt) {
        java.io.Console console = System.console();
        String answer = console == null ? null : console.readLine("%s ", prompt);
        return answer == null ? "" : answer.strip();
    }
}
