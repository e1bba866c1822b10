package dev.berth.app;

import dev.berth.app.cli.BerthCommand;
import picocli.CommandLine;

/**
 * Starts Berth: with no arguments (or only {@code --answers FILE}) the wizard, otherwise the
 * command line. The command line never loads a JavaFX class, so it starts as fast as before.
 */
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

    /** Runs the wizard or the command line and returns the exit code (tests call this instead of exiting). */
    public static int run(String... args) {
        if (opensWizard(args)) {
            return dev.berth.app.gui.WizardLauncher.launch(args.length == 0 ? null : answersFile(args));
        }
        return BerthCommand.commandLine().execute(args);
    }

    /** No arguments, or only an answers file: {@code berth --answers FILE} opens the wizard pre-filled. */
    static boolean opensWizard(String... args) {
        return args.length == 0
                || args.length == 2 && args[0].equals("--answers")
                || args.length == 1 && args[0].startsWith("--answers=");
    }

    private static java.nio.file.Path answersFile(String... args) {
        return java.nio.file.Path.of(args.length == 2 ? args[1] : args[0].substring("--answers=".length()));
    }
}
