package dev.berth.engine.vpn;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.github.dockerjava.api.command.InspectContainerResponse;
import dev.berth.answers.Answers;
import dev.berth.answers.VpnAnswers;
import dev.berth.catalog.Catalog;
import dev.berth.engine.ComposeTool;
import dev.berth.engine.deploy.DeploymentResult;
import dev.berth.engine.deploy.StandInStacks;
import dev.berth.engine.target.ExecResult;
import dev.berth.engine.target.LocalTarget;
import dev.berth.plan.Planner;
import dev.berth.plan.StackPlan;
import dev.berth.testsupport.Await;
import dev.berth.testsupport.Examples;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small stack deployed for real on this engine with stand-in images: Jellyfin on the stack's
 * network and qBittorrent routed through Gluetun ({@code network_mode: service:gluetun}).
 */
final class RoutedStack implements AutoCloseable {
    static final String GLUETUN = "gluetun";
    static final String APP = "qbittorrent";
    private static final Pattern NAMESPACE = Pattern.compile("net:\\[\\d+]");

    final LocalTarget local = new LocalTarget();
    final String project = StandInStacks.project();
    final StackPlan plan;

    RoutedStack(Path root) throws Exception {
        java.nio.file.Files.createDirectories(root);
        Answers base = Examples.answers("minimal-jellyfin").withServices(List.of("jellyfin", APP));
        VpnAnswers vpn = Examples.answers("full-wireguard").vpn();
        base = base.withVpn(new VpnAnswers(true, vpn.provider(), vpn.type(), vpn.wireguard(), vpn.openvpn(), vpn.countries(),
                List.of(APP), vpn.lanSubnet()));
        plan = new Planner(Catalog.builtIn()).plan(StandInStacks.deployable(base, root, project), Map.of());
        DeploymentResult up = StandInStacks.up(local, plan, ComposeTool.PLUGIN);
        assertInstanceOf(DeploymentResult.Succeeded.class, up, up::toString);
        awaitGluetunHealthy();
        Await.until(APP + " running", () -> RoutedContainers.running(inspect(APP)));
    }

    String id(String service) throws Exception {
        return StandInStacks.containerIds(project).get(service);
    }

    InspectContainerResponse inspect(String service) throws Exception {
        return local.docker().inspectContainerCmd(id(service)).exec();
    }

    void awaitGluetunHealthy() {
        Await.until(GLUETUN + " healthy", () -> RoutedContainers.runningAndHealthy(inspect(GLUETUN)));
    }

    /** Runs a program inside the service's container. */
    ExecResult exec(String service, String... argv) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of("docker", "exec", id(service)));
        cmd.addAll(List.of(argv));
        return local.exec(cmd, Duration.ofSeconds(30));
    }

    /** The network namespace the service's container is in, read with BusyBox's own {@code ls -l} (not the code under test). */
    String namespace(String service) throws Exception {
        ExecResult r = exec(service, "/bin/busybox", "ls", "-l", "/proc/self/ns/net");
        Matcher m = NAMESPACE.matcher(r.stdout());
        if (!m.find()) {
            throw new AssertionError("no namespace in: " + r);
        }
        return m.group();
    }

    /** The interfaces the container's /sys/class/net lists. */
    String interfaces(String service) throws Exception {
        return String.join(" ", exec(service, "ls", "/sys/class/net").stdout().strip().split("\\s+"));
    }

    String startedAt(String service) throws Exception {
        return inspect(service).getState().getStartedAt();
    }

    /** Compose, run on the stack's folder as the deploy runs it. */
    ExecResult compose(String... args) throws Exception {
        return local.exec(ComposeTool.PLUGIN.argv(project, plan.answers().storage().stackDir(), args), Duration.ofMinutes(3));
    }

    @Override
    public void close() {
        StandInStacks.remove(project);
        local.close();
    }
}
