package dev.berth.tools.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

/**
 * The yardstick for Berth's start-up: the barest JavaFX window (one Label, one Button), started by
 * the wizard benchmark exactly as Berth is (scripts/start-java: the same JVM options and an AOT
 * cache of its own made the same way), so the table can say how much of Berth's start is Berth's
 * and compare figures across fast and slow machines. It keeps the start-up probe's contract
 * (installers/README.md, "The start-up probe"): with {@code -Dberth.startupProbe=FILE} it writes
 * the wall-clock time once the window is showing, its first layout pulse is done and that frame
 * is drawn; with {@code -Dberth.exitAfterStartup=true} it then exits. Written here rather than
 * borrowed from the app, so it loads no class of Berth's, nor AtlantaFX: it has JavaFX's default
 * theme (Modena, from its binary stylesheet, as Berth's AtlantaFX theme is) and no stylesheet of
 * its own. {@code BareWindow train} is its training run for the AOT cache: start, first frame, exit.
 */
public final class BareWindow {
    private BareWindow() {
    }

    public static void main(String[] args) throws IOException {
        Path trainingProbe = null;
        if (args.length == 1 && args[0].equals("train")) {
            trainingProbe = Files.createTempFile("berth-bare-window-", ".txt");
            System.setProperty("berth.startupProbe", trainingProbe.toString());
            System.setProperty("berth.exitAfterStartup", "true");
        }
        try {
            Application.launch(App.class);
        } finally {
            if (trainingProbe != null) {
                Files.deleteIfExists(trainingProbe);
            }
        }
        System.exit(0);
    }

    /** Nested, as in Berth: java refuses an Application subclass as the main class when JavaFX is on the class path. */
    public static final class App extends Application {
        @Override
        public void start(Stage stage) {
            Scene scene = new Scene(new VBox(12, new Label("A bare JavaFX window"), new Button("OK")), 640, 400);
            stage.setTitle("Bare window");
            stage.setScene(scene);
            String probe = System.getProperty("berth.startupProbe");
            if (probe != null && !probe.isBlank()) {
                Runnable[] once = new Runnable[1];
                once[0] = () -> {
                    if (stage.isShowing()) {
                        scene.removePostLayoutPulseListener(once[0]);
                        Platform.runLater(() -> ready(Path.of(probe)));
                    }
                };
                scene.addPostLayoutPulseListener(once[0]);
            }
            stage.show();
        }

        private static void ready(Path probe) {
            Path tmp = probe.resolveSibling(probe.getFileName() + ".tmp");
            try {
                Files.writeString(tmp, System.currentTimeMillis() + "\n", StandardCharsets.UTF_8);
                Files.move(tmp, probe, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                System.err.println("Could not write the start-up time to " + probe + ": " + e.getMessage());
            }
            if (Boolean.getBoolean("berth.exitAfterStartup")) {
                Platform.exit();
            }
        }
    }
}
