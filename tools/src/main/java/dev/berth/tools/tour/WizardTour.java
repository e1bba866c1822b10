package dev.berth.tools.tour;

import dev.berth.app.gui.WizardWindow;
import dev.berth.wizardsteps.core.StepViewModel;
import dev.berth.wizardsteps.core.WizardFlow;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.PauseTransition;
import javafx.animation.Timeline;
import javafx.util.Duration;

/**
 * Walks the wizard from its first page to its last on its own, pressing Next whenever a page's
 * answers are good and it has settled; for the screenshots in the user guide and for the wizard
 * benchmark. Started on an open wizard window ({@link TourMain} opens one as the app does, from an
 * answers file that is deployable where it runs). It saves one PNG per page in its folder (unless
 * told not to) and its figures in {@code tour.properties} there: while a
 * page was busy (the deploy), the longest time the FX thread was busy (its CPU time) and the
 * longest a task waited for it (wall time); and the resident memory with the wizard open at the end.
 */
public final class WizardTour {
    /** A page that does not settle in this time stops the tour. */
    private static final long PAGE_TIMEOUT_NANOS = 15L * 60 * 1_000_000_000;
    /** Quiet ticks before a page counts as settled (spinners gone, layout done). */
    private static final int SETTLE_TICKS = 3;
    private static final long IDLE_BEFORE_MEMORY_MS = Long.getLong("berth.tour.idleMs", 5000);

    /**
     * @param dir      where the screenshots and the figures go
     * @param leftOut  pages (named as their pictures are, e.g. {@code system-check}) walked but not
     *                 pictured: another picture of the same name comes from elsewhere and must stay
     */
    public record Settings(Path dir, boolean screenshots, double width, double height, Set<String> leftOut) {
        public Settings {
            leftOut = Set.copyOf(leftOut);
        }

        public Settings(Path dir, boolean screenshots, double width, double height) {
            this(dir, screenshots, width, height, Set.of());
        }
    }

    private final WizardWindow window;
    private final Settings settings;
    private final Runnable whenDone;
    private final WizardFlow flow;
    private final Timeline ticker;
    private final List<String> pages = new ArrayList<>();
    private final Properties figures = new Properties();
    private StepViewModel page;
    private long enteredAt;
    private int quietTicks;
    private FxStallProbe probe;
    private long busySince;

    private WizardTour(WizardWindow window, Settings settings, Runnable whenDone) {
        this.window = window;
        this.settings = settings;
        this.whenDone = whenDone;
        this.flow = window.shell().flow();
        this.ticker = new Timeline(new KeyFrame(Duration.millis(250), e -> tick()));
        ticker.setCycleCount(Animation.INDEFINITE);
    }

    /** Starts the tour on the FX thread; {@code whenDone} runs there once the figures are written. */
    public static void start(WizardWindow window, Settings settings, Runnable whenDone) {
        window.stage().setWidth(settings.width());
        window.stage().setHeight(settings.height());
        new WizardTour(window, settings, whenDone).ticker.play();
    }

    private void tick() {
        StepViewModel current = flow.current();
        if (current != page) {
            page = current;
            enteredAt = System.nanoTime();
            quietTicks = 0;
        }
        boolean busy = current.busyProperty().get();
        if (busy && probe == null) {
            probe = new FxStallProbe();
            busySince = System.nanoTime();
        }
        if (busy || !current.isValid()) {
            quietTicks = 0;
            if (probe != null && !busy) {
                stop("\"" + current.title() + "\" ended without success: " + current.summaryProperty().get());
            } else if (System.nanoTime() - enteredAt > PAGE_TIMEOUT_NANOS) {
                stop("\"" + current.title() + "\" did not get ready: " + current.summaryProperty().get());
            }
            return;
        }
        if (++quietTicks < SETTLE_TICKS) {
            return;
        }
        quietTicks = 0;
        if (probe != null) {
            probe.close();
            figures.setProperty("fxLongestBusyMs", String.format(Locale.ROOT, "%.1f", probe.longestBusyMillis()));
            figures.setProperty("fxLongestWaitMs", String.format(Locale.ROOT, "%.1f", probe.longestWaitMillis()));
            figures.setProperty("fxProbeSamples", Long.toString(probe.samples()));
            figures.setProperty("busySeconds", String.format(Locale.ROOT, "%.1f", (System.nanoTime() - busySince) / 1e9));
            probe = null;
        }
        shoot(current);
        if (flow.onLastProperty().get()) {
            // Memory as it is while the person reads the last page: after the wizard has been idle a moment.
            ticker.stop();
            PauseTransition idle = new PauseTransition(Duration.millis(IDLE_BEFORE_MEMORY_MS));
            idle.setOnFinished(e -> {
                figures.setProperty("rssMb", Long.toString(ResidentMemory.megabytes()));
                Runtime rt = Runtime.getRuntime();
                figures.setProperty("heapUsedMb", Long.toString((rt.totalMemory() - rt.freeMemory()) / 1_000_000));
                figures.setProperty("heapCommittedMb", Long.toString(rt.totalMemory() / 1_000_000));
                stop(null);
            });
            idle.play();
        } else {
            flow.next();
        }
    }

    private void shoot(StepViewModel current) {
        String name = current.title().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        pages.add(name);
        if (!settings.screenshots() || settings.leftOut().contains(name)) {
            return;
        }
        try {
            PngFile.write(window.shell().getScene().snapshot(null), settings.dir().resolve(name + ".png"));
        } catch (IOException e) {
            stop("could not save the screenshot of " + current.title() + ": " + e.getMessage());
        }
    }

    /** @param failure null when the tour reached the last page */
    private void stop(String failure) {
        ticker.stop();
        if (probe != null) {
            probe.close();
        }
        figures.setProperty("result", failure == null ? "ok" : "failed: " + failure);
        figures.setProperty("pages", String.join(",", pages));
        try {
            Files.createDirectories(settings.dir());
            try (Writer w = Files.newBufferedWriter(settings.dir().resolve("tour.properties"))) {
                figures.store(w, "Berth wizard tour");
            }
        } catch (IOException e) {
            System.err.println("Could not write the tour's figures: " + e.getMessage());
        }
        if (failure != null) {
            System.err.println("The tour stopped: " + failure);
        }
        whenDone.run();
    }
}
