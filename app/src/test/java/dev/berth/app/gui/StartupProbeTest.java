package dev.berth.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The probe's file as installers/bench, installers/test-deb and ./bench read it (installers/README.md). */
class StartupProbeTest {
    @Test
    void writesTheWallClockTimeAsOneLineAndLeavesNoTemporaryFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("probe");
        Files.writeString(file, "an older run\n");
        new StartupProbe(file, false).write(1_760_000_000_123L);
        assertEquals("1760000000123\n", Files.readString(file));
        assertFalse(Files.exists(dir.resolve("probe.tmp")));
    }

    @Test
    void aFolderItCannotWriteToDoesNotStopTheStart(@TempDir Path dir) {
        Path file = dir.resolve("missing/probe");
        new StartupProbe(file, false).write(1L);
        assertFalse(Files.exists(file));
    }
}
