package dev.berth.app.cli;

import java.io.PrintWriter;
import java.util.Locale;

/** A yes/no question on the terminal; without a terminal the answer is no, so a script must say --yes. */
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
}
