package dev.berth.app.cli;

import dev.berth.app.Main;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code berth} as a real process of its own (this test's classpath, {@link Main}), so a test can
 * send it signals as a terminal or a service manager would. Its output goes to files.
 */
final class BerthProcess implements AutoCloseable {
    private final Process process;
    private final Path out;
    private final Path err;

    private BerthProcess(Process process, Path out, Path err) {
        this.process = process;
        this.out = out;
        this.err = err;
    }

    /** @param jvmOptions e.g. -Duser.home=... */
    static BerthProcess start(Path dir, List<String> jvmOptions, String... args) throws IOException {
        String java = ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(dir, "berth", ".out");
        Path err = Files.createTempFile(dir, "berth", ".err");
        Process p = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        return new BerthProcess(p, out, err);
    }

    /** The one deploy log a child Berth kept on this computer, in {@code deploy-logs/} of the settings folder given to it. */
    static String onlyLocalLog(Path settings) throws IOException {
        try (var files = Files.list(settings.resolve("deploy-logs"))) {
            List<Path> logs = files.toList();
            if (logs.size() != 1) {
                throw new AssertionError("expected one deploy log in " + settings + ", found " + logs);
            }
            return Files.readString(logs.getFirst());
        }
    }

    long pid() {
        return process.pid();
    }

    /** Sends a signal by name ("INT", "TERM") to this process alone, as {@code kill -s} does. */
    void signal(String name) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-s", name, String.valueOf(process.pid())).inheritIO().start();
        if (kill.waitFor() != 0) {
            throw new IllegalStateException("kill -s " + name + " failed");
        }
    }

    /** Waits until its error output holds {@code text}; fails when it ends first or after {@code seconds}. */
    void awaitErr(String text, int seconds) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!err().contains(text)) {
            if (!process.isAlive() && !err().contains(text)) {
                throw new AssertionError("berth ended (exit " + process.exitValue() + ") before printing \"" + text + "\":\n" + output());
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("berth did not print \"" + text + "\" within " + seconds + " s:\n" + output());
            }
            Thread.sleep(20);
        }
    }

    int waitFor(int seconds) throws InterruptedException, IOException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            throw new AssertionError("berth did not end within " + seconds + " s:\n" + output());
        }
        return process.exitValue();
    }

    boolean alive() {
        return process.isAlive();
    }

    String out() throws IOException {
        return Files.readString(out);
    }

    String err() throws IOException {
        return Files.readString(err);
    }

    /** Both outputs, for a failure message. */
    String output() {
        try {
            return "--- stdout\n" + out() + "--- stderr\n" + err();
        } catch (IOException e) {
            return "(output unreadable: " + e + ")";
        }
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }
}
