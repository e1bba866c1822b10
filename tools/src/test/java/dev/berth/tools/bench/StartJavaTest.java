package dev.berth.tools.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.testsupport.RepoPaths;
import dev.berth.testsupport.Slow;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * scripts/start-java, which ./berth and the wizard benchmark start Java with: it makes an AOT
 * cache with a training run, starts from it without a word on stdout, makes it again when a jar
 * changed, and, when the JVM could not use the cache (here: a start with an option the cache was
 * not made with), says so at the next start on stderr with the JVM's words and makes it again,
 * instead of starting slower in silence. A tiny main class in a jar of its own stands in for Berth
 * (the cache only holds classes from jars).
 */
@Slow
class StartJavaTest {
    private static final Path SCRIPT = RepoPaths.root().resolve("scripts/start-java");

    record Run(int exitCode, String out, String err) {
    }

    @Test
    void makesTheCacheUsesItQuietlyAndSaysSoWhenTheJvmRefusesIt(@TempDir Path dir) throws Exception {
        Path jar = dir.resolve("hello.jar");
        writeJar(dir, jar, "first");
        Path cache = dir.resolve("cache/hello.aot");
        Path warnings = dir.resolve("cache/hello-aot.log");
        Files.createDirectories(cache.getParent());

        assertEquals(new Run(0, "hello first\n", ""), start(dir, jar, cache, ""), "the first start trains, then runs");
        assertTrue(Files.size(cache) > 0, "no AOT cache at " + cache);
        assertEquals(new Run(0, "hello first\n", ""), start(dir, jar, cache, ""), "a start from the cache says nothing about it");
        assertEquals(0, Files.size(warnings), "the JVM warned about a cache it should use");

        // The jar rebuilt: the next start runs the new classes (JDK 25.0.3 itself ran the old ones
        // from the cache, without a word), from a cache made again.
        writeJar(dir, jar, "second, a longer greeting");
        // Made well before the jar, whatever the file system's clock steps.
        Files.setLastModifiedTime(cache, FileTime.from(Instant.now().minusSeconds(60)));
        assertEquals(new Run(0, "hello second, a longer greeting\n", ""), start(dir, jar, cache, ""));
        assertEquals(0, Files.size(warnings));

        // A start with an option the cache cannot go with: it runs without it, stdout its own, and
        // the JVM's words go to the warnings file...
        assertEquals(new Run(0, "hello second, a longer greeting\n", ""), start(dir, jar, cache, "-XX:-UseCompressedOops"));
        assertTrue(Files.readString(warnings).contains("Unable to use AOT cache"), "the JVM's warning: " + Files.readString(warnings));
        // ...which the next start reports, with those words, as it makes the cache again.
        Run next = start(dir, jar, cache, "");
        assertEquals("hello second, a longer greeting\n", next.out());
        assertTrue(next.err().contains("could not use its start-up cache") && next.err().contains("Unable to use AOT cache"),
                "the next start says why, with the JVM's words: " + next.err());
        assertEquals(new Run(0, "hello second, a longer greeting\n", ""), start(dir, jar, cache, ""),
                "the cache made again is used quietly");
    }

    @Test
    void saysHowToUseItWithoutACacheOrMainClass(@TempDir Path dir) throws Exception {
        Run run = run(dir, List.of(SCRIPT.toString(), "--cp", "x.jar"));
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("usage: scripts/start-java --cache FILE.aot --cp CLASSPATH"), run.err());
        assertFalse(run.out().contains("usage"), "the usage goes to stderr");
    }

    private static Run start(Path dir, Path jar, Path cache, String javaOptions) throws Exception {
        return run(dir, List.of(SCRIPT.toString(), "--cache", cache.toString(), "--cp", jar.toString(), "--train", "training", "Hello"),
                javaOptions);
    }

    private static Run run(Path dir, List<String> command) throws Exception {
        return run(dir, command, "");
    }

    private static Run run(Path dir, List<String> command, String javaOptions) throws Exception {
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().put("BERTH_JAVA_OPTS", javaOptions);
        Process p = pb.start();
        if (!p.waitFor(3, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("scripts/start-java did not end: " + command);
        }
        return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    /** A jar whose main class prints "hello GREETING" (and nothing when it is the training run). */
    private static void writeJar(Path dir, Path jar, String greeting) throws IOException {
        Path src = dir.resolve("src/Hello.java");
        Files.createDirectories(src.getParent());
        Files.writeString(src, """
                public class Hello {
                    public static void main(String[] args) {
                        if (args.length == 0) {
                            System.out.println("hello %s");
                        }
                    }
                }
                """.formatted(greeting));
        Path classes = dir.resolve("classes");
        assertEquals(0, ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(), src.toString()));
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest)) {
            out.putNextEntry(new JarEntry("Hello.class"));
            out.write(Files.readAllBytes(classes.resolve("Hello.class")));
            out.closeEntry();
        }
    }
}
