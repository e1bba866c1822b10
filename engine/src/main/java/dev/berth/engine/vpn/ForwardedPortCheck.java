package dev.berth.engine.vpn;

import dev.berth.engine.vpn.VpnCheck.Kind;
import dev.berth.engine.vpn.VpnCheck.Verdict;
import dev.berth.plan.PlannedService;
import java.util.Optional;

/**
 * The port the provider forwards (Gluetun's control server) against the port the torrent client
 * listens on: PASS only when they are the same; no port yet is UNKNOWN, a different one a FAIL
 * (not a leak, but peers cannot reach the client: Gluetun's hook did not reach it).
 */
final class ForwardedPortCheck {
    private ForwardedPortCheck() {
    }

    /** What the client says it listens on, or why it could not be read. */
    record ClientPort(Optional<Integer> port, String why) {
        static ClientPort of(int port) {
            return new ClientPort(Optional.of(port), "");
        }

        static ClientPort unread(String why) {
            return new ClientPort(Optional.empty(), why);
        }
    }

    /** Reads the client's listen port; asked only when a port is forwarded. */
    @FunctionalInterface
    interface ClientPortReader {
        ClientPort read(PlannedService client);
    }

    record Result(VpnCheck check, Optional<Integer> port) {
    }

    static Result check(String gateway, PlannedService client, GluetunControl.Answer answer, ClientPortReader reader) {
        if (answer instanceof GluetunControl.Answer.Failed(String why)) {
            return new Result(new VpnCheck(gateway, Kind.FORWARDED_PORT, Verdict.UNKNOWN, "the forwarded port could not be"
                    + " read: " + why), Optional.empty());
        }
        int port = ((GluetunControl.Answer.Ok) answer).body().path("port").asInt(0);
        if (port <= 0) {
            return new Result(new VpnCheck(gateway, Kind.FORWARDED_PORT, Verdict.UNKNOWN, "no port forwarded yet; the provider"
                    + " may take a minute after the tunnel is up (berth status asks again)"), Optional.empty());
        }
        ClientPort listening = reader.read(client);
        String name = client.displayName();
        if (listening.port().isEmpty()) {
            return new Result(new VpnCheck(gateway, Kind.FORWARDED_PORT, Verdict.UNKNOWN, "the provider forwards port " + port
                    + "; " + name + "'s listen port could not be read: " + listening.why()), Optional.of(port));
        }
        if (listening.port().get() != port) {
            return new Result(new VpnCheck(gateway, Kind.FORWARDED_PORT, Verdict.FAIL, "the provider forwards port " + port
                    + ", but " + name + " listens on " + listening.port().get() + ": Gluetun's port-forwarding hook did not"
                    + " reach it, so peers cannot connect. See " + gateway + "'s log for the hook's output, then run berth"
                    + " deploy"), Optional.of(port));
        }
        return new Result(new VpnCheck(gateway, Kind.FORWARDED_PORT, Verdict.PASS, "port " + port + ", and " + name
                + " listens on it"), Optional.of(port));
    }
}
