package dev.berth.app.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * Asks on the terminal whether to trust an unknown host key, in OpenSSH's words so the person
 * recognises the question. Without a terminal nobody can answer: the key is not trusted, and
 * the message says how to accept it on the command line.
 */
final class TerminalHostKeyQuestion implements TargetOpener.HostKeyQuestion {
    private final BufferedReader in;
    private final PrintWriter err;

    /** @param in the terminal, or null when there is none */
    TerminalHostKeyQuestion(BufferedReader in, PrintWriter err) {
        this.in = in;
        this.err = err;
    }

    static TerminalHostKeyQuestion fromConsole(PrintWriter err) {
        return new TerminalHostKeyQuestion(System.console() == null ? null : new BufferedReader(System.console().reader()), err);
    }

    @Override
    public boolean trust(String hostAndPort, String keyType, String fingerprint) {
        err.println("The authenticity of host '" + hostAndPort + "' can't be established.");
        err.println(keyType.toUpperCase(Locale.ROOT) + " key fingerprint is " + fingerprint + ".");
        if (in == null) {
            err.println("No terminal to ask on. If this is your server's key, run again with --accept-host-key " + fingerprint);
            return false;
        }
        try {
            while (true) {
                err.print("Are you sure you want to continue connecting (yes/no/[fingerprint])? ");
                err.flush();
                String answer = in.readLine();
                if (answer == null || answer.strip().equalsIgnoreCase("no")) {
                    return false;
                }
                answer = answer.strip();
                if (answer.equalsIgnoreCase("yes") || answer.equals(fingerprint)) {
                    return true;
                }
                if (answer.startsWith("SHA256:")) {
                    err.println("That fingerprint does not match: the key is not trusted.");
                    return false;
                }
                err.println("Please type 'yes', 'no' or the fingerprint.");
            }
        } catch (IOException e) {
            return false;
        }
    }
}
