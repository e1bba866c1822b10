package dev.berth.engine.target;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.channel.ClientChannel;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.channel.exception.SshChannelOpenException;

/**
 * Opens exec channels on one SSH connection. OpenSSH allows 10 at a time (MaxSessions) and frees
 * a slot only when it has reaped the finished program, a moment after the channel closed; so
 * Berth keeps at most {@link #MAX_CHANNELS} open and, when the server still says no, waits a
 * little and asks again instead of failing a check that merely ran alongside nine others.
 */
final class ChannelOpener {
    /** One below OpenSSH's default MaxSessions, leaving a slot for the SFTP channel. */
    static final int MAX_CHANNELS = 9;
    private static final Duration OPEN_TIMEOUT = Duration.ofSeconds(15);
    private static final Duration RETRY_FOR = Duration.ofSeconds(5);

    private final ClientSession session;
    private final String where;
    private final Semaphore permits = new Semaphore(MAX_CHANNELS, true);

    ChannelOpener(ClientSession session, String where) {
        this.session = session;
        this.where = where;
    }

    /** An open channel running {@code command} (already quoted); its output goes to {@code out}, or to getInvertedOut when null. */
    ClientChannel open(String command, OutputStream out, OutputStream err) throws TargetException {
        acquire();
        long deadline = System.nanoTime() + RETRY_FOR.toNanos();
        for (long pause = 20; ; pause = Math.min(pause * 2, 500)) {
            ChannelExec channel = null;
            try {
                channel = session.createExecChannel(command);
                channel.setOut(out);
                channel.setErr(err);
                channel.open().verify(OPEN_TIMEOUT);
                channel.addCloseFutureListener(f -> permits.release()); // once per channel, however it closes
                return channel;
            } catch (IOException | RuntimeException e) {
                if (channel != null) {
                    channel.close(true);
                }
                boolean refused = rootCause(e) instanceof SshChannelOpenException;
                if (!session.isOpen() || !refused || System.nanoTime() + pause * 1_000_000 > deadline) {
                    permits.release();
                    throw failure(e, refused);
                }
                sleep(pause);
            }
        }
    }

    private void acquire() throws TargetException {
        if (!session.isOpen()) {
            throw SshErrors.connectionLost(where, null);
        }
        try {
            if (!permits.tryAcquire(OPEN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new TargetException(TargetException.Reason.TIMEOUT, "All " + MAX_CHANNELS + " SSH channels to "
                        + where + " stayed busy for " + OPEN_TIMEOUT.toSeconds() + " s; try again.");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TargetException(TargetException.Reason.OTHER, "Interrupted while waiting for an SSH channel", e);
        }
    }

    private TargetException failure(Exception e, boolean refused) {
        if (!session.isOpen()) {
            return SshErrors.connectionLost(where, e);
        }
        if (refused) {
            return new TargetException(TargetException.Reason.OTHER, "The server " + where + " refused to start a command ("
                    + rootCause(e).getMessage() + "). It may allow fewer sessions per connection than usual (MaxSessions"
                    + " in its sshd_config), or forbid commands for this user.", e);
        }
        return new TargetException(TargetException.Reason.OTHER, "Cannot start a command on " + where + ": "
                + rootCause(e).getMessage(), e);
    }

    private static Throwable rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    private static void sleep(long millis) throws TargetException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TargetException(TargetException.Reason.OTHER, "Interrupted while waiting for an SSH channel", e);
        }
    }
}
