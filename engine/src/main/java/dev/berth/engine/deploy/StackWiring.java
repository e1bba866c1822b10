package dev.berth.engine.deploy;

import dev.berth.engine.stack.Owner;
import dev.berth.engine.target.LoopbackTunnel;
import dev.berth.engine.target.Target;
import dev.berth.engine.target.TargetException;
import dev.berth.engine.wire.AppSync;
import dev.berth.engine.wire.AppWiring;
import dev.berth.engine.wire.AppSyncResult;
import dev.berth.engine.wire.ArrClient;
import dev.berth.engine.wire.ClientSignIns;
import dev.berth.engine.wire.ClientSignInChecker;
import dev.berth.engine.wire.Link;
import dev.berth.engine.wire.ServiceAddresses;
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
import java.util.Optional;
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

    /** What a run did, and the memory to keep for the next one (unchanged in {@link Mode#TEST_ONLY}). */
    public record Outcome(WiringResult result, WiringMemory memory) {
    }

    private final ServiceAddresses addresses;
    private final Optional<ClientSignInChecker> signIns;
    private final String where;

    /**
     * @param addresses where the apps are reached from this computer
     * @param signIns   the download clients' sign-in check; empty leaves those checks out
     * @param where     the machine, for messages ("this computer", "media@nas.local:22")
     */
    public StackWiring(ServiceAddresses addresses, Optional<ClientSignInChecker> signIns, String where) {
        this.addresses = addresses;
        this.signIns = signIns;
        this.where = where;
    }

    /** The stack of {@code project} on {@code target}, with Berth's own sign-in checks. */
    public static StackWiring onTarget(Target target, String project) {
        return new StackWiring(ServiceAddresses.onTarget(target, project), Optional.of(new ClientSignIns()::check),
                target.description());
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
        // An app's own words may quote what it was sent (a key in a URL): no secret leaves here, in a link or progress.
        Redactor redactor = new Redactor(plan.secrets().values());
        List<Link> links = new ArrayList<>();
        int writes = 0;
        WiringMemory kept = memory;
        for (AppWiring app : wiring.apps()) {
            if (cancelled.getAsBoolean()) {
                break;
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
            appLinks = redacted(appLinks, redactor);
            links.addAll(appLinks);
            progress.accept(WiringProgress.done(app.displayName(), appLinks));
        }
        if (signIns.isPresent()) {
            for (WiringPlan.ClientSignIn client : wiring.clientSignIns()) {
                if (cancelled.getAsBoolean()) {
                    break;
                }
                progress.accept(WiringProgress.started(client.displayName()));
                Link link = redacted(List.of(signIn(plan, client, signIns.get(), cancelled)), redactor).getFirst();
                links.add(link);
                progress.accept(WiringProgress.done(client.displayName(), List.of(link)));
            }
        }
        return new Outcome(new WiringResult(links, writes, wiring.credentials()), kept);
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
