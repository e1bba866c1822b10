package dev.berth.app.cli;

import dev.berth.engine.check.Status;
import dev.berth.engine.deploy.DeployProgress;
import dev.berth.engine.deploy.DeploymentEvent;
import dev.berth.engine.deploy.PullProgress;
import dev.berth.engine.health.ServiceHealth;
import dev.berth.engine.health.ServiceState;
import java.io.PrintWriter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Deploy progress on the terminal: a line per step, a bar per image being pulled (updated every
 * tenth), a line each time a service changes state, and the rollback as it happens. Lines only,
 * no cursor tricks, so the output reads the same in a log file.
 */
final class DeployProgressPrinter implements Consumer<DeployProgress> {
    private static final int BAR = 20;

    private final PrintWriter err;
    /** Per image, per layer: bytes done and total. */
    private final Map<String, Map<String, long[]>> layers = new LinkedHashMap<>();
    private final Map<String, Integer> shownTenths = new HashMap<>();
    private final Map<String, ServiceState> shownStates = new HashMap<>();

    DeployProgressPrinter(PrintWriter err) {
        this.err = err;
    }

    @Override
    public synchronized void accept(DeployProgress p) {
        switch (p) {
            case DeployProgress.Step s -> step(s.event());
            case DeployProgress.Checked c -> {
                if (c.result().status() == Status.FAIL || c.result().status() == Status.WARN) {
                    err.println("  " + c.result().status() + " " + c.result().title() + ": " + c.result().summary());
                }
            }
            case DeployProgress.Pull pull -> pull(pull.progress());
            case DeployProgress.Health h -> health(h.health());
            case DeployProgress.Wiring w -> wiring(w.progress());
        }
        err.flush();
    }

    synchronized void finish() {
        err.flush();
    }

    private void step(DeploymentEvent e) {
        switch (e) {
            case DeploymentEvent.Started s -> err.println("[" + (s.index() + 1) + "/" + s.total() + "] " + s.job().description());
            case DeploymentEvent.Finished f -> { }
            case DeploymentEvent.Failed f -> err.println("  failed: " + f.message());
            case DeploymentEvent.Undone u -> err.println("  undone: " + u.job().description());
            case DeploymentEvent.UndoFailed u -> err.println("  could not undo \"" + u.job().description() + "\": " + u.message());
        }
    }

    private void pull(PullProgress p) {
        if (PullProgress.PRESENT.equals(p.status())) {
            err.println("  " + p.image() + ": already on the target");
            return;
        }
        if (p.layerId() == null || p.total() <= 0) {
            return;
        }
        layers.computeIfAbsent(p.image(), i -> new LinkedHashMap<>()).put(p.layerId(), new long[] {p.current(), p.total()});
        long done = 0;
        long total = 0;
        for (long[] l : layers.get(p.image()).values()) {
            done += Math.min(l[0], l[1]);
            total += l[1];
        }
        int tenths = (int) (done * 10 / Math.max(1, total));
        if (shownTenths.getOrDefault(p.image(), -1) != tenths) {
            shownTenths.put(p.image(), tenths);
            int filled = (int) (done * BAR / Math.max(1, total));
            err.printf("  %s [%s%s] %s / %s%n", p.image(), "#".repeat(filled), "-".repeat(BAR - filled), mb(done), mb(total));
        }
    }

    private void health(ServiceHealth h) {
        if (shownStates.put(h.service(), h.state()) != h.state()) {
            err.println("  " + h.service() + ": " + h.label() + (h.detail().isBlank() ? "" : " (" + h.detail() + ")"));
        }
    }

    /** One line per app when it is done: how many of its links hold. The table at the end has each link. */
    private void wiring(dev.berth.engine.wire.WiringProgress w) {
        if (!w.done()) {
            return;
        }
        long ok = w.links().stream().filter(l -> l.status() != dev.berth.engine.wire.Link.Status.NEEDS_ATTENTION).count();
        err.println("  " + w.app() + ": " + (ok == w.links().size() ? "wired" : (w.links().size() - ok) + " of "
                + w.links().size() + (w.links().size() == 1 ? " link needs" : " links need") + " attention"));
    }

    private static String mb(long bytes) {
        return String.format("%.1f MB", bytes / 1_000_000.0);
    }
}
