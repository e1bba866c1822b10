package dev.berth.engine.deploy;

import dev.berth.engine.SettingsFolder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Deploy logs kept on the computer Berth runs on, in {@code deploy-logs/} of Berth's settings
 * folder ({@code $XDG_CONFIG_HOME/berth}, else {@code ~/.config/berth}; the system property
 * {@code berth.configDir} overrides it, as for the wizard's window settings). Used for a deploy
 * that leaves no Berth stack behind: the person is at this computer (the wizard, or the CLI), and
 * nothing is left on the target that a retry could trip over.
 */
public final class LocalDeployLogs {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private LocalDeployLogs() {
    }

    /** {@code <Berth's settings folder>/deploy-logs}. */
    public static Path standardFolder() {
        return SettingsFolder.path().resolve("deploy-logs");
    }

    /** {@code <folder>/<project>-<UTC time>.log}; two attempts in one second share the file, one after the other. */
    static Path file(Path folder, String project, Instant when) {
        return folder.resolve(project + "-" + STAMP.format(when) + ".log");
    }

    /** Appends the text, the file readable by this user only (it names folders and hosts). */
    static void append(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        if (!Files.exists(file)) {
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException notPosix) {
                Files.createFile(file); // Windows: the settings folder is the person's own already
            }
        }
        Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }
}
