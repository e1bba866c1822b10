package dev.berth.app.cli;

import dev.berth.answers.Answers;
import dev.berth.answers.AnswersValidator;
import dev.berth.catalog.Catalog;
import dev.berth.engine.deploy.DeployOptions;
import dev.berth.engine.deploy.DeployOutcome;
import dev.berth.engine.deploy.DeployPreview;
import dev.berth.engine.deploy.DeploymentResult;
import dev.berth.engine.deploy.StackDeployer;
import dev.berth.engine.deploy.VpnProofJob;
import dev.berth.engine.stack.StackBusyException;
import dev.berth.engine.stack.StackLock;
import dev.berth.engine.stack.StackState;
import dev.berth.engine.target.Target;
import dev.berth.engine.target.TargetException;
import dev.berth.render.StackRendering;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code berth deploy}: the answers become a running stack. Shows what would change, asks, then
 * writes, pulls, starts and waits for health; on failure, Ctrl-C or SIGTERM puts the previous
 * stack back. The stack's lock is held from before its folder is read until the deploy has ended.
 */
@Command(name = "deploy", mixinStandardHelpOptions = true,
        description = "Deploys the stack an answers file describes, on this computer or a server over SSH: shows what "
                + "would change, asks, then writes the files, pulls the images, starts the containers and waits until "
                + "every service is healthy. On failure, or Ctrl-C, the previous stack is put back. An existing stack keeps its "
                + "passwords and keys. One deploy of a stack runs at a time. Apps routed through the VPN are then proved to "
                + "reach the internet only through the tunnel; on a leak they are stopped (exit code 10).")
public final class DeployCommand implements Callable<Integer> {
    @CommandLine.ArgGroup(exclusive = true, multiplicity = "1")
    StackCommandInputs.Source source;

    @CommandLine.Mixin
    TargetOption target;

    @Option(names = "--yes", description = "Apply without asking (for scripts).")
    boolean yes;

    @Option(names = "--offline", description = "Never pull images: use only those already on the target.")
    boolean offline;

    @Option(names = "--adopt", description = "Take over a stack folder Berth did not make (its files are backed up first).")
    boolean adopt;

    @Option(names = "--skip-proxy-hosts", description = "Leave Nginx Proxy Manager's proxy hosts to me.")
    boolean skipProxyHosts;

    @Option(names = "--skip-wiring", description = "Leave the apps' settings to me: no download clients, root folders, "
            + "Prowlarr applications or sign-ins set through their APIs.")
    boolean skipWiring;

    @Option(names = "--plex-claim", paramLabel = "CODE", description = "Plex's claim code from https://www.plex.tv/claim "
            + "(valid four minutes): Plex links itself to your Plex account when it starts with it, and the deploy adds its "
            + "libraries. Kept in secrets/plex_claim, never in berth.yaml.")
    String plexClaim;

    @CommandLine.ArgGroup(exclusive = true)
    FolderChoiceOption folders = new FolderChoiceOption();

    /** When storage.configRoot or storage.dataRoot of a stack that exists changes. */
    static final class FolderChoiceOption {
        @Option(names = "--move-folders", description = "When configRoot or dataRoot changed: stop the apps, move their folders "
                + "to the new place (same filesystem only), check, then start them.")
        boolean move;

        @Option(names = "--keep-folders", description = "When configRoot or dataRoot changed: leave the folders where they are; "
                + "the apps start with empty folders in the new place.")
        boolean keep;

        DeployOptions.FolderChoice choice() {
            return move ? DeployOptions.FolderChoice.MOVE : keep ? DeployOptions.FolderChoice.KEEP : DeployOptions.FolderChoice.UNDECIDED;
        }
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final TargetOpener opener;
    /** What the options above change; the default keeps logs of failed first installs in Berth's settings folder. */
    private final DeployOptions defaults;
    private final VpnProofJob.Prover vpnProver;

    public DeployCommand() {
        this(TargetOpener.standard());
    }

    public DeployCommand(TargetOpener opener) {
        this(opener, DeployOptions.DEFAULT);
    }

    public DeployCommand(TargetOpener opener, DeployOptions defaults) {
        this(opener, defaults, VpnProofJob.Prover.onTarget());
    }

    /** @param vpnProver proves the VPN after the health wait; tests give made-up proofs */
    public DeployCommand(TargetOpener opener, DeployOptions defaults, VpnProofJob.Prover vpnProver) {
        this.opener = opener;
        this.defaults = defaults;
        this.vpnProver = vpnProver;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        DeployOptions options = defaults.withOffline(offline).withAdopt(adopt).withProxyHosts(!skipProxyHosts)
                .withFolders(folders.choice()).withWiring(!skipWiring);
        // On a fresh JVM the catalog and the validator take some hundreds of milliseconds each: they
        // load on threads of their own while this one opens the target and reads the answers.
        CompletableFuture<Catalog> catalog = Background.start(Catalog::builtIn);
        Background.start(() -> {
            AnswersValidator.prepare();
            return null;
        });
        if (source.answers != null) {
            // Answers with hosts: deploy across those hosts, each reached as its entry says.
            java.util.Optional<Answers> answers = StackCommandInputs.readAnswers(source.answers, err);
            if (answers.isEmpty()) {
                return BerthCommand.INVALID_ANSWERS;
            }
            if (answers.get().isMultiHost()) {
                if (target.target != null) {
                    throw new CommandLine.ParameterException(spec.commandLine(), "--target names one machine, but "
                            + source.answers + " places the stack on several (hosts:). Leave --target out: each host is reached "
                            + "as its entry under hosts: says.");
                }
                return new ClusterDeploy(opener, target.acceptHostKey, yes, out, err)
                        .run(source.answers, withPlexClaim(answers.get()), Background.join(catalog), options);
            }
        }
        return StackCommand.run(spec, source, target, opener, BerthCommand.DEPLOY_FAILED,
                (t, answers) -> deploy(t, Background.join(catalog), withPlexClaim(answers), options, out, err));
    }

    /** The answers with this run's claim code, which the answers' own rules then check like any other. */
    private Answers withPlexClaim(Answers answers) {
        return plexClaim == null ? answers : answers.withMedia(answers.media().withPlexClaim(plexClaim.strip()));
    }

    private int deploy(Target t, Catalog catalog, Answers answers, DeployOptions options, PrintWriter out, PrintWriter err)
            throws TargetException, StackState.ForeignStackException {
        DeployProgressPrinter printer = new DeployProgressPrinter(err);
        StackDeployer deployer = new StackDeployer(t, catalog, java.time.Clock.systemDefaultZone(), vpnProver);
        // The Docker client (its many classes, the engine's version asked) is made while the answers
        // are checked, ready when the preview lists the containers. A failure here is left to the
        // preview, which asks again and says what is wrong.
        Background.start(() -> {
            try {
                return t.docker();
            } catch (TargetException e) {
                return null;
            }
        });
        // The stack folder must be known (and the answers valid) before its lock can be taken.
        StackRendering.Checked checked = deployer.check(answers);
        // Held from before the folder is read until the deploy has ended: a second deploy of the same
        // stack must neither read this one's half-written files nor write its own among them.
        try (StackLock lock = deployer.lock(checked.answers().storage().stackDir())) {
            return deploy(t, deployer, lock, checked, options, printer, out, err);
        } catch (StackBusyException e) {
            err.println(e.getMessage());
            return BerthCommand.STACK_BUSY;
        }
    }

    private int deploy(Target t, StackDeployer deployer, StackLock lock, StackRendering.Checked checked, DeployOptions options,
                       DeployProgressPrinter printer, PrintWriter out, PrintWriter err)
            throws TargetException, StackState.ForeignStackException {
        DeployPreview preview = deployer.preview(checked, options);
        PreviewPrinter.printChanges(preview, out);
        if (preview.folderChoiceNeeded()) {
            out.flush();
            err.println(preview.folderChoiceMessage());
            err.println("Run the deploy again with --move-folders or --keep-folders.");
            return BerthCommand.INVALID_ANSWERS;
        }
        if (!preview.firstInstall()) {
            // An update: each changed file as a unified diff, so the person sees exactly what they agree to.
            out.print(preview.diff().render());
        }
        PreviewPrinter.print(preview, t.description(), out);
        out.flush();
        if (preview.nothingToChange()) {
            return nothingToChange(deployer, preview, lock, printer, out, err);
        }
        if (!yes && !Confirm.ask("Deploy now?", err)) {
            err.println("Nothing was changed. (Use --yes to deploy without being asked.)");
            return BerthCommand.NOT_CONFIRMED;
        }
        DeployOutcome outcome;
        try (DeployInterrupts interrupts = DeployInterrupts.install(err, DeployInterrupts.terminal())) {
            outcome = deployer.deploy(preview, lock, printer, interrupts::cancelled, interrupts::stopUndoing);
        }
        printer.finish();
        ReportPrinter.print(outcome, out, err);
        outcome.proxyHosts().ifPresent(r -> out.println(r.summary()));
        outcome.wiring().ifPresent(w -> {
            LinksPrinter.links(w, out);
            LinksPrinter.credentials(w.credentials(), preview.plan().secrets(), preview.stackDir(), out);
        });
        outcome.vpn().ifPresent(proof -> VpnPrinter.print(preview.plan(), proof, out));
        outcome.backup().ifPresent(b -> BackupPrinter.setup(b, out));
        if (outcome.result() instanceof DeploymentResult.Succeeded) {
            TwoFactorCodeCommand.afterDeploy(preview.plan(), preview.stackDir()).ifPresent(out::println);
        }
        out.flush();
        return switch (outcome.result()) {
            case DeploymentResult.Succeeded s -> outcome.vpn().map(proof -> VpnPrinter.exitCode(proof, 0)).orElse(0);
            case DeploymentResult.RolledBack r -> BerthCommand.DEPLOY_FAILED;
            case DeploymentResult.Cancelled c -> BerthCommand.CANCELLED;
        };
    }

    /**
     * Nothing to ask about and nothing to undo: the one step reads the stack's health, shown as
     * {@code berth status} shows it (exit 0 when every service is up, else 5, as there).
     */
    private int nothingToChange(StackDeployer deployer, DeployPreview preview, StackLock lock, DeployProgressPrinter printer,
                                PrintWriter out, PrintWriter err) {
        DeployOutcome outcome = deployer.deploy(preview, lock, printer, () -> false, () -> false);
        printer.finish();
        if (!(outcome.result() instanceof DeploymentResult.Succeeded)) {
            ReportPrinter.print(outcome, out, err);
            out.flush();
            return BerthCommand.DEPLOY_FAILED;
        }
        out.println("Nothing to change: no file was backed up or written and no container was touched.");
        outcome.report().ifPresent(r -> {
            ReportPrinter.table(r, out);
            out.println(r.ok() ? "Every service is up."
                    : "Not every service is up: berth status shows more, and berth logs SERVICE shows what one printed.");
        });
        out.flush();
        return outcome.report().map(r -> r.ok() ? 0 : BerthCommand.DEPLOY_FAILED).orElse(0);
    }
}
