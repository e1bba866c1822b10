package dev.berth.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.berth.testsupport.ExternalTool;
import dev.berth.testsupport.RepoPaths;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's commands where JAVA_HOME is unset and the java on PATH is not a JDK 25: ./mvnw and
 * ./berth find a JDK 25 themselves (scripts/java-home.sh), and with none they say what to install.
 * They run copies of the real scripts in a folder without a pom, so ./berth can never start a
 * build from here.
 */
class MvnwFindsJdkTest {
    private static final Path JVM_DIR = Path.of("/usr/lib/jvm");
    private static final Pattern VERSION = Pattern.compile("^JAVA_VERSION=\"(\\d+)", Pattern.MULTILINE);
    private static final String INSTALL_HINT = "https://adoptium.net/temurin/releases/?version=25";

    @TempDir
    Path tmp;
    private Path clone;
    private Path firstOnPath;

    @BeforeEach
    void copyTheScripts() throws IOException {
        Path root = RepoPaths.root();
        clone = tmp.resolve("berth");
        for (String file : List.of("mvnw", "berth", ".mvn/wrapper/maven-wrapper.properties", "scripts/java-home.sh")) {
            Files.createDirectories(clone.resolve(file).getParent());
            Files.copy(root.resolve(file), clone.resolve(file), StandardCopyOption.COPY_ATTRIBUTES);
        }
        // First on PATH: a java that is no JDK 25. A real older JDK where one is installed (Debian's
        // default java is 17); else a program that is no JDK at all, which the scripts must pass by too.
        firstOnPath = Files.createDirectories(tmp.resolve("bin"));
        Path java = olderJdk().map(home -> home.resolve("bin/java")).orElse(Path.of("/bin/false"));
        Files.createSymbolicLink(firstOnPath.resolve("java"), java);
    }

    @Test
    void mvnwFindsTheJdk25InUsrLibJvmWhenJavaOnPathIsOlderAndJavaHomeIsUnset() {
        if (jdks(JVM_DIR).noneMatch(home -> major(home) == 25)) {
            ExternalTool.skipOrFail("no JDK 25 in " + JVM_DIR + ", where ./mvnw looks by default (.ci/run uses a Temurin 25 there)");
        }

        Run mvn = run(Map.of(), "./mvnw", "-v");

        assertEquals(0, mvn.exitCode(), mvn.output());
        assertTrue(mvn.output().contains("Java version: 25"), mvn.output());
        assertTrue(mvn.output().contains("runtime: " + JVM_DIR + "/"), mvn.output());
    }

    @Test
    void aJdk25InTheFoldersOfBerthJdkDirsIsFound() throws IOException {
        Path running = Path.of(System.getProperty("java.home"));
        assertEquals(25, major(running), "the tests run on a JDK 25 (the enforcer rule): " + running);
        Path jdks = Files.createDirectories(tmp.resolve("my jdks"));
        Files.createSymbolicLink(jdks.resolve("some-jdk-25"), running);

        Run mvn = run(Map.of("BERTH_JDK_DIRS", tmp.resolve("nothing here") + ":" + jdks), "./mvnw", "-v");

        // BERTH_JDK_DIRS replaces the default folders, so only the link can have been found (the
        // JVM reports the JDK by its real path, not by the link's).
        assertEquals(0, mvn.exitCode(), mvn.output());
        assertTrue(mvn.output().contains("Java version: 25"), mvn.output());
    }

    @Test
    void withNoJdk25AnywhereMvnwSaysWhatToInstallAndStops() throws IOException {
        Run mvn = run(Map.of("BERTH_JDK_DIRS", Files.createDirectories(tmp.resolve("empty")).toString()), "./mvnw", "-v");

        assertEquals(1, mvn.exitCode(), mvn.output());
        assertNamesWhatToInstall(mvn.output());
        assertFalse(mvn.output().contains("Apache Maven"), "Maven started anyway:\n" + mvn.output());
    }

    @Test
    void withNoJdk25AnywhereBerthSaysWhatToInstallAndStops() throws IOException {
        Run berth = run(Map.of("BERTH_JDK_DIRS", Files.createDirectories(tmp.resolve("empty")).toString()), "./berth", "--version");

        assertEquals(1, berth.exitCode(), berth.output());
        assertNamesWhatToInstall(berth.output());
    }

    private void assertNamesWhatToInstall(String output) {
        assertTrue(output.contains("Berth needs a JDK 25 and found none"), output);
        assertTrue(output.contains("java on PATH: " + firstOnPath.resolve("java")), output);
        assertTrue(output.contains("looked in:    " + tmp.resolve("empty")), output);
        assertTrue(output.contains("sudo apt-get install temurin-25-jdk"), output);
        assertTrue(output.contains(INSTALL_HINT), output);
    }

    private record Run(int exitCode, String output) {
    }

    /** The script in the copied clone with JAVA_HOME unset and the older java first on PATH. */
    private Run run(Map<String, String> env, String... command) {
        try {
            ProcessBuilder pb = new ProcessBuilder(command).directory(clone.toFile()).redirectErrorStream(true);
            pb.environment().remove("JAVA_HOME");
            pb.environment().remove("BERTH_JDK_DIRS");
            pb.environment().put("PATH", firstOnPath + ":" + System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
            pb.environment().putAll(env);
            Process p = pb.start();
            p.getOutputStream().close();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                fail("did not end: " + String.join(" ", command) + "\n" + output);
            }
            return new Run(p.exitValue(), output);
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Optional<Path> olderJdk() {
        return jdks(JVM_DIR).filter(home -> major(home) < 25).findFirst();
    }

    private static Stream<Path> jdks(Path dir) {
        if (!Files.isDirectory(dir)) {
            return Stream.empty();
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(home -> Files.isExecutable(home.resolve("bin/javac"))).sorted().toList().stream();
        } catch (IOException e) {
            throw new IllegalStateException("cannot list " + dir, e);
        }
    }

    /** The major version in the JDK's release file, or 0. */
    private static int major(Path home) {
        try {
            Matcher m = VERSION.matcher(Files.readString(home.resolve("release")));
            return m.find() ? Integer.parseInt(m.group(1)) : 0;
        } catch (IOException e) {
            return 0;
        }
    }
}
