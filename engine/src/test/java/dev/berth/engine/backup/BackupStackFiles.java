package dev.berth.engine.backup;

import dev.berth.answers.Answers;
import dev.berth.answers.BackupAnswers;
import dev.berth.answers.StorageAnswers;
import dev.berth.catalog.Catalog;
import dev.berth.plan.BackupPlan;
import dev.berth.plan.Planner;
import dev.berth.plan.StackPlan;
import dev.berth.render.BackupFiles;
import dev.berth.render.RenderedFile;
import dev.berth.testsupport.Examples;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A stack folder holding only the backup's files, rendered by the real {@link BackupFiles} from a
 * {@link BackupPlan} made by hand (the tests of what the deploy does with them need no whole stack).
 */
public final class BackupStackFiles {
    private BackupStackFiles() {
    }

    /** A plan backing up {@code stack} to {@code repository}, apps stopped: none. */
    public static BackupPlan plan(Path stack, String repository, BackupAnswers.Scheduler scheduler) {
        return new BackupPlan(repository, BackupAnswers.RepositoryKind.of(repository).orElseThrow(), "berth-test",
                List.of(stack.toString()), List.of(stack + "/.berth/restic-cache"), List.of(), new TreeMap<>(),
                LocalTime.of(3, 30), BackupAnswers.Keep.DEFAULT, scheduler, BackupPlan.RESTIC_IMAGE);
    }

    /** Renders the backup's files for the project into {@code stack}, with the repository password; returns their paths. */
    public static Map<String, RenderedFile> write(Path stack, String project, BackupPlan backup, String password) throws Exception {
        Answers a = Examples.answers("minimal-jellyfin");
        StorageAnswers s = a.storage();
        a = new Answers(a.schemaVersion(), project, a.target(), new StorageAnswers(stack.toString(), stack.resolveSibling("data").toString(),
                stack.resolve("config").toString(), s.puid(), s.pgid(), "Europe/Berlin", false), a.services(), a.vpn(), a.access(),
                a.monitoring(), a.media(), a.portOverrides(), a.backup());
        StackPlan stackPlan = new Planner(Catalog.builtIn()).plan(a, Map.of());
        Map<String, RenderedFile> files = new LinkedHashMap<>();
        BackupFiles.render(stackPlan, backup, files);
        writeFiles(stack, files);
        Files.createDirectories(stack.resolve("secrets"));
        Files.writeString(stack.resolve("secrets/" + BackupPlan.PASSWORD_SECRET), password, StandardCharsets.UTF_8);
        return files;
    }

    /** Writes rendered files into the stack folder: the script executable, the rest owner-only. */
    static void writeFiles(Path stack, Map<String, RenderedFile> files) throws Exception {
        for (var e : files.entrySet()) {
            Path f = stack.resolve(e.getKey());
            Files.createDirectories(f.getParent());
            Files.write(f, e.getValue().content());
            Files.setPosixFilePermissions(f, PosixFilePermissions.fromString(e.getValue().mode() == 0755 ? "rwxr-xr-x" : "rw-------"));
        }
    }
}
