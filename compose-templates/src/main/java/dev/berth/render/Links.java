package dev.berth.render;

import dev.berth.plan.PlannedService;
import dev.berth.plan.StackPlan;

/** Where a person opens each app: its sub-domain behind the proxy, or the server's address and port. */
public final class Links {
    private Links() {
    }

    public static String url(StackPlan plan, PlannedService s) {
        var access = plan.answers().access();
        if (access.proxyEnabled() && !s.name().equals("npm")) {
            return "https://" + s.name() + "." + access.domain() + "/";
        }
        // On several hosts, the address of the host the service runs on; on one, the target's.
        var target = plan.answers().target();
        String host = plan.addressOf(s.name()).orElse(target.host() != null ? target.host() : "localhost");
        if (host.indexOf(':') >= 0) {
            host = "[" + host + "]";
        }
        return "http://" + host + ":" + s.hostWebPort() + "/";
    }
}
