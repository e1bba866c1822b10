package dev.berth.engine.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.engine.target.Target;
import dev.berth.testsupport.Await;
import dev.berth.testsupport.ExternalTool;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What {@code berth logs} and {@code berth status --watch} do, run the same against a target on
 * this computer and one over SSH: each drives the follow with a cancel flag, as Ctrl-C would end it.
 */
final class LiveScenarios {
    private final Target target;
    private final HealthContainers containers;
    private final Path work;

    LiveScenarios(Target target, HealthContainers containers, Path work) {
        this.target = target;
        this.containers = containers;
        this.work = work;
    }

    /** The last lines, stdout and stderr apart, and nothing for a service without a container. */
    void logsTail() throws Exception {
        String name = containers.run("app", List.of(), "echo first; echo second; exec sleep 300");
        String noisy = containers.run("noisy", List.of(), "echo fine; echo oops >&2; exec sleep 300");
        Await.until("app's two lines in its log", () -> text(name), t -> t.contains("second"));
        Await.until("noisy's two lines in its log", () -> text(noisy), t -> t.contains("fine") && t.contains("oops"));

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertTrue(ContainerLogs.copy(target, containers.project, "app", 1, false, out, err, () -> false));
        assertEquals("second\n", out.toString(StandardCharsets.UTF_8), "the last line only");
        assertEquals("", err.toString(StandardCharsets.UTF_8));
        out.reset();
        assertTrue(ContainerLogs.copy(target, containers.project, "noisy", 100, false, out, err, () -> false));
        assertEquals("fine\n", out.toString(StandardCharsets.UTF_8), "stdout to stdout");
        assertEquals("oops\n", err.toString(StandardCharsets.UTF_8), "stderr to stderr");

        assertFalse(ContainerLogs.copy(target, containers.project, "nothing", 10, false, out, err, () -> false),
                "a service without a container");
    }

    /** A follow that sees a line printed after it started, ended by its cancel flag. */
    void logsFollow() throws Exception {
        String name = containers.run("app", List.of(), "echo first; echo second; exec sleep 300");
        Await.until("app's two lines in its log", () -> text(name), t -> t.contains("second"));

        ByteArrayOutputStream followed = new ByteArrayOutputStream();
        AtomicBoolean cancel = new AtomicBoolean();
        AtomicReference<Throwable> failed = new AtomicReference<>();
        Thread follow = Thread.ofVirtual().start(() -> {
            try {
                ContainerLogs.copy(target, containers.project, "app", 1, true, followed, new ByteArrayOutputStream(), cancel::get);
            } catch (Throwable t) {
                failed.set(t);
            }
        });
        Await.until("the follow to print the last line", () -> string(followed), t -> t.contains("second"));
        // A line the app prints now: what its main process writes to its standard output.
        exec(List.of("docker", "exec", name, "sh", "-c", "echo third > /proc/1/fd/1"));
        // Says so when the follow ended (or failed) instead of waiting on for a line that cannot come.
        Await.until("the follow to print the new line", () -> string(followed)
                + (follow.isAlive() ? "" : " [the follow ended" + (failed.get() == null ? "" : ": " + failed.get()) + "]"),
                t -> t.contains("third") || !follow.isAlive());
        assertEquals(null, failed.get());
        assertTrue(follow.isAlive(), "the follow ended by itself: " + string(followed));
        cancel.set(true);
        follow.join();
        assertEquals(null, failed.get());
        assertEquals("second\nthird\n", string(followed));
    }

    /** The watch shows the service running, then its stop and its start again, until cancelled. */
    void watchSeesAStopAndAStart() throws Exception {
        String name = containers.run("web", List.of("--health-cmd", "true", "--health-interval", "1s"), "exec sleep 300");
        List<ServiceHealth> rows = new CopyOnWriteArrayList<>();
        AtomicBoolean cancel = new AtomicBoolean();
        AtomicReference<Throwable> failed = new AtomicReference<>();
        Thread watch = Thread.ofVirtual().start(() -> {
            try {
                HealthWatch.follow(target, containers.project, java.util.Map.of(), rows::add, cancel::get);
            } catch (Throwable t) {
                failed.set(t);
            }
        });
        Await.until("web healthy in the watch", () -> List.copyOf(rows), r -> last(r).filter(h -> h.state() == ServiceState.HEALTHY).isPresent());
        exec(List.of("docker", "stop", "-t", "1", name));
        Await.until("web exited in the watch", () -> List.copyOf(rows), r -> last(r).filter(h -> h.state() == ServiceState.EXITED).isPresent());
        int stopped = rows.size();
        exec(List.of("docker", "start", name));
        Await.until("web healthy again in the watch", () -> List.copyOf(rows),
                r -> r.size() > stopped && last(r).filter(h -> h.state() == ServiceState.HEALTHY).isPresent());
        cancel.set(true);
        watch.join();
        assertEquals(null, failed.get());
        for (int i = 1; i < rows.size(); i++) {
            assertFalse(rows.get(i).state() == rows.get(i - 1).state() && rows.get(i).detail().equals(rows.get(i - 1).detail()),
                    "a row only for a change: " + rows);
        }
    }

    private static java.util.Optional<ServiceHealth> last(List<ServiceHealth> rows) {
        return rows.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(rows.getLast());
    }

    private String text(String container) {
        return ExternalTool.run(work, List.of("docker", "logs", container)).output();
    }

    private static String string(ByteArrayOutputStream out) {
        synchronized (out) {
            return out.toString(StandardCharsets.UTF_8);
        }
    }

    private void exec(List<String> argv) {
        ExternalTool.Result r = ExternalTool.run(work, argv);
        assertEquals(0, r.exitCode(), String.join(" ", argv) + ": " + r.output());
    }
}
