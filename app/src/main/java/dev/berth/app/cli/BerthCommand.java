package dev.berth.app.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code berth}: the top-level command. */
@Command(name = "berth",
        mixinStandardHelpOptions = true,
        versionProvider = BerthCommand.Version.class,
        description = "Sets up a home media server stack: media server, *arr apps, download clients behind a VPN, "
                + "reverse proxy, sign-in protection and monitoring.",
        subcommands = {RenderCommand.class, CheckCommand.class, DeployCommand.class, DiffCommand.class, StatusCommand.class,
                LogsCommand.class, WireCommand.class, TwoFactorCodeCommand.class, StopCommand.class, StartCommand.class, RemoveCommand.class,
                UpdateCommand.class, BackupCommand.class, BackupsCommand.class, RestoreCommand.class,
                TrainCommand.class})
public final class BerthCommand implements Runnable {
    /** Exit code for answers that cannot be used: the message says what to change. */
    public static final int INVALID_ANSWERS = 1;
    /** Exit code for files that could not be read or written. */
    public static final int IO_ERROR = 3;
    /** Exit code for a system check that FAILed (2 is picocli's, for usage errors). */
    public static final int CHECK_FAILED = 4;
    /** Exit code for a deploy that failed (and was rolled back). */
    public static final int DEPLOY_FAILED = 5;
    /** Exit code for a deploy the person did not confirm: nothing was changed. */
    public static final int NOT_CONFIRMED = 6;
    /** Exit code when another deploy of the same stack is under way: nothing was changed. */
    public static final int STACK_BUSY = 7;
    /** Exit code of {@code berth wire} when a link between the apps needs attention: the table says which and why. */
    public static final int LINKS_NEED_ATTENTION = 8;
    /**
     * Exit code of {@code berth two-factor-code} when it has no code or link to show (none yet, the stack
     * sends them by e-mail, or it has no Authelia): the message says what to do.
     */
    public static final int NOTHING_TO_SHOW = 9;
    /**
     * Exit code of {@code berth deploy} and {@code berth status} when the VPN proof found traffic that
     * can leave outside the tunnel: the routed apps were stopped, and the VPN table says what to fix.
     */
    public static final int VPN_LEAK = 10;
    /**
     * Exit code of {@code berth backup}, {@code backups} and {@code restore} for a stack whose answers
     * turn backups off: the message says how to turn them on.
     */
    public static final int BACKUPS_OFF = 11;
    /**
     * Exit code of the backup commands when the repository cannot be opened: a wrong password, nothing
     * there (a disk not mounted, a typo) or a server that did not answer or refused the sign-in.
     */
    public static final int REPOSITORY_PROBLEM = 12;
    /**
     * Exit code for a deploy cancelled by Ctrl-C or SIGTERM (and rolled back): 128 + SIGINT, which
     * is what a shell reports for a program ended by Ctrl-C, so scripts see "interrupted".
     */
    public static final int CANCELLED = 130;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static CommandLine commandLine() {
        return new CommandLine(new BerthCommand()).setCaseInsensitiveEnumValuesAllowed(true);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() throws IOException {
            Properties p = new Properties();
            try (InputStream in = BerthCommand.class.getResourceAsStream("/dev/berth/app/version.properties")) {
                if (in != null) {
                    p.load(in);
                }
            }
            return new String[] {"Berth " + p.getProperty("version", "(development build)")};
        }
    }
}
