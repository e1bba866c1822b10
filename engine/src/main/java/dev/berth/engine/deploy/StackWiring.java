package dev.berth.engine.deploy;

import dev.berth.engine.stack.Owner;
import dev.berth.engine.target.LoopbackTunnel;
import dev.berth.engine.target.RemoteFiles;
import dev.berth.engine.target.Target;
import dev.berth.engine.target.TargetException;
import dev.berth.engine.wire.AppSetup;
import dev.berth.engine.wire.AppSync;
import dev.berth.engine.wire.AppWiring;
import dev.berth.engine.wire.AppSyncResult;
import dev.berth.engine.wire.ArrClient;
import dev.berth.engine.wire.ClientSignIns;
import dev.berth.engine.wire.Credential;
import dev.berth.engine.wire.ClientSignInChecker;
import dev.berth.engine.wire.Link;
import dev.berth.engine.wire.ServiceAddresses;
import dev.berth.engine.wire.SetupContext;
import dev.berth.engine.wire.SetupResult;
import dev.berth.engine.wire.Wanted;
import dev.berth.engine.wire.WiringMemory;
import dev.berth.engine.wire.WiringMemoryFile;
import dev.berth.engine.wire.WiringPlan;
import dev.berth.engine.wire.WiringProgress;
import dev.berth.engine.wire.WiringResult;
import dev.berth.plan.PlannedService;
import dev.berth.plan.StackPlan;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Runs a {@link WiringPlan} against a running stack: each app in turn, through a tunnel to where
 * the target reaches it, then Berth's own sign-in check of each download client. One app that
 * fails (refuses, does not answer) gives its links "needs attention" with what it said, and the
 * others go on: this never throws for an app's failure. The deploy's wiring job, {@code berth
 * wire} and {@code berth status} (tests only, {@link Mode#TEST_ONLY}) all use it. It sits beside
 * the deploy, above the wiring's vocabulary ({@code engine.wire}), and redacts as the deploy log does.
 */
public final class StackWiring {

    /** Whether to change the apps or only ask them to test what is set. */
    public enum Mode {
        /** Set what is wanted (no write when nothing differs), then test every link. */
        APPLY,
        /** Only the apps' test endpoints and the sign-in checks: no write request at all. */
        TEST_ONLY
    }

    /**
     * What a run did, and the memory to keep for the next one (unchanged in {@link Mode#TEST_ONLY}).
     *
     * @param madeSecrets secrets an app made in this run (a media server's API key), for {@code secrets/}
     */
    public record Outcome(WiringResult result, WiringMemory memory, Map<String, String> madeSecrets) {
        public Outcome {
            madeSecrets = Map.copyOf(madeSecrets);
        }
    }

    private final ServiceAddresses addresses;
    private final Optional<ClientSignInChecker> signIns;
    private final String where;
    private final Optional<RemoteFiles> files;

    /**
     * @param addresses where the apps are reached from this computer
     * @param signIns   the download clients' sign-in check; empty leaves those checks out
     * @param where     the machine, for messages ("this computer", "media@nas.local:22")
     */
    public StackWiring(ServiceAddresses addresses, Optional<ClientSignInChecker> signIns, String where) {
        this(addresses, signIns, where, Optional.empty());
    }

    /** @param files the target's files, for an app setup that reads the app's own config ({@link SetupContext#files()}) */
    public StackWiring(ServiceAddresses addresses, Optional<ClientSignInChecker> signIns, String where, Optional<RemoteFiles> files) {
        this.addresses = addresses;
        this.signIns = signIns;
        this.where = where;
        this.files = files;
    }

    /** The stack of {@code project} on {@code target}, with Berth's own sign-in checks. */
    public static StackWiring onTarget(Target target, String project) {
        return new StackWiring(ServiceAddresses.onTarget(target, project), Optional.of(new ClientSignIns()::check),
                target.description(), Optional.of(target.files()));
    }

    /**
     * The whole run on a deployed stack: reads what Berth last set ({@link WiringMemoryFile}), runs,
     * and with {@link Mode#APPLY} keeps the new memory. A memory that cannot be read counts as empty
     * (Berth's earlier entries are then left alone as the person's); one that cannot be written is a
     * link needing attention, never an exception.
     *
     * @param owner who the {@code .berth} folder belongs to when Berth makes it (PUID:PGID as root)
     */
    public WiringResult runOnStack(Target target, StackPlan plan, WiringPlan wiring, Mode mode, Optional<Owner> owner,
                                   Consumer<WiringProgress> progress, BooleanSupplier cancelled) {
        String dir = plan.answers().storage().stackDir();
        WiringMemory memory;
        try {
            memory = WiringMemoryFile.read(target, dir);
        } catch (TargetException | RuntimeException e) {
            memory = WiringMemory.EMPTY;
        }
        Outcome outcome = run(plan, wiring, memory, mode, progress, cancelled);
        if (mode == Mode.TEST_ONLY) {
            return outcome.result();
        }
        WiringResult result = outcome.result();
        try {
            MadeSecrets.write(target, dir, outcome.madeSecrets(), owner);
        } catch (TargetException | RuntimeException e) {
            List<Link> links = new ArrayList<>(result.links());
            links.add(new Link("Berth", "secrets", Link.Status.NEEDS_ATTENTION, "Could not keep "
                    + String.join(", ", outcome.madeSecrets().keySet()) + " in secrets/ (" + e.getMessage()
                    + "): free space or fix the folder's rights, then run berth wire."));
            result = new WiringResult(links, result.writes(), result.credentials());
        }
        try {
            WiringMemoryFile.write(target, dir, outcome.memory(), owner);
            return result;
        } catch (TargetException | RuntimeException e) {
            List<Link> links = new ArrayList<>(result.links());
            links.add(new Link("Berth", "its memory", Link.Status.NEEDS_ATTENTION, "Could not keep what it set in "
                    + WiringMemoryFile.PATH + " (" + e.getMessage() + "): the next run leaves those entries alone as if"
                    + " you had made them. Free space or fix the folder's rights, then run berth wire."));
            return new WiringResult(links, result.writes(), result.credentials());
        }
    }

    public Outcome run(StackPlan plan, WiringPlan wiring, WiringMemory memory, Mode mode, Consumer<WiringProgress> progress,
                       BooleanSupplier cancelled) {
        Run run = new Run(plan, memory, mode, progress, cancelled);
        // Media servers first (nothing they get depends on the others), then the *arr apps and
        // Prowlarr, then Seerr and Bazarr, which read what the *arr apps hold.
        for (AppSetup setup : wiring.setups()) {
            if (setup.phase() == AppSetup.Phase.BEFORE_ARR_APPS) {
                run.setUp(setup);
            }
        }
        for (AppWiring app : wiring.apps()) {
            run.wire(app);
        }
        for (AppSetup setup : wiring.setups()) {
            if (setup.phase() == AppSetup.Phase.AFTER_ARR_APPS) {
                run.setUp(setup);
            }
        }
        if (signIns.isPresent()) {
            for (WiringPlan.ClientSignIn client : wiring.clientSignIns()) {
                if (cancelled.getAsBoolean()) {
                    break;
                }
                progress.accept(WiringProgress.started(client.displayName()));
                Link link = redacted(List.of(signIn(plan, client, signIns.get(), cancelled)), run.redactor).getFirst();
                run.links.add(link);
                progress.accept(WiringProgress.done(client.displayName(), List.of(link)));
            }
        }
        List<Credential> credentials = new ArrayList<>(wiring.credentials());
        credentials.addAll(run.credentials);
        return new Outcome(new WiringResult(run.links, run.writes, credentials), run.kept, run.madeSecrets);
    }

    /** One run's running totals: links, writes, memory, and what the apps made on the way. */
    private final class Run {
        private final StackPlan plan;
        private final Mode mode;
        private final Consumer<WiringProgress> progress;
        private final BooleanSupplier cancelled;
        private final List<Link> links = new ArrayList<>();
        private final List<Credential> credentials = new ArrayList<>();
        private final Map<String, String> madeSecrets = new TreeMap<>();
        private WiringMemory kept;
        private int writes;
        // An app's own words may quote what it was sent (a key in a URL): no secret leaves here, in a link or progress.
        private Redactor redactor;

        Run(StackPlan plan, WiringMemory memory, Mode mode, Consumer<WiringProgress> progress, BooleanSupplier cancelled) {
            this.plan = plan;
            this.kept = memory;
            this.mode = mode;
            this.progress = progress;
            this.cancelled = cancelled;
            this.redactor = new Redactor(plan.secrets().values());
        }

        void wire(AppWiring app) {
            if (cancelled.getAsBoolean()) {
                return;
            }
            progress.accept(WiringProgress.started(app.displayName()));
            List<Link> appLinks;
            PlannedService service = plan.service(app.service()).orElseThrow();
            String at = app.displayName() + " on " + where;
            try (LoopbackTunnel tunnel = addresses.open(service);
                 ArrClient client = new ArrClient(base(tunnel), app.apiPath(), app.apiKey(), at)) {
                if (mode == Mode.APPLY) {
                    AppSyncResult result = AppSync.apply(app, client, kept.of(app.service()), cancelled);
                    appLinks = result.links();
                    writes += result.writes();
                    kept = kept.with(app.service(), result.memory());
                } else {
                    appLinks = AppSync.testOnly(app, client, cancelled);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                appLinks = failed(app, "Stopped before " + app.displayName() + " was done: run berth wire to finish.");
            } catch (Exception e) {
                appLinks = failed(app, "Berth could not " + (mode == Mode.APPLY ? "set up " : "ask ") + at + ": "
                        + message(e) + ". Check that it is running (berth status), then run berth wire.");
            }
            finish(app.displayName(), appLinks);
        }

        void setUp(AppSetup setup) {
            if (cancelled.getAsBoolean()) {
                return;
            }
            progress.accept(WiringProgress.started(setup.displayName()));
            PlannedService service = plan.service(setup.service()).orElseThrow();
            Map<String, String> secrets = new TreeMap<>(plan.secrets());
            secrets.putAll(madeSecrets);
            String at = setup.displayName() + " on " + where;
            List<Link> appLinks;
            try (LoopbackTunnel tunnel = addresses.open(service)) {
                SetupContext context = new SetupContext(base(tunnel), plan, service, secrets, kept.of(setup.service()), files,
                        cancelled);
                if (mode == Mode.APPLY) {
                    SetupResult result = setup.apply(context);
                    appLinks = result.links();
                    writes += result.writes();
                    kept = kept.with(setup.service(), result.memory());
                    madeSecrets.putAll(result.madeSecrets());
                    credentials.addAll(result.credentials());
                    if (!result.madeSecrets().isEmpty()) {
                        List<String> all = new ArrayList<>(plan.secrets().values());
                        all.addAll(madeSecrets.values());
                        redactor = new Redactor(all);
                    }
                } else {
                    appLinks = setup.testOnly(context);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                appLinks = List.of(new Link(setup.displayName(), "setup", Link.Status.NEEDS_ATTENTION,
                        "Stopped before " + setup.displayName() + " was done: run berth wire to finish."));
            } catch (Exception e) {
                appLinks = List.of(new Link(setup.displayName(), "setup", Link.Status.NEEDS_ATTENTION, "Berth could not "
                        + (mode == Mode.APPLY ? "set up " : "ask ") + at + ": " + message(e)
                        + ". Check that it is running (berth status), then run berth wire."));
            }
            finish(setup.displayName(), appLinks);
        }

        private void finish(String app, List<Link> appLinks) {
            List<Link> shown = redacted(appLinks, redactor);
            links.addAll(shown);
            progress.accept(WiringProgress.done(app, shown));
        }
    }

    private Link signIn(StackPlan plan, WiringPlan.ClientSignIn client, ClientSignInChecker checker, BooleanSupplier cancelled) {
        PlannedService service = plan.service(client.service()).orElseThrow();
        try (LoopbackTunnel tunnel = addresses.open(service)) {
            return checker.check(client.client(), client.displayName(), base(tunnel), client.username(),
                    secret(plan, client.passwordSecret()), secret(plan, client.apiKeySecret()), cancelled);
        } catch (Exception e) {
            return new Link(client.displayName(), "sign-in", Link.Status.NEEDS_ATTENTION, "Berth could not reach "
                    + client.displayName() + " on " + where + ": " + message(e) + ". Check that it is running (berth status).");
        }
    }

    /** Every link the app would have had, each needing attention for the same reason. */
    private static List<Link> failed(AppWiring app, String detail) {
        List<Link> out = new ArrayList<>();
        for (Wanted w : app.wanted()) {
            if (w instanceof Wanted.Provider p) {
                out.add(new Link(app.displayName(), p.linkTo(), Link.Status.NEEDS_ATTENTION, detail));
            }
        }
        if (out.isEmpty()) {
            out.add(new Link(app.displayName(), "library", Link.Status.NEEDS_ATTENTION, detail));
        }
        return out;
    }

    private static List<Link> redacted(List<Link> links, Redactor redactor) {
        return links.stream().map(l -> new Link(l.from(), l.to(), l.status(), redactor.redact(l.detail()))).toList();
    }

    private static URI base(LoopbackTunnel tunnel) {
        InetSocketAddress a = tunnel.localAddress();
        return URI.create("http://" + a.getHostString() + ":" + a.getPort());
    }

    private static String secret(StackPlan plan, String name) {
        return name == null ? null : plan.secrets().get(name);
    }

    private static String message(Exception e) {
        return e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage().strip();
    }
}
