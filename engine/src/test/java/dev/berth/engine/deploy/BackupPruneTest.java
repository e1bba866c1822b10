package dev.berth.engine.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.engine.stack.ExistingFile;
import dev.berth.engine.target.LocalTarget;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A stack keeps its last ten backups: the eleventh removes the oldest, never the one just made nor a folder of the person's. */
class BackupPruneTest {
    @TempDir
    Path root;

    @Test
    void theEleventhBackupRemovesTheOldestAndLeavesOtherFoldersAlone() throws Exception {
        Path backups = Files.createDirectories(root.resolve("stack/.berth/backups"));
        List<String> made = new ArrayList<>();
        for (int day = 1; day <= 10; day++) {
            String name = "202611%02dT101500Z".formatted(day);
            Files.createDirectories(backups.resolve(name)).resolve("compose.yaml").toFile().createNewFile();
            made.add(name);
        }
        Files.createDirectories(backups.resolve("mine"));

        BackupJob job = new BackupJob(root.resolve("stack").toString(),
                Map.of("compose.yaml", new ExistingFile("services: {}\n".getBytes(StandardCharsets.UTF_8), 0644, 0, 0)));
        Clock now = Clock.fixed(Instant.parse("2026-12-05T16:30:00Z"), ZoneOffset.UTC);
        try (LocalTarget target = new LocalTarget()) {
            job.execute(new JobContext(target, now));
        }

        List<String> left = names(backups);
        assertTrue(left.contains("20261205T163000Z"), left::toString);
        assertTrue(left.contains("mine"), "a folder Berth did not name is never removed: " + left);
        assertTrue(!left.contains(made.getFirst()), "the oldest is removed: " + left);
        assertEquals(11, left.size(), left::toString);
        assertEquals("services: {}\n", Files.readString(backups.resolve("20261205T163000Z/compose.yaml")));
    }

    @Test
    void backupsAreOrderedAsMadeAndTheOneJustMadeIsNeverChosen() {
        List<String> names = List.of("20261201T100000Z-10", "20261201T100000Z-2", "20261201T100000Z", "20261130T090000Z",
                "notes.txt");
        assertEquals(List.of("20261130T090000Z", "20261201T100000Z"), BackupNames.toPrune(names, 2, "20261201T100000Z-10"));
        // A clock set back: the backup just made looks oldest, and stays.
        assertEquals(List.of("20261201T100000Z"), BackupNames.toPrune(names, 3, "20261130T090000Z"));
        assertEquals(List.of(), BackupNames.toPrune(List.of("20261130T090000Z"), 10, "20261201T100000Z"));
    }

    private static List<String> names(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
