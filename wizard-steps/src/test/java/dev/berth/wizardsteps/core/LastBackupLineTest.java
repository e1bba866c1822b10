package dev.berth.wizardsteps.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.berth.engine.backup.LastBackup;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LastBackupLineTest {
    private static final Instant NOW = Instant.parse("2026-12-05T15:30:00Z");

    @Test
    void aBackupThatWorkedSaysHowLongAgoItsSnapshotAndTheAppsDowntime() {
        LastBackup b = new LastBackup(Instant.parse("2026-12-05T03:30:12Z"), true, Optional.of("1a2b3c4d"),
                Optional.of(Duration.ofSeconds(4)), "");
        assertEquals("Last backup 11 hours ago (snapshot 1a2b3c4d); apps were down 4 s.", LastBackupLine.of(Optional.of(b), NOW));
    }

    @Test
    void aFailedBackupSaysWhy() {
        LastBackup b = new LastBackup(Instant.parse("2026-12-02T03:30:00Z"), false, Optional.empty(), Optional.empty(),
                "Fatal: unable to open repository at /mnt/backup/berth: no such file or directory");
        assertEquals("The last backup, 3 days ago, failed: Fatal: unable to open repository at /mnt/backup/berth: "
                + "no such file or directory.", LastBackupLine.of(Optional.of(b), NOW));
    }

    @Test
    void noneYet() {
        assertEquals("No backup has run yet.", LastBackupLine.of(Optional.empty(), NOW));
    }

    @Test
    void agesRoundDown() {
        assertEquals("just now", LastBackupLine.age(Duration.ofSeconds(59)));
        assertEquals("1 minute ago", LastBackupLine.age(Duration.ofSeconds(61)));
        assertEquals("47 hours ago", LastBackupLine.age(Duration.ofHours(47).plusMinutes(59)));
        assertEquals("2 days ago", LastBackupLine.age(Duration.ofHours(48)));
    }
}
