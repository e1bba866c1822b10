package dev.berth.wizardsteps.core;

import dev.berth.answers.AnswersValidator;
import dev.berth.answers.TargetAnswers;
import dev.berth.catalog.Catalog;
import dev.berth.engine.DesktopOs;
import dev.berth.engine.authelia.NotificationFile;
import dev.berth.engine.authelia.OneTimeLink;
import dev.berth.engine.check.Check;
import dev.berth.engine.check.Checks;
import dev.berth.engine.deploy.DeployOptions;
import dev.berth.engine.deploy.DeployPreview;
import dev.berth.engine.deploy.StackDeployer;
import dev.berth.engine.deploy.StackWiring;
import dev.berth.engine.stack.StackLock;
import dev.berth.engine.target.HostKeyPrompt;
import dev.berth.engine.target.Keychain;
import dev.berth.engine.target.LocalTarget;
import dev.berth.engine.target.OsKeychain;
import dev.berth.engine.target.PassphraseKeeping;
import dev.berth.engine.target.SecretPrompt;
import dev.berth.engine.target.SshDestination;
import dev.berth.engine.target.SshSettings;
import dev.berth.engine.target.SshTarget;
import dev.berth.engine.target.Target;
import dev.berth.engine.target.TargetException;
import dev.berth.engine.wire.WiringPlan;
import dev.berth.plan.StackPlan;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The rest of Berth as the wizard sees it: the catalog, the validator, and a way to reach a
 * target. The real one is {@link #standard}; tests pass the same with other SSH settings (a test
 * server's known_hosts) so they run against real targets.
 */
public interface WizardBackend {
    /** Loaded once; the first call may take a moment, so call it off the UI thread first. */
    Catalog catalog();

    default AnswersValidator validator() {
        return new AnswersValidator(catalog());
    }

    /**
     * Opens the target the answers describe. Blocks (network); never call on the UI thread.
     *
     * @param login how to ask the person during the login
     */
    Target open(TargetAnswers target, Login login) throws TargetException;

    /**
     * The checks the System check page runs on a target, in the order of its table: all of
     * Berth's. A page test that pictures a particular machine (the guide's healthy home server)
     * passes checks that report that machine's facts, and the page runs them as it runs these.
     */
    default List<Check> checks() {
        return Checks.all();
    }

    /**
     * How the wizard deploys: the defaults (download what is missing, wait up to 10 minutes for
     * health, set up proxy hosts), and the check before the deploy runs {@link #checks()}, the
     * System check page's own, so the Deploy page never warns about what that page passed. Tests
     * shorten the health wait.
     */
    default DeployOptions deployOptions() {
        return DeployOptions.DEFAULT.withChecks(checks());
    }

    /**
     * How the Done page's Retry runs the wiring again: as {@code berth wire} does, under the
     * stack's lock, on the target the deploy ran on.
     */
    default Rewire rewire() {
        return (deployed, progress) -> {
            Target target = deployed.from().on().target();
            DeployPreview preview = deployed.from().preview();
            StackPlan plan = preview.plan();
            // The folder's secrets from before the deploy: the sign-ins it made still count as new, shown once.
            WiringPlan wiring = WiringPlan.of(plan, preview.before().secrets());
            try (StackLock lock = new StackDeployer(target, catalog()).lock(preview.stackDir())) {
                return StackWiring.onTarget(target, plan.projectName()).runOnStack(target, plan, wiring, StackWiring.Mode.APPLY,
                        Optional.empty(), p -> progress.message(p.done() ? p.app() + " answered" : "Connecting " + p.app() + "…"),
                        progress::cancelled);
            }
        };
    }

    /**
     * The newest one-time link Authelia wrote to its notification file on the target (a stack
     * without a mail server), for the Done page: registering a device sends one. Blocks (it reads
     * the target's files); never call on the UI thread.
     */
    default Optional<OneTimeLink> newestOneTimeLink(Target target, StackPlan plan) throws TargetException {
        return NotificationFile.newest(target, plan);
    }

    /**
     * The computer the wizard runs on; on Windows and macOS "this computer" cannot be the
     * target, and the Target page says so. Tests pass another desktop.
     */
    default DesktopOs desktop() {
        return DesktopOs.current();
    }

    /**
     * What the login may ask the person: about a new host key, a password, a key's passphrase, and
     * whether to keep a typed passphrase in the OS keychain.
     */
    record Login(HostKeyPrompt hostKey, SecretPrompt password, SecretPrompt passphrase,
                 PassphraseKeeping.KeepQuestion keepPassphrase) {
        /** Asks the person through the wizard's dialogs; {@code where} names the host in the titles, or is empty. */
        public static Login through(DialogService dialogs, String where) {
            String suffix = where.isEmpty() ? "" : " for " + where;
            return new Login(dialogs::trustHostKey,
                    question -> dialogs.askSecret("Password" + suffix, question).orElse(null),
                    question -> dialogs.askSecret("Key passphrase" + suffix, question).orElse(null),
                    (keyFile, keychain) -> dialogs.confirm("Keep this passphrase?", "Keep the passphrase of " + keyFile
                            + " in " + keychain + " so Berth does not ask again?", "_Yes", "_Not now"));
        }
    }

    /** ~/.ssh, the agent from the environment, and the OS keychain for passphrases the person keeps. */
    static WizardBackend standard() {
        return standard(SshSettings.defaults(), OsKeychain.system());
    }

    /** These SSH settings; passphrases are never kept. */
    static WizardBackend standard(SshSettings settings) {
        return standard(settings, Keychain.NONE);
    }

    static WizardBackend standard(SshSettings settings, Keychain keychain) {
        return new WizardBackend() {
            @Override
            public Catalog catalog() {
                return Catalog.builtIn();
            }

            @Override
            public Target open(TargetAnswers target, Login login) throws TargetException {
                if (target.kind() == TargetAnswers.Kind.LOCAL) {
                    return LocalTarget.forStack(desktop());
                }
                Path key = target.keyFile() == null || target.keyFile().isBlank() ? null : expandHome(target.keyFile());
                return SshTarget.connect(new SshDestination(target.host(), target.portOrDefault(), target.user(), key,
                        login.hostKey(), login.passphrase(), login.password(),
                        new PassphraseKeeping(keychain, login.keepPassphrase())), settings);
            }
        };
    }

    /** {@code ~/.ssh/id_ed25519} as a person writes it, like ssh does. */
    static Path expandHome(String path) {
        String p = path.strip();
        if (p.equals("~") || p.startsWith("~/")) {
            return Path.of(System.getProperty("user.home") + p.substring(1));
        }
        return Path.of(p);
    }
}
