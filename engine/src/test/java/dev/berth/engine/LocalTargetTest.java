package dev.berth.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.dockerjava.api.model.Version;
import dev.berth.engine.target.ExecResult;
import dev.berth.engine.target.FileStat;
import dev.berth.engine.target.LocalTarget;
import dev.berth.engine.target.TargetException;
import dev.berth.testsupport.NeedsDocker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalTargetTest {
    @TempDir
    Path tmp;

    @Test
    void runsArgvWithoutAShell() throws TargetException {
        try (LocalTarget t = new LocalTarget()) {
            ExecResult r = t.exec(List.of("echo", "a; rm -rf /", "$HOME"), Duration.ofSeconds(5));
            assertEquals(0, r.exitCode());
            assertEquals("a; rm -rf / $HOME\n", r.stdout(), "arguments reach the program as they are");
        }
    }

    @Test
    void aSlowProgramIsStoppedAtItsLimit() throws TargetException {
        try (LocalTarget t = new LocalTarget()) {
            ExecResult r = t.exec(List.of("sleep", "10"), Duration.ofMillis(300));
            assertTrue(r.timedOut());
        }
    }

    @Test
    void writesAtomicallyWithTheModeAndReadsBack() throws Exception {
        try (LocalTarget t = new LocalTarget()) {
            String path = tmp.resolve("secret").toString();
            t.files().writeAtomic(path, "one".getBytes(), 0600);
            t.files().writeAtomic(path, "two".getBytes(), 0600);
            assertArrayEquals("two".getBytes(), t.files().read(path));
            FileStat stat = t.files().stat(path).orElseThrow();
            assertEquals(0600, stat.mode());
            assertTrue(stat.regularFile());
            try (var s = Files.list(tmp)) {
                assertEquals(1, s.count(), "no temporary file left behind");
            }
            assertFalse(t.files().stat(tmp.resolve("nope").toString()).isPresent());
        }
    }

    @Test
    void neverDeletesAFolder() throws Exception {
        try (LocalTarget t = new LocalTarget()) {
            t.files().mkdirs(tmp.resolve("a/b").toString());
            TargetException e = assertThrows(TargetException.class, () -> t.files().deleteFile(tmp.resolve("a").toString()));
            assertTrue(e.getMessage().contains("never deletes folders"));
            assertTrue(Files.isDirectory(tmp.resolve("a/b")));
        }
    }

    @NeedsDocker
    @Test
    void talksToTheRealEngineWithANegotiatedApiVersion() throws TargetException {
        RequiresDocker.engine();
        try (LocalTarget t = new LocalTarget()) {
            Version v = t.docker().versionCmd().exec();
            assertFalse(v.getVersion().isBlank());
            t.docker().pingCmd().exec();
        }
    }

    @Test
    void anEngineThatCannotBeReachedSaysWhatToDo() {
        try (LocalTarget t = new LocalTarget("unix://" + tmp.resolve("no-such.sock"))) {
            TargetException e = assertThrows(TargetException.class, t::docker);
            assertEquals(TargetException.Reason.DOCKER_UNREACHABLE, e.reason());
            assertTrue(e.getMessage().contains("Cannot reach the Docker engine on this computer at unix://"), e.getMessage());
            assertTrue(e.getMessage().contains("sudo systemctl start docker"), e.getMessage());
        }
    }
}
