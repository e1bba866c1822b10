package dev.berth.tools.tour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.answers.Answers;
import dev.berth.answers.AnswersFile;
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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

/**
 * Not a test: the tool behind {@code scripts/screenshots}, which runs it under xvfb-run. It deploys
 * a small stack with stand-in images through the wizard window, page by page, and saves each page
 * as a PNG for the user guide. Its name keeps it out of ordinary test runs; {@code -Dtest=ScreenshotTour}
 * runs it. {@code -Dberth.screenshots=DIR} says where the pictures go (default docs/screenshots).
 */
class ScreenshotTour {
    /** A fixed place and project name, so the paths in the pictures read well. */
    private static final Path DEMO = Path.of(System.getProperty("java.io.tmpdir"), "berth-demo");
    private static final String PROJECT = "homemedia";

    @Test
    void walkTheWizardAndSaveEachPage() throws Exception {
        RequiresDocker.engine();
        Path out = Path.of(System.getProperty("berth.screenshots", RepoPaths.root().resolve("docs/screenshots").toString()));
        StandInStacks.remove(PROJECT);
        deleteTree(DEMO);
        Files.createDirectories(DEMO);
        try {
            Answers base = Examples.answers("minimal-jellyfin").withServices(List.of("jellyfin", "sonarr", "radarr"));
            Answers answers = StandInStacks.deployable(base, DEMO, PROJECT);
            Path file = Files.writeString(DEMO.resolve("berth.yaml"), AnswersFile.write(answers));
            CountDownLatch done = new CountDownLatch(1);
            WizardWindow[] window = new WizardWindow[1];
            FxToolkit.registerPrimaryStage();
            FxToolkit.setupStage(stage -> {
                window[0] = WizardWindow.open(stage, TestBackends.healthTimeout(Duration.ofMinutes(3), DEMO.resolve("deploy-logs"), false), file, WindowState.none(), url -> { });
                WizardTour.start(window[0], new WizardTour.Settings(out, true, 1200, 860), done::countDown);
            });
            assertTrue(done.await(20, TimeUnit.MINUTES), "the tour did not finish");
            Path figures = out.resolve("tour.properties");
            Properties p = new Properties();
            try (Reader r = Files.newBufferedReader(figures)) {
                p.load(r);
            }
            Files.delete(figures);
            System.out.println("Screenshots of " + p.getProperty("pages") + " in " + out);
            assertEquals("ok", p.getProperty("result"));
            javafx.application.Platform.runLater(window[0]::closeNow); // not waited for: it ends the FX platform
        } finally {
            StandInStacks.remove(PROJECT);
        }
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
