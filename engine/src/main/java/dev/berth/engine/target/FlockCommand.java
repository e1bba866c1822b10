package dev.berth.engine.target;

import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A lock held by a process on the target: {@code flock -n FILE sh -c 'echo locked; exec cat'}.
 * flock(1) takes the kernel lock or exits with 1 at once when another process holds it; once it
 * holds the lock it says so, and {@code cat} keeps it by reading its input, which is Berth's end
 * of a pipe (locally) or of an SSH channel. When Berth closes that input, exits, is killed, or
 * loses the connection, {@code cat} sees the end of its input, exits, and the kernel frees the lock.
 * The same command runs locally and over SSH, so a deploy from this computer and one over SSH to
 * it exclude each other (flock(2) locks do not see Java's fcntl locks on Linux).
 */
final class FlockCommand {
    /** flock's exit code when another process holds the lock (with -n). */
    static final int BUSY = 1;
    /** How long taking or refusing a lock may take: it is immediate unless the machine is stuck. */
    static final Duration LIMIT = Duration.ofSeconds(15);
    private static final String LOCKED = "locked";

    private FlockCommand() {
    }

    static List<String> argv(String path) {
        return List.of("flock", "-n", path, "sh", "-c", "echo " + LOCKED + "; exec cat");
    }

    /** The program's output: completes with true when it said "locked", with false when it ended without. */
    static final class Watch extends OutputStream {
        private final CompletableFuture<Boolean> locked = new CompletableFuture<>();
        private final StringBuilder line = new StringBuilder();

        @Override
        public synchronized void write(int b) {
            if (locked.isDone()) {
                return;
            }
            if (b == '\n') {
                locked.complete(line.toString().strip().equals(LOCKED));
            } else if (line.length() < 200) {
                line.append((char) b);
            }
        }

        @Override
        public void write(byte[] b, int off, int len) {
            for (int i = off; i < off + len; i++) {
                write(b[i]);
            }
        }

        /** The program ended (or its output did). */
        void ended() {
            locked.complete(false);
        }

        /** Whether the lock is held, waiting at most {@link #LIMIT}; false also when the answer did not come in time. */
        boolean awaitLocked() throws TargetException {
            try {
                return locked.get(LIMIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                return false;
            } catch (ExecutionException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TargetException(TargetException.Reason.OTHER, "Interrupted while taking the lock", e);
            }
        }
    }
}
