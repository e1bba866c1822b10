package dev.berth.app;

import dev.berth.app.cli.BerthCommand;
import picocli.CommandLine;

/** Starts Berth. Until the wizard exists, every start is the command line. */
public final class Main {
    /** Held so the level sticks: JUL keeps loggers weakly. Hibernate Validator's start-up line is noise for a person. */
    private static final java.util.logging.Logger VALIDATOR_LOG = java.util.logging.Logger.getLogger("org.hibernate.validator");

    static {
        VALIDATOR_LOG.setLevel(java.util.logging.Level.WARNING);
    }

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit code (tests call this instead of exiting). */
    public static int run(String... args) {
        return BerthCommand.commandLine().execute(args);
    }
}
