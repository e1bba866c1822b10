package dev.berth.engine.target;

import java.io.IOException;
import java.net.InetSocketAddress;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.client.session.forward.ExplicitPortForwardingTracker;
import org.apache.sshd.common.util.net.SshdSocketAddress;

/**
 * A local port forwarding on an SSH session (what {@code ssh -L 0:HOST:PORT} does): a port
 * on this computer's loopback, chosen by the system, whose connections the server opens to
 * HOST:PORT as it reaches them (its own 127.0.0.1, or a container's address). Nothing runs on the server and nothing is put on its command line.
 */
final class SshTunnel implements LoopbackTunnel {
    private final ExplicitPortForwardingTracker tracker;
    private final InetSocketAddress local;

    private SshTunnel(ExplicitPortForwardingTracker tracker, InetSocketAddress local) {
        this.tracker = tracker;
        this.local = local;
    }

    static SshTunnel open(ClientSession session, String remoteHost, int remotePort, String where) throws TargetException {
        if (remotePort < 1 || remotePort > 65535) {
            throw new IllegalArgumentException("not a TCP port: " + remotePort);
        }
        if (!session.isOpen()) {
            throw SshErrors.connectionLost(where, null);
        }
        try {
            ExplicitPortForwardingTracker tracker = session.createLocalPortForwardingTracker(
                    new SshdSocketAddress("127.0.0.1", 0), new SshdSocketAddress(remoteHost, remotePort));
            SshdSocketAddress bound = tracker.getBoundAddress();
            return new SshTunnel(tracker, new InetSocketAddress("127.0.0.1", bound.getPort()));
        } catch (IOException | RuntimeException e) {
            if (!session.isOpen()) {
                throw SshErrors.connectionLost(where, e);
            }
            throw new TargetException(TargetException.Reason.OTHER, "Cannot forward a local port to " + remoteHost + ":" + remotePort
                    + " from " + where + " (" + e.getMessage() + "). The SSH server may forbid port forwarding"
                    + " (AllowTcpForwarding in its sshd_config).", e);
        }
    }

    @Override
    public InetSocketAddress localAddress() {
        return local;
    }

    @Override
    public void close() {
        try {
            tracker.close();
        } catch (IOException ignored) {
            // The session may be gone already; then the forwarding went with it.
        }
    }
}
