package dev.berth.engine.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.answers.BackupAnswers;
import dev.berth.engine.backup.BackupStackFiles;
import dev.berth.engine.target.LocalTarget;
import dev.berth.engine.target.TargetException;
import dev.berth.testsupport.ExternalTool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where the backup's systemd units go, which timers are started and stopped, and that an undo
 * leaves none behind. No systemd runs on this machine (no {@code /run/systemd/system}), so
 * {@code systemctl} alone is a test double that writes down what it was asked; the unit files are
 * real, placed by the job, and checked by the real {@code systemd-analyze verify}.
 */
class BackupTimersJobTest {
    private static final String PROJECT = "berthtimers";
    private static final Set<String> UNITS = Set.of("backup/berth-berthtimers-backup.service", "backup/berth-berthtimers-backup.timer",
            "backup/berth-berthtimers-check.service", "backup/berth-berthtimers-check.timer");

    @TempDir
    Path root;
    private Path stack;
    private Path units;
    private Path calls;
    private BackupTimersJob.UnitFolder folder;

    @BeforeEach
    void setUp() throws Exception {
        stack = root.resolve("stack");
        units = root.resolve("etc/systemd/system");
        calls = root.resolve("systemctl.calls");
        BackupStackFiles.write(stack, PROJECT, BackupStackFiles.plan(stack, root.resolve("disk/berth").toString(),
                BackupAnswers.Scheduler.SYSTEMD), "correct horse battery staple");
        Path systemctl = root.resolve("systemctl");
        Files.writeString(systemctl, "#!/bin/sh\necho \"$*\" >> '" + calls + "'\n");
        Files.setPosixFilePermissions(systemctl, PosixFilePermissions.fromString("rwxr-xr-x"));
        folder = new BackupTimersJob.UnitFolder(units.toString(), List.of(systemctl.toString()), Optional.empty());
    }

    @Test
    void theRenderedUnitsAreFoundAmongTheStacksFiles() throws Exception {
        List<String> rendered = new ArrayList<>();
        try (var walk = Files.walk(stack)) {
            walk.filter(Files::isRegularFile).forEach(f -> rendered.add(stack.relativize(f).toString()));
        }
        assertEquals(UNITS, BackupTimersJob.units(Set.copyOf(rendered)));
    }

    @Test
    void installsTheUnitsSystemdAcceptsAndStartsBothTimers() throws Exception {
        try (LocalTarget target = new LocalTarget()) {
            job(UNITS, Set.of()).execute(new JobContext(target, DeployFixtures.CLOCK));
        }
        for (String u : UNITS) {
            String name = u.substring("backup/".length());
            assertEquals(Files.readString(stack.resolve(u)), Files.readString(units.resolve(name)), name);
        }
        assertEquals(List.of("daemon-reload", "enable --now berth-berthtimers-backup.timer berth-berthtimers-check.timer"), calls());

        Path analyze = ExternalTool.require("systemd-analyze", "apt-get install systemd");
        List<String> verify = new ArrayList<>(List.of(analyze.toString(), "verify"));
        UNITS.stream().sorted().forEach(u -> verify.add(units.resolve(u.substring("backup/".length())).toString()));
        ExternalTool.Result verified = ExternalTool.run(root, verify);
        assertEquals(0, verified.exitCode(), verified.output());
    }

    @Test
    void unitsAlreadyInstalledAsRenderedAreNotReloaded() throws Exception {
        try (LocalTarget target = new LocalTarget()) {
            job(UNITS, Set.of()).execute(new JobContext(target, DeployFixtures.CLOCK));
            Files.delete(calls);
            job(UNITS, UNITS).execute(new JobContext(target, DeployFixtures.CLOCK));
        }
        assertEquals(List.of("enable --now berth-berthtimers-backup.timer berth-berthtimers-check.timer"), calls());
    }

    @Test
    void undoLeavesNoTimerBehind() throws Exception {
        try (LocalTarget target = new LocalTarget()) {
            JobContext context = new JobContext(target, DeployFixtures.CLOCK);
            BackupTimersJob job = job(UNITS, Set.of());
            job.execute(context);
            Files.delete(calls);
            job.undo(context);
        }
        try (var left = Files.list(units)) {
            assertEquals(0, left.count(), "no unit file is left");
        }
        assertEquals(List.of("disable --now berth-berthtimers-backup.timer berth-berthtimers-check.timer", "daemon-reload"), calls());
    }

    @Test
    void backupsTurnedOffRemoveTheTimersAndAnUndoPutsThemBack() throws Exception {
        try (LocalTarget target = new LocalTarget()) {
            JobContext context = new JobContext(target, DeployFixtures.CLOCK);
            job(UNITS, Set.of()).execute(context);
            String timer = Files.readString(units.resolve("berth-berthtimers-backup.timer"));
            Files.delete(calls);

            BackupTimersJob off = job(Set.of(), UNITS);
            off.execute(context);
            assertFalse(Files.exists(units.resolve("berth-berthtimers-backup.timer")));
            try (var left = Files.list(units)) {
                assertEquals(0, left.count(), "no unit file is left");
            }
            assertEquals(List.of("disable --now berth-berthtimers-backup.timer berth-berthtimers-check.timer", "daemon-reload"), calls());

            Files.delete(calls);
            off.undo(context);
            assertEquals(timer, Files.readString(units.resolve("berth-berthtimers-backup.timer")));
            assertEquals(List.of("daemon-reload", "enable --now berth-berthtimers-backup.timer berth-berthtimers-check.timer"), calls());
        }
    }

    @Test
    void aUserWhoseTimersCannotLingerIsToldWhatToDo() throws Exception {
        // loginctl is real here, and with no systemd running it cannot turn lingering on.
        ExternalTool.require("loginctl", "apt-get install systemd");
        folder = new BackupTimersJob.UnitFolder(folder.folder(), folder.systemctl(), Optional.of("media"));
        try (LocalTarget target = new LocalTarget()) {
            BackupTimersJob job = job(UNITS, Set.of());
            JobContext context = new JobContext(target, DeployFixtures.CLOCK);
            TargetException e = assertThrows(TargetException.class, () -> job.execute(context));
            job.undo(context);
            assertEquals(List.of(), calls(), "nothing was done, so nothing is asked of systemd on the way back");
            assertTrue(e.getMessage().startsWith("The backup's timers are the user media's, and they run without a login only with "
                    + "lingering on, which failed (loginctl enable-linger media: "), e.getMessage());
            assertTrue(e.getMessage().endsWith("Have root run 'loginctl enable-linger media', or set backup.scheduler to container "
                    + "in berth.yaml, then deploy again."), e.getMessage());
        }
        assertFalse(Files.exists(units), "nothing was installed");
    }

    private BackupTimersJob job(Set<String> now, Set<String> previous) {
        return new BackupTimersJob(stack.toString(), now, previous, t -> folder);
    }

    private List<String> calls() throws Exception {
        return Files.exists(calls) ? Files.readAllLines(calls) : List.of();
    }
}
