package dev.berth.engine.vpn;

import dev.berth.engine.target.TargetException;
import dev.berth.engine.vpn.VpnCheck.Kind;
import dev.berth.engine.vpn.VpnCheck.Verdict;
import java.util.Optional;

/**
 * The tunnel's public address (Gluetun's control server) against the server's own (asked from the
 * target, outside the tunnel). PASS only when both are known and differ; either unknown is UNKNOWN
 * with why (a server without internet), the same address a FAIL.
 */
final class PublicAddressCheck {
    private PublicAddressCheck() {
    }

    /** The server's own address, asked only when the tunnel's is known. */
    @FunctionalInterface
    interface ServerAsk {
        ServerAddress.Found ask() throws TargetException;
    }

    record Result(VpnCheck check, Optional<String> tunnelAddress) {
    }

    static Result check(String gateway, GluetunControl.Answer tunnel, ServerAsk server) throws TargetException {
        if (tunnel instanceof GluetunControl.Answer.Failed(String why)) {
            return new Result(new VpnCheck(gateway, Kind.PUBLIC_ADDRESS, Verdict.UNKNOWN, "the tunnel's public address could not"
                    + " be read: " + why), Optional.empty());
        }
        String address = ((GluetunControl.Answer.Ok) tunnel).body().path("public_ip").asText("").strip();
        if (address.isEmpty()) {
            return new Result(new VpnCheck(gateway, Kind.PUBLIC_ADDRESS, Verdict.UNKNOWN, gateway + " does not know its public"
                    + " address yet (it asks once the tunnel is up, through the tunnel): if this stays, the tunnel reaches no"
                    + " internet; see " + gateway + "'s log"), Optional.empty());
        }
        ServerAddress.Found own = server.ask();
        if (own.address().isEmpty()) {
            return new Result(new VpnCheck(gateway, Kind.PUBLIC_ADDRESS, Verdict.UNKNOWN, "through the tunnel: " + address
                    + "; " + own.said()), Optional.of(address));
        }
        if (own.address().get().equals(address)) {
            return new Result(new VpnCheck(gateway, Kind.PUBLIC_ADDRESS, Verdict.FAIL, "the tunnel's public address " + address
                    + " is the server's own (" + own.said() + " says the same): the traffic does not leave through the VPN"
                    + " provider. Check the VPN settings (provider, server, credentials) and " + gateway + "'s log"),
                    Optional.of(address));
        }
        return new Result(new VpnCheck(gateway, Kind.PUBLIC_ADDRESS, Verdict.PASS, address + " through the tunnel, "
                + own.address().get() + " without it (" + own.said() + ")"), Optional.of(address));
    }
}
