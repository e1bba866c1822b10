package dev.berth.app.gui;

import dev.berth.engine.SettingsFolder;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * The window's size and position, remembered between runs in {@code window.properties} under
 * Berth's settings folder ({@link SettingsFolder}: where the desktop keeps such things; the
 * system property {@code berth.configDir} overrides it). A position on a screen that is gone is
 * ignored, so the window never opens out of sight.
 */
public final class WindowState {
    private final Path file;

    public WindowState(Path file) {
        this.file = file;
    }

    public static WindowState standard() {
        return new WindowState(SettingsFolder.path().resolve("window.properties"));
    }

    /** Does nothing (tests: every run starts the same). */
    public static WindowState none() {
        return new WindowState(null);
    }

    void restore(Stage stage) {
        if (file == null || !Files.isRegularFile(file)) {
            return;
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file)) {
            p.load(r);
            double x = Double.parseDouble(p.getProperty("x"));
            double y = Double.parseDouble(p.getProperty("y"));
            double w = Double.parseDouble(p.getProperty("width"));
            double h = Double.parseDouble(p.getProperty("height"));
            if (!Screen.getScreensForRectangle(new Rectangle2D(x, y, w, h)).isEmpty()) {
                stage.setX(x);
                stage.setY(y);
                stage.setWidth(w);
                stage.setHeight(h);
            }
            stage.setMaximized(Boolean.parseBoolean(p.getProperty("maximized")));
        } catch (IOException | RuntimeException e) {
            // A damaged file only costs the remembered size: start with the default one.
        }
    }

    void save(Stage stage) {
        if (file == null) {
            return;
        }
        Properties p = new Properties();
        p.setProperty("x", Double.toString(stage.getX()));
        p.setProperty("y", Double.toString(stage.getY()));
        p.setProperty("width", Double.toString(stage.getWidth()));
        p.setProperty("height", Double.toString(stage.getHeight()));
        p.setProperty("maximized", Boolean.toString(stage.isMaximized()));
        try {
            Files.createDirectories(file.getParent());
            try (Writer w = Files.newBufferedWriter(file)) {
                p.store(w, "Berth's window, remembered between runs");
            }
        } catch (IOException e) {
            System.err.println("Could not remember the window size in " + file + ": " + e.getMessage());
        }
    }
}
