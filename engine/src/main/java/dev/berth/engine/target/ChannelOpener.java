package dev.berth.engine.target;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.channel.ClientChannel;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.SshConstants;
import org.apache.sshd.common.channel.exception.SshChannelOpenException;
import org.apache.sshd.common.util.buffer.Buffer;
import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.client.SftpClientFactory;

/**
 * Opens every session channel of one SSH connection (exec channels, including Docker's
 * dial-stdio, and the SFTP subsystem) within its {@link SessionSlots}, so Berth never asks an
 * OpenSSH server for more sessions than it allows. Port forwardings are not sessions and do not
 * come through here.
 */
final class ChannelOpener {
    private static final Duration OPEN_TIMEOUT = Duration.ofSeconds(15);
    /**
     * How long a caller may wait in the queue for a slot. Long-lived channels (an event stream,
     * SFTP) hold theirs; short commands give theirs back within moments, so this is generous.
     */
    private static final Duration QUEUE_TIMEOUT = Duration.ofSeconds(60);
    /** Answered by every server (OpenSSH with a failure): a round trip, nothing else. */
    private static final String ROUND_TRIP = "keepalive@openssh.com";

    private final ClientSession session;
    private final String where;
    private final SessionSlots slots = new SessionSlots(SessionSlots.DEFAULT_LIMIT);

    ChannelOpener(ClientSession session, String where) {
        this.session = session;
        this.where = where;
        session.addCloseFutureListener(f -> slots.close());
    }

    /** An open exec channel running {@code command} (already quoted); its output goes to {@code out}, or to getInvertedOut when null. */
    ClientChannel exec(String command, OutputStream out, OutputStream err) throws TargetException {
        return open(() -> {
            ChannelExec channel = session.createExecChannel(command);
            try {
                channel.setOut(out);
                channel.setErr(err);
                channel.open().verify(OPEN_TIMEOUT);
                return channel;
            } catch (IOException | RuntimeException e) {
                channel.close(true);
                throw e;
            }
        }, c -> c, e -> new TargetException(TargetException.Reason.OTHER, "Cannot start a command on " + where + ": "
                + rootCause(e).getMessage(), e));
    }

    /** A new SFTP client on its own subsystem channel. */
    SftpClient sftp() throws TargetException {
        return open(() -> SftpClientFactory.instance().createSftpClient(session), SftpClient::getClientChannel,
                e -> new TargetException(TargetException.Reason.OTHER, "The server " + where + " does not offer SFTP ("
                        + e.getMessage() + "). Enable its sftp subsystem in sshd_config.", e));
    }

    private interface Opening<T> {
        T open() throws IOException;
    }

    private <T> T open(Opening<T> opening, Function<T, ClientChannel> channelOf, Function<Exception, TargetException> failure)
            throws TargetException {
        while (true) {
            acquire();
            T opened;
            try {
                opened = opening.open();
            } catch (IOException | RuntimeException e) {
                boolean refused = rootCause(e) instanceof SshChannelOpenException;
                boolean queueAgain = refused && session.isOpen() && slots.refusedWhileHolding();
                slots.release();
                if (queueAgain) {
                    continue;
                }
                if (!session.isOpen()) {
                    throw SshErrors.connectionLost(where, e);
                }
                throw refused ? refusal(e) : failure.apply(e);
            }
            ClientChannel channel = channelOf.apply(opened);
            AtomicBoolean released = new AtomicBoolean();
            channel.addCloseFutureListener(f -> releaseOnceServerForgot(released));
            return opened;
        }
    }

    private void acquire() throws TargetException {
        if (!session.isOpen()) {
            throw SshErrors.connectionLost(where, null);
        }
        try {
            if (!slots.acquire(QUEUE_TIMEOUT.toNanos())) {
                if (!session.isOpen()) {
                    throw SshErrors.connectionLost(where, null);
                }
                throw new TargetException(TargetException.Reason.TIMEOUT, "All " + slots.limit() + " SSH sessions to "
                        + where + " stayed busy for " + QUEUE_TIMEOUT.toSeconds() + " s; try again.");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TargetException(TargetException.Reason.OTHER, "Interrupted while waiting for an SSH session to " + where, e);
        }
    }

    /**
     * OpenSSH forgets a closed session only on its next pass through its main loop; a channel
     * asked for in the same breath would still be refused. The answer to a global request is
     * written in that earlier pass, so a new channel asked for after it arrives is read after the
     * server forgot the old one. Until then the slot stays taken.
     */
    private void releaseOnceServerForgot(AtomicBoolean released) {
        Runnable release = () -> {
            if (released.compareAndSet(false, true)) {
                slots.release();
            }
        };
        if (!session.isOpen() || session.isClosing()) {
            release.run();
            return;
        }
        try {
            Buffer request = session.createBuffer(SshConstants.SSH_MSG_GLOBAL_REQUEST, ROUND_TRIP.length() + 16);
            request.putString(ROUND_TRIP);
            request.putBoolean(true);
            // Only the answer counts: the returned future may complete once the request is written.
            // Should the connection end first, SessionSlots.close() lets every waiter go.
            session.request(request, ROUND_TRIP, (cmd, reply) -> release.run());
        } catch (IOException | RuntimeException e) {
            release.run(); // the connection is going; nothing waits for this slot
        }
    }

    private TargetException refusal(Exception e) {
        return new TargetException(TargetException.Reason.OTHER, "The server " + where + " refused to start a session ("
                + rootCause(e).getMessage() + ") although Berth had none other open. It may forbid sessions for this user,"
                + " or allow none (MaxSessions in its sshd_config).", e);
    }

    private static Throwable rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }
}
