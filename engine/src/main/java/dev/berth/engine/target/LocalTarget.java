package dev.berth.engine.target;

import com.github.dockerjava.api.DockerClient;
import dev.berth.engine.DesktopOs;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** This computer: processes, java.nio.file, and the Docker engine at DOCKER_HOST or the local socket. */
public final class LocalTarget implements Target {
    /** How often a running program looks whether the deploy was cancelled. */
    private static final Duration CANCEL_CHECK = Duration.ofMillis(200);
    /** How long a cancelled program may take to stop before it is killed. */
    private static final Duration STOP_GRACE = Duration.ofSeconds(10);
    private static final Path SETSID = program("setsid");
    private static final Path FLOCK = program("flock");

    private final LocalFiles files;
    private final String dockerHost;
    private DockerClient docker;

    public LocalTarget() {
        this(System.getenv("DOCKER_HOST"));
    }

    /**
     * This computer as the place the stack runs, which must be Linux: on Windows and macOS the
     * refusal says to choose a Linux server over SSH ({@link DesktopOs#localStackRefusal()}).
     * Writing a stack's files into a folder here ({@code berth render}) needs no such check and
     * uses the constructors.
     */
    public static LocalTarget forStack(DesktopOs desktop) throws TargetException {
        Optional<String> refusal = desktop.localStackRefusal();
        if (refusal.isPresent()) {
            throw new TargetException(TargetException.Reason.UNSUPPORTED_DESKTOP, refusal.get());
        }
        return new LocalTarget();
    }

    /** @param dockerHost a DOCKER_HOST value, or null for the local socket */
    public LocalTarget(String dockerHost) {
        this(dockerHost, FileSystems.getDefault());
    }

    /**
     * @param dockerHost a DOCKER_HOST value, or null for the local socket
     * @param fileSystem where {@link #files()} reads and writes: paths are strings of it
     */
    public LocalTarget(String dockerHost, FileSystem fileSystem) {
        this.dockerHost = dockerHost == null || dockerHost.isBlank() ? DockerConnector.DEFAULT_HOST : dockerHost;
        this.files = new LocalFiles(fileSystem);
    }

    @Override
    public String description() {
        return "this computer";
    }

    @Override
    public ExecResult exec(List<String> argv, Duration timeout) throws TargetException {
        return run(argv, argv, timeout, () -> false);
    }

    /**
     * Runs the program in a session of its own (through {@code setsid}, where there is one): a
     * Ctrl-C on the terminal reaches the whole foreground process group, and must reach Berth
     * alone, which stops the program itself and then undoes; a {@code compose down} of the undo
     * must not die from the second Ctrl-C that only asks whether to stop undoing.
     */
    @Override
    public ExecResult exec(List<String> argv, Duration timeout, BooleanSupplier cancelled) throws TargetException {
        return run(detached(argv), argv, timeout, cancelled);
    }

    private ExecResult run(List<String> command, List<String> argv, Duration timeout, BooleanSupplier cancelled)
            throws TargetException {
        Process p;
        try {
            p = new ProcessBuilder(command).start();
        } catch (IOException e) {
            throw new TargetException(TargetException.Reason.OTHER, "Cannot run " + argv.getFirst() + " on this computer: " + e.getMessage(), e);
        }
        try {
            p.getOutputStream().close();
            CompletableFuture<String> out = drain(p.getInputStream());
            CompletableFuture<String> err = drain(p.getErrorStream());
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!p.waitFor(Math.min(CANCEL_CHECK.toNanos(), Math.max(0, deadline - System.nanoTime())), TimeUnit.NANOSECONDS)) {
                if (cancelled.getAsBoolean()) {
                    stop(p);
                    return new ExecResult(ExecResult.CANCELLED, out.join(), argv.getFirst() + " was stopped: the deploy was cancelled");
                }
                if (System.nanoTime() - deadline >= 0) {
                    p.descendants().forEach(ProcessHandle::destroyForcibly);
                    p.destroyForcibly();
                    return new ExecResult(ExecResult.TIMED_OUT, "", argv.getFirst() + " did not finish within " + timeout.toSeconds() + " s");
                }
            }
            return new ExecResult(p.exitValue(), out.join(), err.join());
        } catch (IOException e) {
            throw new TargetException(TargetException.Reason.OTHER, "Lost the output of " + argv.getFirst() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new TargetException(TargetException.Reason.OTHER, "Interrupted while running " + argv.getFirst(), e);
        }
    }

    @Override
    public ExecResult execStreaming(List<String> argv, byte[] input, Duration timeout, java.io.OutputStream output)
            throws TargetException {
        Process p;
        try {
            p = new ProcessBuilder(detached(argv)).start();
        } catch (IOException e) {
            throw new TargetException(TargetException.Reason.OTHER, "Cannot run " + argv.getFirst() + " on this computer: " + e.getMessage(), e);
        }
        StreamTee out = new StreamTee(output);
        StreamTee err = new StreamTee(output);
        CompletableFuture<Void> outDone = copy(p.getInputStream(), out);
        CompletableFuture<Void> errDone = copy(p.getErrorStream(), err);
        try (java.io.OutputStream in = p.getOutputStream()) {
            in.write(input);
        } catch (IOException e) {
            // The program ended, or closed its input, without reading it all: its exit status says how it went.
        }
        try {
            if (!p.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                return new ExecResult(ExecResult.TIMED_OUT, out.text(), argv.getFirst() + " did not finish within " + timeout.toSeconds() + " s");
            }
            outDone.join();
            errDone.join();
            return new ExecResult(p.exitValue(), out.text(), err.text());
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new TargetException(TargetException.Reason.OTHER, "Interrupted while running " + argv.getFirst(), e);
        }
    }

    /** Like drain(), on a platform thread for the same reason, passing each chunk on as it comes. */
    private static CompletableFuture<Void> copy(InputStream in, java.io.OutputStream to) {
        CompletableFuture<Void> f = new CompletableFuture<>();
        Thread.ofPlatform().daemon().name("berth-stream").start(() -> {
            try (in) {
                in.transferTo(to);
            } catch (IOException e) {
                // the program's end closes the pipe; what came before it was passed on
            }
            f.complete(null);
        });
        return f;
    }

    /**
     * Asks the program and its children to end (SIGTERM: Compose then stops what it was doing),
     * and kills what is still there after a grace period. {@code docker compose} is the docker CLI
     * running the compose plugin as its child, so the children are asked too.
     */
    private static void stop(Process p) throws InterruptedException {
        List<ProcessHandle> all = new java.util.ArrayList<>(p.descendants().toList());
        all.add(p.toHandle());
        all.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + STOP_GRACE.toNanos();
        for (ProcessHandle h : all) {
            try {
                h.onExit().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                h.destroyForcibly();
            }
        }
        p.waitFor();
    }

    private static List<String> detached(List<String> argv) {
        if (SETSID == null) {
            return argv;
        }
        List<String> command = new java.util.ArrayList<>();
        command.add(SETSID.toString());
        command.addAll(argv);
        return command;
    }

    /**
     * A flock(1) process (see {@link FlockCommand}) in a session of its own, so a Ctrl-C on the
     * terminal does not end it: the lock must outlive the first Ctrl-C, through the undo. Where
     * there is no flock(1) (macOS, Windows), a lock on the file through Java, which only another
     * Berth on this computer sees, as there is no flock(1) there for anything else either.
     */
    @Override
    public Optional<TargetLock> tryLock(String path) throws TargetException {
        if (FLOCK == null) {
            return channelLock(path);
        }
        Process p;
        try {
            p = new ProcessBuilder(detached(FlockCommand.argv(path))).start();
        } catch (IOException e) {
            throw new TargetException(TargetException.Reason.OTHER, "Cannot run flock on this computer: " + e.getMessage(), e);
        }
        FlockCommand.Watch watch = new FlockCommand.Watch();
        // A platform thread, as in drain(): this read lasts as long as the lock is held.
        Thread.ofPlatform().daemon().name("berth-lock-watch").start(() -> {
            try (InputStream in = p.getInputStream()) {
                in.transferTo(watch);
            } catch (IOException ignored) {
                // the end of the output is the answer: see below
            } finally {
                watch.ended();
            }
        });
        CompletableFuture<String> err = drain(p.getErrorStream());
        if (watch.awaitLocked()) {
            // p's input stays open: it is what keeps the lock; closing it (or this process ending) frees it.
            return Optional.of(() -> {
                try {
                    p.getOutputStream().close();
                    if (!p.waitFor(FlockCommand.LIMIT.toMillis(), TimeUnit.MILLISECONDS)) {
                        p.destroyForcibly();
                    }
                } catch (IOException | InterruptedException e) {
                    p.destroyForcibly();
                }
            });
        }
        try {
            if (!p.waitFor(FlockCommand.LIMIT.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new TargetException(TargetException.Reason.TIMEOUT, "Taking the lock " + path + " on this computer did not finish within "
                        + FlockCommand.LIMIT.toSeconds() + " s");
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new TargetException(TargetException.Reason.OTHER, "Interrupted while taking the lock " + path, e);
        }
        if (p.exitValue() == FlockCommand.BUSY) {
            return Optional.empty();
        }
        throw new TargetException(TargetException.Reason.FILE, "Cannot lock " + path + " on this computer: " + err.join().strip());
    }

    private static Optional<TargetLock> channelLock(String path) throws TargetException {
        FileChannel channel = null;
        try {
            channel = FileChannel.open(Path.of(path), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                channel.close();
                return Optional.empty();
            }
            FileChannel held = channel;
            return Optional.of(() -> {
                try {
                    held.close();
                } catch (IOException ignored) {
                    // closing frees the lock; the kernel frees it with the process anyway
                }
            });
        } catch (OverlappingFileLockException e) {
            closeQuietly(channel);
            return Optional.empty(); // held by this very process, for another deploy
        } catch (IOException e) {
            closeQuietly(channel);
            throw new TargetException(TargetException.Reason.FILE, "Cannot lock " + path + " on this computer: " + e.getMessage(), e);
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing held
            }
        }
    }

    /** A program in the usual system folders, or null; looked up once. */
    private static Path program(String name) {
        for (String dir : List.of("/usr/bin", "/bin", "/usr/sbin", "/sbin", "/usr/local/bin")) {
            Path p = Path.of(dir, name);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }

    private static CompletableFuture<String> drain(InputStream in) {
        CompletableFuture<String> f = new CompletableFuture<>();
        // Not a virtual thread: reading a pipe pins its carrier, and with as many carriers as CPUs
        // (two on a small server) two long reads — a held stack lock, a followed log — left no
        // carrier for the next program's output, and the deploy hung in 'id -u'.
        Thread.ofPlatform().daemon().name("berth-drain").start(() -> {
            try (in) {
                f.complete(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                f.completeExceptionally(new UncheckedIOException(e));
            }
        });
        return f;
    }

    @Override
    public RemoteFiles files() {
        return files;
    }

    /** This computer reaches its own ports, and its containers' addresses, directly. */
    @Override
    public LoopbackTunnel openTunnel(String host, int port) {
        return LoopbackTunnel.direct(host, port);
    }

    @Override
    public synchronized DockerClient docker() throws TargetException {
        if (docker == null) {
            docker = DockerConnector.connect(dockerHost, description());
        }
        return docker;
    }

    @Override
    public synchronized void close() {
        if (docker != null) {
            try {
                docker.close();
            } catch (IOException ignored) {
                // Closing a local socket client cannot fail in a way a person could act on.
            }
            docker = null;
        }
    }
}
