package dev.berth.engine.deploy;

import dev.berth.engine.ComposeTool;
import dev.berth.answers.Answers;
import dev.berth.answers.BackupAnswers;
import dev.berth.engine.deploy.BackupScheduler;
import dev.berth.engine.deploy.BackupSetup;
import dev.berth.answers.InvalidAnswersException;
import dev.berth.answers.Problem;
import dev.berth.catalog.Catalog;
import dev.berth.engine.npm.ProxyHostsResult;
import dev.berth.engine.stack.LockHolder;
import dev.berth.engine.stack.Owner;
import dev.berth.engine.stack.StackBusyException;
import dev.berth.engine.stack.ServiceChanges;
import dev.berth.engine.stack.ServiceChanges.ComposeServices;
import dev.berth.engine.stack.StackDiff;
import dev.berth.engine.stack.StackLock;
import dev.berth.engine.stack.StackState;
import dev.berth.engine.target.ExecResult;
import dev.berth.engine.target.Target;
import dev.berth.engine.target.TargetException;
import dev.berth.engine.vpn.VpnProof;
import dev.berth.engine.wire.WiringPlan;
import dev.berth.engine.wire.WiringResult;
import dev.berth.plan.ImagePins;
import dev.berth.plan.Planner;
import dev.berth.plan.PreviousPorts;
import dev.berth.plan.StackPlan;
import dev.berth.render.PlannedStack;
import dev.berth.render.HostShare;
import dev.berth.render.RenderedStack;
import dev.berth.render.Renderer;
import dev.berth.render.StackRendering;
import dev.berth.render.clients.ClientSettings;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The whole deploy, for the wizard and the CLI alike: read the stack folder as it is, work out
 * what would change ({@link #preview}), then do it with rollback ({@link #deploy}). The previous
 * stack's secrets are reused, so every password and key stays as it was.
 *
 * <p>With nothing to change (see {@link DeployPreview#nothingToChange()}) the one job reads each
 * service's health ({@link ReadHealthJob}): nothing is backed up, written or started.
 *
 * <p>The jobs, in order: check the target once more; back up the files about to be replaced;
 * remember the previous stack (its undo brings it back up after the files were restored, so it
 * stands before the write); when a root folder moved and the person chose to move it, move the
 * folders; create the data folders; write the files; set Berth's keys in the download clients'
 * settings files (stopping a client that runs first); pull; {@code compose up};
 * wait for health; then, when apps are routed through the VPN, the proof that they reach the
 * internet only through the tunnel (it never fails the deploy; after a leak the wiring does not
 * run); then, when a domain was chosen, the proxy hosts; then the wiring of the apps (which
 * never fails the deploy).
 */
public final class StackDeployer {
    private final Target target;
    private final Catalog catalog;
    private final Clock clock;
    private final VpnProofJob.Prover vpnProver;

    /**
     * @param vpnProver proves the VPN after the health wait: {@link VpnProofJob.Prover#onTarget} in a
     *                  deploy, made-up proofs in tests of what shows them
     */
    public StackDeployer(Target target, Catalog catalog, Clock clock, VpnProofJob.Prover vpnProver) {
        this.target = target;
        this.catalog = catalog;
        this.clock = clock;
        this.vpnProver = vpnProver;
    }

    public StackDeployer(Target target, Catalog catalog, Clock clock) {
        this(target, catalog, clock, VpnProofJob.Prover.onTarget());
    }

    public StackDeployer(Target target, Catalog catalog) {
        this(target, catalog, Clock.systemDefaultZone());
    }

    /** The stack folder as it is: missing, empty, Berth's (with its answers and secrets), or someone else's. */
    public StackState open(String stackDir) throws TargetException {
        return StackState.load(target, stackDir, List.of());
    }

    /**
     * Plans and renders the answers with the folder's secrets, and lists the jobs; changes nothing.
     *
     * @throws dev.berth.answers.InvalidAnswersException when the answers cannot be planned
     * @throws StackState.ForeignStackException           when the folder is someone else's and adopt is off
     */
    public DeployPreview preview(Answers answers, DeployOptions options)
            throws TargetException, StackState.ForeignStackException {
        // Before anything reads the answers: a missing stack folder would otherwise be a crash, not a message.
        return preview(check(answers), options);
    }

    /**
     * Validates the answers for {@link #preview(StackRendering.Checked, DeployOptions)}: a caller
     * that must know the stack folder first (to take its {@link #lock}) validates only once.
     *
     * @throws dev.berth.answers.InvalidAnswersException with every problem
     */
    public StackRendering.Checked check(Answers answers) {
        return new StackRendering(catalog).check(answers);
    }

    /** As {@link #preview(Answers, DeployOptions)}, for answers {@link #check} accepted; the folder's pinned images stay. */
    public DeployPreview preview(StackRendering.Checked checked, DeployOptions options)
            throws TargetException, StackState.ForeignStackException {
        return preview(checked, options, Optional.empty());
    }

    /**
     * As {@link #preview(StackRendering.Checked, DeployOptions)}, with the images pinned as {@code pins}
     * instead of as the folder's pins file has them: how {@code berth update} applies an update as a
     * deploy (the pins file written with the other files, so a rollback puts the previous one back).
     */
    public DeployPreview preview(StackRendering.Checked checked, DeployOptions options, Optional<ImagePins> pins)
            throws TargetException, StackState.ForeignStackException {
        refuseHosts(checked.answers());
        String dir = checked.answers().storage().stackDir();
        Answers written = checked.answers();
        // A round trip over SSH, so asked while the folder is read, like Compose's version below.
        ReadAhead<BackupAnswers.Scheduler> schedulerAsked = ReadAhead.start("berth-backup-scheduler",
                () -> BackupScheduler.needsAsking(written) ? BackupScheduler.ask(target) : written.backup().scheduler());
        // Asked before rendering: compose.yaml holds what this target's Compose and engine accept
        // (restart: true from Compose 2.17, start_interval from Docker 25).
        // Asked while the folder is read, as the two are independent: `compose version` is a process
        // of its own (a round trip over SSH), much of a no-change re-deploy's time when waited for in turn.
        ReadAhead<ComposeTool> composeAsked = ReadAhead.start("berth-compose-version", () -> ComposeTool.detect(target));
        StackState loaded;
        try {
            loaded = StackState.loadForRendering(target, dir, options.adopt());
        } catch (TargetException | StackState.ForeignStackException | RuntimeException e) {
            composeAsked.settle();
            schedulerAsked.settle();
            throw e;
        }
        BackupAnswers.Scheduler scheduler;
        try {
            scheduler = schedulerAsked.get();
        } catch (TargetException | RuntimeException e) {
            composeAsked.settle();
            throw e;
        }
        if (scheduler != written.backup().scheduler()) {
            checked = checked.withBackupScheduler(scheduler);
        }
        PreviousPorts previousPorts = loaded.previousPorts();
        ImagePins previousPins = loaded.pins();
        ComposeTool compose = composeAsked.get();
        PlannedStack planned = checked.render(loaded.secrets(), previousPorts, compose.dialectOn(target), pins.orElse(previousPins));
        Planner planner = checked.planner();
        // The previous answers' `auto` is what this target resolves it to now: the same as then, unless
        // the target changed (systemd installed, another user), when its files show as replaced.
        Optional<Answers> previousAnswers = loaded.answers();
        if (previousAnswers.isPresent() && BackupScheduler.needsAsking(previousAnswers.get())) {
            BackupAnswers.Scheduler then = BackupScheduler.needsAsking(written) ? scheduler : BackupScheduler.ask(target);
            previousAnswers = previousAnswers.map(previous -> previous.withBackup(previous.backup().withScheduler(then)));
        }
        Optional<StackPlan> previousPlan = previousAnswers.flatMap(previous -> previousPlan(planner, previous, loaded.secrets(), previousPorts,
                previousPins));
        Set<String> previousFiles = previousPlan.map(StackDeployer::previousFiles).orElse(Set.of());
        return previewRendered(planned, loaded, compose, previousPlan, previousFiles,
                () -> WiringPlan.of(planned.plan(), loaded.secrets()), options);
    }

    /**
     * Previews one host's part of a stack placed across several hosts ({@link ClusterDeployer}):
     * the plan and files the split gave this host, instead of rendering from answers, against this
     * host's stack folder. The rest is the single-host preview: diff, service changes, the same jobs.
     *
     * @param loaded       this host's folder, read with {@link StackState#loadForRendering}
     * @param compose      this host's Compose
     * @param previousPlan the whole stack's previous plan, when there was one: a file it generated
     *                     that this host holds and the share no longer has is no longer generated here
     * @param wholeWiring  the whole stack's wiring; this host runs the part for its own apps
     */
    public DeployPreview preview(HostShare share, StackState loaded, ComposeTool compose, Optional<StackPlan> previousPlan,
                                 WiringPlan wholeWiring, DeployOptions options)
            throws TargetException, StackState.ForeignStackException {
        Set<String> wholeFiles = previousPlan.map(StackDeployer::previousFiles).orElse(Set.of());
        // Only the previous files this host holds were its share's: another host's (its backup
        // timers, say) are none of this host's business.
        StackState read = loaded.withFiles(target, wholeFiles);
        Set<String> previousFiles = new LinkedHashSet<>(wholeFiles);
        previousFiles.retainAll(read.files().keySet());
        List<String> here = share.plan().services().stream().map(dev.berth.plan.PlannedService::name).toList();
        return previewRendered(new PlannedStack(share.plan(), share.rendered()), read, compose, previousPlan, previousFiles,
                () -> wholeWiring.on(here), options);
    }

    /** The second half of a preview, for a rendered stack (a whole one, or one host's share). */
    private DeployPreview previewRendered(PlannedStack planned, StackState loaded, ComposeTool compose,
                                          Optional<StackPlan> previousPlan, Set<String> previousFiles,
                                          java.util.function.Supplier<WiringPlan> wiringOf, DeployOptions options)
            throws TargetException {
        String dir = loaded.dir();
        StackPlan plan = planned.plan();
        RenderedStack rendered = planned.rendered();
        // Read every file the new answers write and the old ones wrote, so the diff also names files
        // no longer generated, and the backup and undo hold each file about to be replaced.
        Set<String> paths = new LinkedHashSet<>(rendered.files().keySet());
        paths.addAll(previousFiles);
        // Read now, so the preview names the keys Berth sets (and a settings file a person broke stops here).
        // Started before the other reads: checking qBittorrent's stored password is 100 000 rounds of
        // PBKDF2, the preview's largest CPU cost, which so runs while they wait on files and Docker.
        ReadAhead<List<ClientSettingsJob.Planned>> settingsRead = ReadAhead.start("berth-client-settings",
                () -> ClientSettingsJob.plan(target, ClientSettings.of(plan), plan.secrets().values()));
        StackState before;
        StackDiff diff;
        ServiceChanges services;
        List<RootMove> rootMoves;
        List<RootMove> toMove;
        boolean move;
        try {
            before = loaded.withFiles(target, paths);
            diff = StackDiff.between(before, rendered);

            ComposeServices previousCompose = PreviewedServices.previousCompose(before);
            services = PreviewedServices.changes(target, compose, before, previousCompose,
                    planned, previousPlan, diff);
            rootMoves = RootMoves.find(target, before, previousCompose, plan, rendered);
            toMove = rootMoves.stream().filter(m -> !m.folders().isEmpty()).toList();
            move = options.folders() == DeployOptions.FolderChoice.MOVE && !toMove.isEmpty();
            if (move) {
                // Refused here, before anything runs, with the field and what to do.
                List<Problem> problems = RootMoves.problems(target, toMove, dir, paths);
                if (!problems.isEmpty()) {
                    throw new InvalidAnswersException(problems);
                }
            }
        } catch (TargetException | RuntimeException e) {
            settingsRead.settle();
            throw e;
        }
        List<ClientSettingsJob.Planned> settings = settingsRead.get();
        if (DeployPreview.nothingToChange(before, diff, services, settings, rootMoves)) {
            return new DeployPreview(before, plan, rendered, diff, List.of(new ReadHealthJob(plan)), compose, options,
                    services, rootMoves);
        }
        Optional<Owner> owner = owner(plan);
        List<Job> jobs = new ArrayList<>();
        jobs.add(new PreflightJob(plan, options.checks()));
        if (!before.files().isEmpty()) {
            jobs.add(new BackupJob(before));
        }
        jobs.add(new RestorePreviousStackJob(compose, plan.projectName(), dir));
        if (move) {
            jobs.add(new MoveFoldersJob(compose, plan.projectName(), dir, toMove, owner.isPresent()));
        }
        jobs.add(new CreateDataDirectoriesJob(plan, owner));
        jobs.add(new WriteFilesJob(before, rendered, owner));
        // After the write, which puts the units in the stack folder; before anything starts, so a
        // failure (lingering refused) stops the deploy while the undo is only files.
        Set<String> units = BackupTimersJob.units(rendered.files().keySet());
        Set<String> previousUnits = BackupTimersJob.units(previousFiles);
        if (!units.isEmpty() || !previousUnits.isEmpty()) {
            jobs.add(new BackupTimersJob(dir, units, previousUnits));
        }
        if (!settings.isEmpty()) {
            jobs.add(new ClientSettingsJob(compose, plan.projectName(), dir, settings, owner, plan.secrets().values()));
        }
        jobs.add(new PullImagesJob(plan, options.offline()));
        jobs.add(new ComposeUpJob(compose, plan, dir));
        jobs.add(new AwaitHealthJob(plan, options.healthTimeout()));
        if (VpnProofJob.needed(plan)) {
            jobs.add(new VpnProofJob(plan, vpnProver));
        }
        if (options.proxyHosts() && ConfigureProxyHostsJob.needed(plan)) {
            jobs.add(new ConfigureProxyHostsJob(plan));
        }
        WiringPlan wiring = wiringOf.get();
        if (options.wiring() && WireStackJob.needed(wiring)) {
            jobs.add(new WireStackJob(plan, wiring, owner));
        }
        // Last: see BackupRepositoryJob for why.
        plan.backup().ifPresent(backup -> jobs.add(BackupRepositoryJob.of(plan, backup, loaded.secrets())));
        return new DeployPreview(before, plan, rendered, diff, jobs, compose, options, services, rootMoves);
    }

    /**
     * The answers with {@code scheduler: auto} resolved on this target (systemd or the scheduled
     * container, see {@link BackupScheduler}); berth.yaml keeps {@code auto}. Unchanged, and the
     * target not asked, when backups are off or the scheduler is chosen.
     */
    public StackRendering.Checked resolveBackupScheduler(StackRendering.Checked checked) throws TargetException {
        return BackupScheduler.needsAsking(checked.answers()) ? checked.withBackupScheduler(BackupScheduler.ask(target)) : checked;
    }

    /**
     * Takes the stack's deploy lock for this Berth process (see {@link StackLock}). Held from before
     * {@link #preview} until the deploy ended, it keeps a second deploy from reading this one's
     * half-written stack as it stands; the CLI does so.
     *
     * @throws StackBusyException when another deploy holds it, naming who and since when
     */
    public StackLock lock(String stackDir) throws TargetException, StackBusyException {
        return StackLock.acquire(target, stackDir, LockHolder.thisProcess(clock.instant()));
    }

    /**
     * Runs the preview's jobs under the stack's lock, taken now (the wizard's way: its preview was
     * made on the Review page, and a person may sit there for long). Since another deploy may have
     * run in between, the folder is read again first and must still be what the preview read.
     *
     * @throws StackBusyException when another deploy holds the lock, or changed the folder since the preview
     */
    public DeployOutcome deploy(DeployPreview preview, Consumer<DeployProgress> listener, BooleanSupplier cancelRequested)
            throws TargetException, StackBusyException {
        try (StackLock lock = lock(preview.stackDir())) {
            if (!unchanged(preview.before())) {
                throw StackBusyException.changedSincePreview(preview.stackDir(), target.description());
            }
            return deploy(preview, lock, listener, cancelRequested, () -> false);
        }
    }

    /**
     * Runs the preview's jobs; a failure or a cancel undoes what was done, in reverse. Records what
     * happened in {@code .berth/deploy.log} with every secret's value redacted; when no Berth stack
     * stands in the folder afterwards (a first install that failed), in a file on this computer
     * instead ({@link DeployOptions#localLogFolder()}), so nothing is left on the target.
     *
     * @param lock        this stack's lock, taken before the preview was made
     * @param listener    every progress report of this deploy (steps, checks, pulls, health), on this thread
     * @param stopUndoing see {@link Deployment#run(JobContext, BooleanSupplier)}
     */
    public DeployOutcome deploy(DeployPreview preview, StackLock lock, Consumer<DeployProgress> listener,
                                BooleanSupplier cancelRequested, BooleanSupplier stopUndoing) {
        if (!lock.covers(preview.stackDir())) {
            throw new IllegalArgumentException("the lock is for " + lock.stackDir() + ", not " + preview.stackDir());
        }
        if (preview.folderChoiceNeeded()) {
            // The CLI and the wizard ask first; this keeps any other caller from resetting the apps silently.
            throw new IllegalStateException(preview.folderChoiceMessage());
        }
        DeployLog log = startLog(preview);
        Consumer<DeployProgress> logged = p -> {
            if (p instanceof DeployProgress.Step step) {
                log.event(step.event());
            }
            listener.accept(p);
        };
        JobOutcomes outcomes = new JobOutcomes();
        DeploymentResult result = new Deployment(preview.jobs())
                .run(new JobContext(target, clock, cancelRequested, logged, outcomes), stopUndoing);
        return finish(preview, log, result, outcomes);
    }

    /** The deploy's log on this target, its start written. */
    DeployLog startLog(DeployPreview preview) {
        DeployLog log = new DeployLog(clock, preview.plan().secrets().values());
        log.started(preview, target.description());
        return log;
    }

    /** The outcome of a deploy's run on this target from what its jobs recorded, with the log written where it belongs. */
    DeployOutcome finish(DeployPreview preview, DeployLog log, DeploymentResult result, JobOutcomes outcomes) {
        // The health wait's report when it ran; else, when compose up itself failed (a dependency that
        // never turned healthy), the report it took before the rollback.
        Optional<DeployReport> report = outcomes.get(AwaitHealthJob.REPORT).or(() -> outcomes.get(ComposeUpJob.FAILURE_REPORT))
                .or(() -> outcomes.get(ReadHealthJob.REPORT));
        Optional<String> backup = outcomes.get(BackupJob.FOLDER);
        Optional<ProxyHostsResult> proxyHosts = outcomes.get(ConfigureProxyHostsJob.RESULT);
        Optional<WiringResult> wiring = outcomes.get(WireStackJob.RESULT);
        Optional<VpnProof> vpn = outcomes.get(VpnProofJob.PROOF);
        Optional<BackupSetup> backupSetup = outcomes.get(BackupRepositoryJob.SETUP);
        DeployOutcome outcome = new DeployOutcome(result, report, backup, Optional.empty(), proxyHosts, wiring, vpn, backupSetup);
        log.finished(outcome);
        Optional<DeployLogFile> written;
        if (preview.nothingToChange()) {
            // Nothing was done, so nothing is written: not even a line in the folder's log.
            written = Optional.empty();
        } else if (outcome.succeeded() || preview.before().isBerthStack()) {
            written = log.appendTo(target, preview.stackDir(), ownerOrNone(preview.plan()));
        } else {
            // A first install (or adoption) that did not succeed: no Berth stack stands in the folder,
            // and writing .berth/deploy.log there would create it (as this user, e.g. root) and make
            // the next run's folder check fail on Berth's own leftovers.
            written = log.writeLocal(preview.options().localLogFolder(), preview.plan().projectName());
        }
        return new DeployOutcome(result, report, backup, written, proxyHosts, wiring, vpn, backupSetup);
    }

    /** Whether the folder is still as {@code before} found it: the same kind, and every file read then the same. */
    boolean unchanged(StackState before) throws TargetException {
        try {
            StackState now = StackState.load(target, before.dir(), before.files().keySet());
            return now.kind() == before.kind() && now.files().equals(before.files());
        } catch (RuntimeException unreadable) {
            return false; // e.g. a berth.yaml that no longer parses: changed, certainly
        }
    }

    /** The plan of the previous answers (the files they generated, their services' names); none when they no longer plan (an old catalog). */
    static Optional<StackPlan> previousPlan(Planner planner, Answers previous, Map<String, String> secrets, PreviousPorts ports,
                                                    ImagePins pins) {
        try {
            return Optional.of(planner.plan(previous, secrets, ports, pins));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The paths the previous plan generated; when it no longer renders, none. */
    private static Set<String> previousFiles(StackPlan previous) {
        try {
            return new Renderer().render(previous).files().keySet();
        } catch (RuntimeException e) {
            return Set.of();
        }
    }

    /** As {@link #owner}, for the log written after the deploy: a target that no longer answers gives none. */
    Optional<Owner> ownerOrNone(StackPlan plan) {
        try {
            return owner(plan);
        } catch (TargetException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * A stack placed across hosts deployed here on one target would run every service on it, with
     * the other hosts' shares nowhere: refused before anything is read or written.
     */
    private void refuseHosts(Answers answers) {
        if (answers.isMultiHost()) {
            String hosts = String.join(", ", answers.hosts().stream().map(dev.berth.answers.HostAnswers::name).toList());
            throw new InvalidAnswersException(List.of(new Problem("hosts",
                    "these answers place the stack across hosts (" + hosts + "), but this deploy runs on one target ("
                            + target.description() + "). Deploy them with berth deploy --answers FILE, which places each service on"
                            + " its host, or remove 'hosts:' and 'placement:' to run the whole stack on one machine",
                    DeployRule.HOSTS_NEED_CLUSTER_DEPLOY)));
        }
    }

    /** PUID:PGID as the files' owner, when the target user is root and so may give files away. */
    private Optional<Owner> owner(StackPlan plan) throws TargetException {
        ExecResult id = target.exec(List.of("id", "-u"), Duration.ofSeconds(10));
        if (id.ok() && id.stdout().strip().equals("0")) {
            return Optional.of(new Owner(plan.answers().storage().puid(), plan.answers().storage().pgid()));
        }
        return Optional.empty();
    }
}
