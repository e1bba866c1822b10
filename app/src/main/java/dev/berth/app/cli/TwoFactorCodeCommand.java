package dev.berth.app.cli;

import dev.berth.answers.AccessAnswers;
import dev.berth.engine.authelia.NotificationFile;
import dev.berth.engine.authelia.OneTimeLink;
import dev.berth.engine.target.Target;
import dev.berth.engine.target.TargetException;
import dev.berth.plan.StackPlan;
import java.io.PrintWriter;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import picocli.CommandLine.Command;

/**
 * {@code berth two-factor-code}: the newest one-time code (or link) Authelia wrote to its
 * notification file on the server, for a stack without a mail server. Registering a second
 * factor asks for that code, and without this the person would have to find the file on the
 * server themselves.
 */
@Command(name = "two-factor-code", aliases = "two-factor-link", mixinStandardHelpOptions = true,
        description = "Shows the newest one-time code (or link) Authelia wrote for a person of a deployed stack without a "
                + "mail server: the code Authelia asks for when you choose Register device, or a password reset link; "
                + "with whom it is for and when it was sent. Exits with 9 when there is none, saying what to do. Changes nothing.")
public final class TwoFactorCodeCommand extends DeployedStackCommand {
    private static final DateTimeFormatter SENT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z");

    public TwoFactorCodeCommand() {
        this(TargetOpener.standard());
    }

    public TwoFactorCodeCommand(TargetOpener opener) {
        super(opener);
    }

    /**
     * What {@code berth deploy} says at the end when Authelia asks for a second factor and has no
     * mail server: otherwise nothing tells the person where the code for Register device goes.
     */
    static Optional<String> afterDeploy(StackPlan plan, String stackDir) {
        AccessAnswers.Authelia authelia = plan.answers().access().authelia();
        if (plan.service("authelia").isEmpty() || authelia.policy() != AccessAnswers.Policy.TWO_FACTOR || authelia.smtp() != null) {
            return Optional.empty();
        }
        return Optional.of("Second factor: open https://auth." + plan.answers().access().domain() + ", sign in and choose "
                + "Register device; Authelia writes the one-time code it asks for on the server, and "
                + "berth two-factor-code --dir " + stackDir + " shows it.");
    }

    @Override
    int run(Target t, StackPlan plan, String stackDir) throws TargetException {
        PrintWriter out = spec.commandLine().getOut();
        try {
            return show(t, plan, stackDir, out);
        } finally {
            out.flush();
        }
    }

    private static int show(Target t, StackPlan plan, String stackDir, PrintWriter out) throws TargetException {
        AccessAnswers.Authelia authelia = plan.answers().access().authelia();
        if (plan.service("authelia").isEmpty()) {
            out.println("The stack in " + stackDir + " has no Authelia, so there is no second factor to register. "
                    + "To add sign-in protection, set access.authelia in your answers and run berth deploy.");
            return BerthCommand.NOTHING_TO_SHOW;
        }
        String portal = "https://auth." + plan.answers().access().domain();
        if (authelia.smtp() != null) {
            out.println("Authelia sends its one-time codes by e-mail through " + authelia.smtp().host() + ":"
                    + authelia.smtp().port() + " (access.authelia.smtp), so none is kept on the server: look in the inbox "
                    + "of the address the user has in Authelia. Nothing arrived? Authelia's log names the mail server's answer: "
                    + "docker compose logs authelia, run in " + stackDir + ".");
            return BerthCommand.NOTHING_TO_SHOW;
        }
        Optional<OneTimeLink> newest = NotificationFile.newest(t, plan);
        if (newest.isEmpty()) {
            out.println("There is no one-time code waiting: open " + portal + ", sign in, choose Register device "
                    + "(Authelia then writes a code for you on the server); then run this again.");
            return BerthCommand.NOTHING_TO_SHOW;
        }
        OneTimeLink link = newest.get();
        String sent = link.sent() == null ? "" : ", sent " + SENT.format(link.sent().atZone(ZoneId.systemDefault()));
        if (link.isCode()) {
            out.println("One-time code for " + link.recipient() + " (" + link.subject() + sent + "):");
            out.println();
            out.println("    " + link.code());
            out.println();
            out.println("Type it into the prompt Authelia shows at " + link.url() + ". It is valid for 5 minutes after it "
                    + "was sent; if it has run out, choose Register device again and run this once more.");
        } else {
            out.println("One-time link for " + link.recipient() + " (" + link.subject() + sent + "):");
            out.println();
            out.println("    " + link.url());
            out.println();
            out.println("Open it in your browser. It is valid for 5 minutes after it was sent; if it has run out, "
                    + "ask for a new one at " + portal + " and run this once more.");
        }
        return 0;
    }
}
