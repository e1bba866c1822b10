package dev.berth.tools.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.testsupport.RepoPaths;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * scripts/jvm-options-for, the one reader of scripts/jvm-options for ./berth and the installed
 * launcher: on Linux every option of the file, on macOS and Windows all but those marked
 * "#[linux-only]", among them -XX:TrimNativeHeapInterval, which the JVM there answers with a
 * warning on stdout (where `berth render` writes).
 */
class JvmOptionsForTest {
    private static final Path ROOT = RepoPaths.root();

    record Run(int exitCode, List<String> out, String err) {
    }

    @Test
    void linuxGetsEveryOptionAndTheOthersAllButTheLinuxOnlyOnes() throws Exception {
        List<String> lines = Files.readAllLines(ROOT.resolve("scripts/jvm-options"));
        List<String> every = new ArrayList<>();
        List<String> linuxOnly = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (!line.isEmpty() && !line.startsWith("#")) {
                every.add(line);
                if (i > 0 && lines.get(i - 1).strip().equals("#[linux-only]")) {
                    linuxOnly.add(line);
                }
            }
        }
        assertTrue(linuxOnly.contains("-XX:TrimNativeHeapInterval=1000"), "marked Linux-only: " + linuxOnly);

        assertEquals(new Run(0, every, ""), run("linux"));
        List<String> elsewhere = every.stream().filter(o -> !linuxOnly.contains(o)).toList();
        assertEquals(new Run(0, elsewhere, ""), run("mac"));
        assertEquals(new Run(0, elsewhere, ""), run("windows"));
    }

    @Test
    void saysHowToUseIt() throws Exception {
        Run run = run("plan9");
        assertEquals(2, run.exitCode());
        assertTrue(run.out().isEmpty(), "nothing on stdout: " + run.out());
        assertFalse(run.err().isBlank());
        assertTrue(run.err().contains("usage: scripts/jvm-options-for linux|mac|windows"), run.err());
    }

    private static Run run(String os) throws Exception {
        Process p = new ProcessBuilder(ROOT.resolve("scripts/jvm-options-for").toString(), os).start();
        String out = new String(p.getInputStream().readAllBytes());
        String err = new String(p.getErrorStream().readAllBytes());
        if (!p.waitFor(1, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("scripts/jvm-options-for did not end");
        }
        return new Run(p.exitValue(), out.lines().toList(), err);
    }
}
