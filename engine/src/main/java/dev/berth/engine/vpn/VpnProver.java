package dev.berth.engine.vpn;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.ContainerNetwork;
import dev.berth.catalog.VpnGatewaySpec;
import dev.berth.engine.target.ExecResult;
import dev.berth.engine.target.Target;
import dev.berth.engine.target.TargetException;
import dev.berth.engine.vpn.VpnCheck.Kind;
import dev.berth.engine.vpn.VpnCheck.Verdict;
import dev.berth.plan.PlannedService;
import dev.berth.plan.PortForwarding;
import dev.berth.plan.StackPlan;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * Proves, on the target, that every app routed through Gluetun can reach the internet only
 * through the tunnel: after every deploy and in {@code berth status}. Routed apps that lost
 * Gluetun's network are brought back first; a leak stops the routed apps.
 */
public final class VpnProver {
    private static final Duration EXEC_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration STOP_GRACE = Duration.ofSeconds(10);

    private final Target target;
    private final String projectName;
    private final Repair repair;
    private final GatewayDown gatewayDown;

    /** Brings back routed apps that lost Gluetun's network ({@link RoutedAppsRepair}): their names. */
    @FunctionalInterface
    interface Repair {
        List<String> repair(StackPlan plan) throws TargetException;
    }

    /** The checks while Gluetun does not run ({@link KillSwitch}): a routed app must then have no network. */
    @FunctionalInterface
    interface GatewayDown {
        List<VpnCheck> check(StackPlan plan) throws TargetException;
    }

    public VpnProver(Target target, String projectName) {
        this(target, projectName, new RoutedAppsRepair(target)::repair, new KillSwitch(target)::check);
    }

    VpnProver(Target target, String projectName, Repair repair, GatewayDown gatewayDown) {
        this.target = target;
        this.projectName = projectName;
        this.repair = repair;
        this.gatewayDown = gatewayDown;
    }

    /** Whether the stack routes any app through the VPN. */
    public static boolean needed(StackPlan plan) {
        return !RoutedContainers.routed(plan).isEmpty();
    }

    /**
     * Repairs routed apps that lost Gluetun's network, checks each routed app, and stops them all
     * when a check finds a leak.
     *
     * @throws TargetException when the target cannot be reached at all (a check that cannot tell is UNKNOWN, not this)
     */
    public VpnProof prove(StackPlan plan, BooleanSupplier cancelled) throws TargetException {
        List<String> repaired = repair.repair(plan);
        PlannedService gateway = gateway(plan);
        VpnGatewaySpec spec = gateway.definition().vpnGateway();
        List<PlannedService> routed = RoutedContainers.routed(plan);
        RoutedContainers containers = new RoutedContainers(target, projectName);

        Optional<InspectContainerResponse> gluetun = containers.container(gateway.name());
        if (gluetun.isEmpty() || !RoutedContainers.running(gluetun.get())) {
            return finish(gatewayDown.check(plan), Optional.empty(), Optional.empty(), routed, containers, repaired);
        }
        LeakChecks.Seen gluetunSeen = seen(gateway.name(), gluetun.get(), cancelled);
        LeakChecks leakChecks = new LeakChecks(spec, gateway.name());
        List<VpnCheck> checks = new ArrayList<>();
        for (PlannedService app : routed) {
            Optional<InspectContainerResponse> inspected = containers.container(app.name());
            if (inspected.isEmpty()) {
                checks.add(new VpnCheck(app.name(), Kind.NAMESPACE, Verdict.UNKNOWN, app.name() + " has no container in project "
                        + projectName + ": deploy the stack again"));
                continue;
            }
            checks.addAll(leakChecks.check(seen(app.name(), inspected.get(), cancelled), gluetunSeen));
        }

        Optional<String> publicAddress = Optional.empty();
        Optional<Integer> forwardedPort = Optional.empty();
        String key = plan.secrets().get(spec.keySecret());
        String address = stackAddress(gluetun.get());
        if (key == null || key.isEmpty() || address == null) {
            String why = key == null || key.isEmpty() ? "the stack has no key for Gluetun's control server (secrets/"
                    + spec.keySecret() + "): deploy again to make one" : gateway.name() + " has no address on the network "
                    + projectName + "_" + StackPlan.NETWORK + ": deploy again";
            checks.add(new VpnCheck(gateway.name(), Kind.PUBLIC_ADDRESS, Verdict.UNKNOWN, why));
            PortForwarding.of(plan).ifPresent(pf -> checks.add(new VpnCheck(gateway.name(), Kind.FORWARDED_PORT, Verdict.UNKNOWN, why)));
        } else {
            try (GluetunControl control = GluetunControl.open(target, address, spec.controlPort(), key)) {
                PublicAddressCheck.Result result = PublicAddressCheck.check(gateway.name(), control.publicIp(),
                        () -> ServerAddress.ask(target, cancelled));
                checks.add(result.check());
                publicAddress = result.tunnelAddress();
                Optional<PortForwarding> forwarding = PortForwarding.of(plan);
                if (forwarding.isPresent()) {
                    ForwardedPortCheck.Result port = ForwardedPortCheck.check(gateway.name(), forwarding.get().client(),
                            control.forwardedPort(), new ClientListenPort(target, projectName, plan, cancelled)::read);
                    checks.add(port.check());
                    forwardedPort = port.port();
                }
            }
        }
        return finish(checks, publicAddress, forwardedPort, routed, containers, repaired);
    }

    /** On any leak, stops every routed app that runs, and says so in each leak's FAIL. */
    private VpnProof finish(List<VpnCheck> checks, Optional<String> publicAddress, Optional<Integer> forwardedPort,
                            List<PlannedService> routed, RoutedContainers containers, List<String> repaired)
            throws TargetException {
        // A forwarded port that missed the client is a FAIL, but no leak: only leaks stop the apps.
        if (checks.stream().noneMatch(VpnCheck::leak)) {
            return new VpnProof(checks, publicAddress, forwardedPort, List.of(), repaired);
        }
        List<String> stopped = new ArrayList<>();
        DockerClient docker = target.docker();
        for (PlannedService app : routed) {
            Optional<InspectContainerResponse> c = containers.container(app.name()).filter(RoutedContainers::running);
            if (c.isPresent()) {
                try {
                    docker.stopContainerCmd(c.get().getId()).withTimeout((int) STOP_GRACE.toSeconds()).exec();
                    stopped.add(app.name());
                } catch (com.github.dockerjava.api.exception.NotModifiedException alreadyStopped) {
                    stopped.add(app.name());
                }
            }
        }
        String sentence = stopped.isEmpty() ? ""
                : " Berth stopped " + String.join(", ", stopped) + " so nothing leaks; berth deploy (or the wizard) starts "
                + (stopped.size() == 1 ? "it" : "them") + " again after the fix.";
        List<VpnCheck> told = stopped.isEmpty() ? checks : checks.stream().map(c -> c.leak()
                ? new VpnCheck(c.service(), c.kind(), c.verdict(), c.detail() + "." + sentence) : c).toList();
        return new VpnProof(told, publicAddress, forwardedPort, stopped, repaired);
    }

    private static PlannedService gateway(StackPlan plan) {
        return RoutedContainers.gateway(plan).orElseThrow(() -> new IllegalArgumentException("the plan routes apps through the VPN but has no gateway"));
    }

    private static String gatewayName(StackPlan plan) {
        return gateway(plan).name();
    }

    /** One exec per container: every fact at once, parsed in Java. */
    private LeakChecks.Seen seen(String service, InspectContainerResponse c, BooleanSupplier cancelled) throws TargetException {
        boolean running = Boolean.TRUE.equals(c.getState().getRunning());
        NamespaceFacts facts = NamespaceFacts.parse("");
        if (running) {
            ExecResult r = target.exec(List.of("docker", "exec", c.getId(), "sh", "-c", NamespaceFacts.SCRIPT), EXEC_TIMEOUT,
                    cancelled);
            facts = NamespaceFacts.parse(r.stdout());
        }
        return new LeakChecks.Seen(service, c.getId(), running, c.getHostConfig().getNetworkMode(), facts);
    }

    private String stackAddress(InspectContainerResponse gluetun) {
        ContainerNetwork network = gluetun.getNetworkSettings().getNetworks().get(projectName + "_" + StackPlan.NETWORK);
        return network == null || network.getIpAddress() == null || network.getIpAddress().isEmpty() ? null : network.getIpAddress();
    }
}
