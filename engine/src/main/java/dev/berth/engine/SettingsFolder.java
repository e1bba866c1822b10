package dev.berth.engine;

import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

/**
 * Berth's settings folder on the computer it runs on, where each desktop keeps such things:
 * {@code $XDG_CONFIG_HOME/berth} (else {@code ~/.config/berth}) on Linux,
 * {@code ~/Library/Application Support/Berth} on macOS, {@code %APPDATA%\Berth} on Windows; the
 * system property {@code berth.configDir} overrides it. The wizard keeps its window there and
 * the deploy the logs of first installs that left nothing behind.
 */
public final class SettingsFolder {
    private SettingsFolder() {
    }

    public static Path path() {
        return of(DesktopOs.current(), System::getenv, System.getProperty("user.home"), System.getProperty("berth.configDir"),
                FileSystems.getDefault());
    }

    /**
     * @param env     the environment's variables by name (null when unset)
     * @param override {@code berth.configDir}, or null
     */
    public static Path of(DesktopOs desktop, UnaryOperator<String> env, String home, String override, FileSystem fs) {
        if (set(override)) {
            return fs.getPath(override);
        }
        return switch (desktop.family()) {
            case MACOS -> fs.getPath(home, "Library", "Application Support", "Berth");
            case WINDOWS -> set(env.apply("APPDATA")) ? fs.getPath(env.apply("APPDATA"), "Berth")
                    : fs.getPath(home, "AppData", "Roaming", "Berth");
            case LINUX, OTHER -> set(env.apply("XDG_CONFIG_HOME")) ? fs.getPath(env.apply("XDG_CONFIG_HOME"), "berth")
                    : fs.getPath(home, ".config", "berth");
        };
    }

    private static boolean set(String value) {
        return value != null && !value.isBlank();
    }
}
