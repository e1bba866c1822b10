package dev.berth.engine;

import java.nio.file.Path;

/**
 * Berth's settings folder on the computer it runs on: {@code $XDG_CONFIG_HOME/berth}, else
 * {@code ~/.config/berth}; the system property {@code berth.configDir} overrides it. The wizard
 * keeps its window there and the deploy the logs of first installs that left nothing behind.
 */
public final class SettingsFolder {
    private SettingsFolder() {
    }

    public static Path path() {
        String override = System.getProperty("berth.configDir");
        String xdg = System.getenv("XDG_CONFIG_HOME");
        return override != null && !override.isBlank() ? Path.of(override)
                : xdg != null && !xdg.isBlank() ? Path.of(xdg, "berth")
                : Path.of(System.getProperty("user.home"), ".config", "berth");
    }
}
