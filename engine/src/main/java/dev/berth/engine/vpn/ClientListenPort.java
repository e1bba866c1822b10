package dev.berth.engine.vpn;

import dev.berth.catalog.DownloadClientSpec;
import dev.berth.engine.target.LoopbackTunnel;
import dev.berth.engine.target.Target;
import dev.berth.engine.target.TargetException;
import dev.berth.engine.wire.ClientListenPorts;
import dev.berth.engine.wire.ServiceAddresses;
import dev.berth.plan.PlannedService;
import dev.berth.plan.StackPlan;
import java.net.URI;
import java.util.function.BooleanSupplier;

/** The routed torrent client's listen port, asked where the target reaches it, with the password Berth generated. */
final class ClientListenPort {
    private final Target target;
    private final String project;
    private final StackPlan plan;
    private final BooleanSupplier cancelled;

    ClientListenPort(Target target, String project, StackPlan plan, BooleanSupplier cancelled) {
        this.target = target;
        this.project = project;
        this.plan = plan;
        this.cancelled = cancelled;
    }

    ForwardedPortCheck.ClientPort read(PlannedService client) {
        DownloadClientSpec spec = client.definition().downloadClient();
        String password = spec.passwordSecret() == null ? null : plan.secrets().get(spec.passwordSecret());
        try (LoopbackTunnel tunnel = ServiceAddresses.onTarget(target, project).open(client)) {
            URI base = URI.create("http://" + tunnel.localAddress().getHostString() + ":" + tunnel.localAddress().getPort() + "/");
            ClientListenPorts.Answer a = ClientListenPorts.read(spec, base, spec.username(), password, cancelled);
            return a.port().isPresent() ? ForwardedPortCheck.ClientPort.of(a.port().getAsInt())
                    : ForwardedPortCheck.ClientPort.unread(a.why());
        } catch (TargetException e) {
            return ForwardedPortCheck.ClientPort.unread(e.getMessage());
        }
    }
}
