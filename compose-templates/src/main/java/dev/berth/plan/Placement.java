package dev.berth.plan;

/** Which network a service lives in. */
public enum Placement {
    /** The stack's own bridge network; reachable by service name. */
    BRIDGE,
    /** The host's network (exporters, Fail2Ban); no ports to publish. */
    HOST,
    /** Gluetun's network namespace: all traffic through the VPN, reachable as {@code gluetun:<port>}. */
    VPN;

    /** The host name other containers of the stack use to reach a service placed here. */
    public String addressOf(String serviceName) {
        return switch (this) {
            case VPN -> "gluetun";
            case HOST -> "host.docker.internal";
            case BRIDGE -> serviceName;
        };
    }
}
