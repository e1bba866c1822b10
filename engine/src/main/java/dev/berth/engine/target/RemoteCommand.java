package dev.berth.engine.target;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.sshd.client.channel.ClientChannel;

/**
 * One program running on an SSH server, which Berth can stop without SSH signals.
 *
 * <p>Closing a channel alone leaves a program without a terminal running, and OpenSSH refuses
 * "signal" requests for root's sessions, which it runs without privilege separation ("session
 * signalling requires privilege separation"). So every command runs under a small /bin/sh
 * wrapper that keeps the channel's input for itself (the program reads /dev/null, as before): when
 * that input ends, because Berth sent EOF ({@link #stop}), closed the channel, or the connection
 * dropped, the wrapper kills its process group. sshd starts each session's program with
 * setsid(), so that group is exactly this command and whatever it started, and nothing else.
 * This works the same for root, for any login shell that can start /bin/sh, and for a lost
 * connection, which a signal never reached.
 */
final class RemoteCommand implements AutoCloseable {
    /**
     * $@ is the program and its arguments. fd 3 keeps the channel's input for the watcher,
     * which waits for its end and then kills the group (kill 0: this process group); the program
     * gets /dev/null. A program that ends by itself takes the watcher with it, and its exit status
     * (128+N after signal N, as in a shell) becomes the wrapper's.
     */
    static final String WRAPPER = "exec 3<&0 </dev/null; { read -r _ <&3; kill -9 0; } >/dev/null 2>&1 & w=$!;"
            + " exec 3<&-; \"$@\"; s=$?; kill $w 2>/dev/null; exit $s";
    /** How long a stopped command may take to be gone before the channel is closed regardless. */
    private static final Duration STOP_WAIT = Duration.ofSeconds(5);
    private static final Map<String, Integer> SIGNALS = Map.of("HUP", 1, "INT", 2, "QUIT", 3, "ILL", 4, "ABRT", 6,
            "KILL", 9, "SEGV", 11, "PIPE", 13, "ALRM", 14, "TERM", 15);

    private final ClientChannel channel;
    private final CompletableFuture<Void> closed = new CompletableFuture<>();

    private RemoteCommand(ClientChannel channel) {
        this.channel = channel;
        channel.addCloseFutureListener(f -> closed.complete(null));
    }

    /** The command line for the login shell: the wrapper, then argv, each word quoted. */
    static String commandLine(List<String> argv) {
        // /bin/sh by its path: the login's PATH may lack it (or be anything at all).
        return "/bin/sh -c " + ShellQuote.quote(WRAPPER) + " berth " + ShellQuote.join(argv);
    }

    /** Starts argv on the server, in a session slot of {@code opener}. */
    static RemoteCommand start(ChannelOpener opener, List<String> argv, OutputStream out, OutputStream err)
            throws TargetException {
        return new RemoteCommand(opener.exec(commandLine(argv), out, err));
    }

    /**
     * Waits until the program ended and the server closed the channel.
     *
     * @return false when {@code limit} passed first
     * @throws InterruptedException when the waiting thread is interrupted (a cancel); the
     *                              program still runs, so call {@link #stop} next
     */
    boolean await(Duration limit) throws InterruptedException {
        try {
            closed.get(limit.toNanos(), TimeUnit.NANOSECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return true; // never completed exceptionally; closed is all that matters
        }
    }

    /**
     * Stops the program on the server and waits (briefly) until it is gone, so its session slot
     * is free again: sends EOF, on which the wrapper kills the program's process group; the
     * server then reports how it ended and closes the channel. The one way Berth ends a remote
     * command early (time limit, cancel); safe to call more than once and from another thread.
     */
    void stop() {
        try {
            channel.getInvertedIn().close(); // EOF
        } catch (IOException ignored) {
            // Already closed, or the connection is gone: the wrapper sees its input end either way.
        }
        boolean interrupted = Thread.interrupted(); // a cancel must not cut the wait for the program to be gone
        try {
            long deadline = System.nanoTime() + STOP_WAIT.toNanos();
            while (!closed.isDone() && System.nanoTime() < deadline) {
                try {
                    closed.get(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException | TimeoutException e) {
                    break;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        channel.close(!closed.isDone());
    }

    /** The exit status as a shell reports it (128+N after signal N), or null when the server told none. */
    Integer exitStatus() {
        Integer status = channel.getExitStatus();
        if (status == null && channel.getExitSignal() != null) {
            status = 128 + SIGNALS.getOrDefault(channel.getExitSignal(), 0);
        }
        return status;
    }

    @Override
    public void close() {
        channel.close(false);
    }
}
