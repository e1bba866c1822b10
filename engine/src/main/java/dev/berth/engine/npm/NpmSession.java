package dev.berth.engine.npm;

import dev.berth.engine.target.LoopbackTunnel;
import dev.berth.engine.target.SshTarget;
import dev.berth.engine.target.Target;
import dev.berth.engine.target.TargetException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * A signed-in client of NPM's API on the target, reached from the target's own loopback (through
 * the SSH connection for a server), since this computer may not reach the server's ports.
 */
final class NpmSession implements AutoCloseable {
    private final LoopbackTunnel tunnel;
    private final NpmClient client;

    private NpmSession(LoopbackTunnel tunnel, NpmClient client) {
        this.tunnel = tunnel;
        this.client = client;
    }

    static NpmSession open(Target target, NpmAdmin admin, Duration wait, BooleanSupplier cancelled)
            throws TargetException, NpmException, InterruptedException {
        if (admin.hostPort() == 0) {
            throw new NpmException(NpmException.NO_ANSWER, "Nginx Proxy Manager's admin page is not published on a port of "
                    + target.description() + ", so Berth cannot reach its API to set up the proxy hosts. Do not protect"
                    + " Nginx Proxy Manager itself with Authelia.");
        }
        LoopbackTunnel tunnel = target.openTunnel(admin.hostPort());
        InetSocketAddress at = tunnel.localAddress();
        String where = "Nginx Proxy Manager (port " + admin.hostPort() + " on " + target.description() + ")";
        NpmClient client = new NpmClient(URI.create("http://" + at.getHostString() + ":" + at.getPort() + "/api/"), where);
        try {
            AdminSignIn.signIn(client, admin, wait, cancelled);
            return new NpmSession(tunnel, client);
        } catch (NpmException e) {
            client.close();
            tunnel.close();
            if (e.status() == NpmException.NO_ANSWER && target instanceof SshTarget) {
                throw new NpmException(e.status(), e.getMessage() + " Berth reaches it through the SSH connection; if"
                        + " the server forbids port forwarding (AllowTcpForwarding no in its sshd_config), allow it.", e);
            }
            throw e;
        } catch (InterruptedException | RuntimeException e) {
            client.close();
            tunnel.close();
            throw e;
        }
    }

    NpmClient client() {
        return client;
    }

    @Override
    public void close() {
        client.close();
        tunnel.close();
    }
}
