package dev.berth.engine.target;

import java.util.List;
import java.util.stream.Collectors;

/**
 * SSH runs a command as one string, through the login shell on the server. To pass argv through
 * unchanged, every element is put in single quotes, inside which a POSIX shell treats nothing as
 * special; a single quote itself is closed, escaped and reopened ({@code '\''}). This holds for
 * sh, dash, bash, zsh and ash; Berth does not support servers whose login shell is csh or fish.
 */
final class ShellQuote {
    private ShellQuote() {
    }

    static String quote(String arg) {
        return "'" + arg.replace("'", "'\\''") + "'";
    }

    static String join(List<String> argv) {
        if (argv.isEmpty()) {
            throw new IllegalArgumentException("no program to run");
        }
        return argv.stream().map(ShellQuote::quote).collect(Collectors.joining(" "));
    }
}
