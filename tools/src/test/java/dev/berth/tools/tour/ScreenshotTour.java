package dev.berth.tools.tour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import atlantafx.base.controls.ToggleSwitch;
import dev.berth.answers.Answers;
import dev.berth.answers.AnswersFile;
import dev.berth.answers.StorageAnswers;
import dev.berth.app.gui.TestBackends;
import dev.berth.app.gui.WindowState;
import dev.berth.app.gui.WizardWindow;
import dev.berth.engine.RequiresDocker;
import dev.berth.engine.deploy.StandInStacks;
import dev.berth.testsupport.Examples;
import dev.berth.testsupport.RepoPaths;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.animation.PauseTransition;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

/**
 * Not a test: the tool behind {@code scripts/screenshots}, which runs it under xvfb-run. It deploys
 * a small stack with stand-in images through the wizard window, page by page, and saves each page
 * as a PNG for the user guide. Its first deploy fails (one stand-in never turns healthy) and is
 * shown rolled back; the tour mends the image, tries again and goes on to Done, which it saves once
 * more in the dark theme. Its name keeps it out of ordinary test runs; {@code -Dtest=ScreenshotTour}
 * runs it. {@code -Dberth.screenshots=DIR} says where the pictures go (default docs/screenshots).
 *
 * <p>The pictures should show what a person sees, not this build machine: the stack lives in
 * /srv/homemedia (when this user may make that folder) and each app keeps its default port where
 * that port is free here. The checks (the System check page's and the deploy's own before it
 * changes anything) report the guide's healthy home server ({@link TestBackends#homeServer}), as
 * the System check pictures do, so no picture shows this machine's warnings (its old Docker engine)
 * and the answers use that server's time zone; the deploy itself runs for real here.
 */
class ScreenshotTour {
    /** A fixed project name, so the container names in the pictures read well. */
    private static final String PROJECT = "homemedia";
    /** The app whose stand-in never turns healthy in the first deploy, for the picture of a rollback. */
    private static final String BROKEN = "sonarr";
    /**
     * How long the deploy waits for health: the stand-ins answer within seconds, and the broken one
     * never does, so this is also how long the failed deploy takes before it rolls back.
     */
    private static final Duration HEALTH_WAIT = Duration.ofSeconds(90);
    /** Marks a folder under /srv as the tour's own, so the tour never deletes anyone else's. */
    private static final String MARKER = ".berth-screenshot-tour";
    /**
     * Pages the guide shows filled in, from the page tests scripts/screenshots also runs
     * (vpn-provider, access-domain-users, monitoring-on): the tour's own shot of them shows only
     * the defaults (VPN off, home network only, no monitoring).
     */
    private static final List<String> SHOWN_FILLED_IN = List.of("vpn", "access-security", "monitoring");
    /**
     * Pages the tour walks but does not picture, since a page test saves the picture of that name:
     * the System check (ChecksHomeServerStepTest, on the same home server with the guide's storage
     * folders, which the tour's stack on this machine does not use).
     */
    private static final Set<String> PICTURED_BY_PAGE_TESTS = Set.of("system-check");

    @Test
    void walkTheWizardAndSaveEachPage() throws Exception {
        RequiresDocker.engine();
        Path out = Path.of(System.getProperty("berth.screenshots", RepoPaths.root().resolve("docs/screenshots").toString()));
        Path demo = demoRoot();
        StandInStacks.remove(PROJECT);
        deleteTree(demo);
        Files.createDirectories(demo);
        Files.createFile(demo.resolve(MARKER));
        try {
            Answers base = Examples.answers("minimal-jellyfin").withServices(List.of("jellyfin", "sonarr", "radarr"));
            Answers answers = onTheHomeServersClock(StandInStacks.deployableOnDefaultPorts(base, demo, PROJECT));
            System.out.println("The tour's stack: " + demo + ", ports " + answers.portOverrides() + " (the rest on their defaults)");
            Path file = Files.writeString(demo.resolve("berth.yaml"), AnswersFile.write(answers));
            // The first deploy fails as a real one can: Sonarr never turns healthy, and Berth rolls back.
            StandInStacks.breakService(BROKEN, demo);
            CountDownLatch failed = new CountDownLatch(1);
            WizardWindow[] window = new WizardWindow[1];
            WizardTour.Settings settings = new WizardTour.Settings(out, true, 1200, 860, PICTURED_BY_PAGE_TESTS);
            FxToolkit.registerPrimaryStage();
            FxToolkit.setupStage(stage -> {
                window[0] = WizardWindow.open(stage, TestBackends.homeServer(HEALTH_WAIT, demo.resolve("deploy-logs"), false),
                        file, WindowState.none(), url -> { });
                WizardTour.start(window[0], settings, failed::countDown);
            });
            assertTrue(failed.await(20, TimeUnit.MINUTES), "the tour did not reach the deploy");
            String first = figures(out).getProperty("result");
            assertTrue(first.startsWith("failed: \"Deploy\" ended without success"), "the first deploy should fail: " + first);

            // Then the person fixes what was wrong and tries again: from there the tour goes on to Done.
            StandInStacks.repair(BROKEN, demo);
            CountDownLatch done = new CountDownLatch(1);
            onFx(() -> {
                PngFile.write(window[0].shell().getScene().snapshot(null), out.resolve("deploy-rolled-back.png"));
                if (!(window[0].shell().lookup("#try-again") instanceof javafx.scene.control.Button again)) {
                    throw new IllegalStateException("the Deploy page shows no Try again after the rollback");
                }
                again.fire();
                WizardTour.start(window[0], settings, done::countDown);
                return null;
            });
            assertTrue(done.await(20, TimeUnit.MINUTES), "the tour did not finish");
            Properties p = figures(out);
            System.out.println("Screenshots of " + p.getProperty("pages") + " in " + out);
            assertEquals("ok", p.getProperty("result"));
            for (String page : SHOWN_FILLED_IN) {
                Files.deleteIfExists(out.resolve(page + ".png"));
            }
            shootInTheDarkTheme(window[0], out.resolve("done-dark.png"));
            javafx.application.Platform.runLater(window[0]::closeNow); // not waited for: it ends the FX platform
        } finally {
            StandInStacks.remove(PROJECT);
            StandInStacks.repair(BROKEN, demo); // other tests deploy Sonarr's stand-in too
            deleteTree(demo);
        }
    }

    /** The figures the tour wrote (its result, the pages it saved), read and then deleted: they are no picture. */
    private static Properties figures(Path out) throws Exception {
        Path file = out.resolve("tour.properties");
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file)) {
            p.load(r);
        }
        Files.delete(file);
        return p;
    }

    /** Runs on the FX thread and waits for it; what it throws is thrown here. */
    private static <T> T onFx(java.util.concurrent.Callable<T> work) throws Exception {
        java.util.concurrent.FutureTask<T> task = new java.util.concurrent.FutureTask<>(work);
        javafx.application.Platform.runLater(task);
        try {
            return task.get(1, TimeUnit.MINUTES);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof Exception x ? x : e;
        }
    }

    /**
     * /srv/homemedia when this user may make it (or it is the tour's own from an earlier run); the
     * temp folder otherwise, e.g. for a person without root, or a machine whose /srv/homemedia is real.
     */
    private static Path demoRoot() {
        Path srv = Path.of("/srv/homemedia");
        boolean ours = Files.isDirectory(srv) ? Files.exists(srv.resolve(MARKER)) : Files.isWritable(srv.getParent());
        return ours ? srv : Path.of(System.getProperty("java.io.tmpdir"), "berth-demo");
    }

    /**
     * The answers with the home server's time zone, which its check results (the System check page's
     * and the deploy's) report, so the Review page and the checks agree.
     */
    private static Answers onTheHomeServersClock(Answers a) {
        StorageAnswers s = a.storage();
        return a.withStorage(new StorageAnswers(s.stackDir(), s.dataRoot(), s.configRoot(), s.puid(), s.pgid(),
                TestBackends.homeServerTimeZone(), s.hardwareTranscoding()));
    }

    /** Flips the sidebar's dark-theme switch as a person would, and saves the page once it is drawn so. */
    private static void shootInTheDarkTheme(WizardWindow window, Path png) throws Exception {
        CountDownLatch drawn = new CountDownLatch(1);
        onFx(() -> {
            ToggleSwitch dark = window.shell().lookupAll(".toggle-switch").stream()
                    .filter(n -> n instanceof ToggleSwitch t && t.getText().replace("_", "").contains("Dark theme"))
                    .map(ToggleSwitch.class::cast).findFirst()
                    .orElseThrow(() -> new IllegalStateException("the sidebar shows no Dark theme switch"));
            dark.setSelected(true);
            PauseTransition settle = new PauseTransition(javafx.util.Duration.millis(700)); // the new stylesheet applied
            settle.setOnFinished(e -> drawn.countDown());
            settle.play();
            return null;
        });
        assertTrue(drawn.await(1, TimeUnit.MINUTES), "the dark theme was not drawn");
        onFx(() -> {
            PngFile.write(window.shell().getScene().snapshot(null), png);
            return null;
        });
    }

    private static void deleteTree(Path dir) throws Exception {
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
