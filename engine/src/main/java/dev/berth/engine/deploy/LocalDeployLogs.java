package dev.berth.engine.deploy;

import dev.berth.engine.SettingsFolder;
import dev.berth.render.LocalFileModes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Deploy logs kept on the computer Berth runs on, in {@code deploy-logs/} of Berth's settings
 * folder ({@link SettingsFolder}, as for the wizard's window settings). Used for a deploy
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

    /**
     * Appends the text, the file readable by this user only (it names folders and hosts): by its
     * mode, or an owner-only access list on Windows ({@link LocalFileModes}).
     */
    static void append(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (Files.exists(file)) {
            Files.write(file, bytes, StandardOpenOption.APPEND);
        } else {
            LocalFileModes.of(file.getParent()).write(file, bytes, 0600);
        }
    }
}
