package dev.berth.engine.target;

import java.net.InetSocketAddress;

/**
 * A way from this computer to a TCP port on the target's own loopback (127.0.0.1), for talking
 * to an admin API the stack publishes there, or on an address the target reaches (a container's
 * address on the stack's network). The person's computer may not reach the server's
 * ports (a firewall, a home router), but SSH gets through: over SSH this is a local port
 * forwarding; on this computer it is the port itself. Close it when done.
 */
public interface LoopbackTunnel extends AutoCloseable {
    /** Where to connect on this computer to reach the target's port. */
    InetSocketAddress localAddress();

    /** Stops forwarding; connections still open through it may be cut. Never throws. */
    @Override
    void close();

    /** The target is this computer: the port is reached directly, and there is nothing to close. */
    static LoopbackTunnel direct(int port) {
        return direct("127.0.0.1", port);
    }

    /** The target is this computer and reaches {@code host} itself: connect there, nothing to close. */
    static LoopbackTunnel direct(String host, int port) {
        InetSocketAddress address = new InetSocketAddress(host, port);
        return new LoopbackTunnel() {
            @Override
            public InetSocketAddress localAddress() {
                return address;
            }

            @Override
            public void close() {
                // nothing was opened
            }
        };
    }
}
