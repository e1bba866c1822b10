package dev.berth.engine.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.berth.answers.Answers;
import dev.berth.answers.BackupAnswers;
import dev.berth.answers.BackupAnswers.Scheduler;
import dev.berth.engine.target.ExecResult;
import dev.berth.engine.target.LocalTarget;
import dev.berth.testsupport.Examples;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class BackupSchedulerTest {
    private static final BackupAnswers ON = new BackupAnswers(true, "/mnt/backup/berth", null, null, null, null);

    @Test
    void systemdOnlyWhereItRunsAndBerthIsRoot() {
        assertEquals(Scheduler.SYSTEMD, BackupScheduler.forTarget(true, true));
        assertEquals(Scheduler.CONTAINER, BackupScheduler.forTarget(true, false), "a user may not add system units");
        assertEquals(Scheduler.CONTAINER, BackupScheduler.forTarget(false, true));
        assertEquals(Scheduler.CONTAINER, BackupScheduler.forTarget(false, false));
    }

    @Test
    void autoIsAskedOfTheTarget() throws Exception {
        Answers auto = Examples.answers("minimal-jellyfin").withBackup(ON);
        try (LocalTarget target = new LocalTarget()) {
            ExecResult uid = target.exec(List.of("id", "-u"), Duration.ofSeconds(10));
            Scheduler expected = BackupScheduler.forTarget(Files.isDirectory(Path.of("/run/systemd/system")), uid.stdout().strip().equals("0"));
            assertEquals(expected, BackupScheduler.resolve(target, auto).backup().scheduler());
            assertEquals(ON.withScheduler(expected), BackupScheduler.resolve(target, auto).backup(), "nothing else changes");
        }
    }

    @Test
    void aChosenSchedulerAndBackupsOffAreLeftAsTheyAre() throws Exception {
        Answers chosen = Examples.answers("minimal-jellyfin").withBackup(ON.withScheduler(Scheduler.SYSTEMD));
        Answers off = Examples.answers("minimal-jellyfin");
        try (LocalTarget target = new LocalTarget()) {
            assertSame(chosen, BackupScheduler.resolve(target, chosen));
            assertSame(off, BackupScheduler.resolve(target, off));
        }
    }
}
