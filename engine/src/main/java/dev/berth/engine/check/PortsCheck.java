package dev.berth.engine.check;

import dev.berth.engine.ComposeLabels;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.ContainerPort;
import dev.berth.catalog.PortSpec.Protocol;
import dev.berth.engine.target.TargetException;
import dev.berth.plan.PublishedPort;
import dev.berth.plan.StackPlan;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every host port the plan publishes is free on the target. A taken port names its holder where
 * the OS says, and gets the next free port as a suggestion the planner can take. Ports held by
 * this stack's own running containers are fine: that is the stack being deployed again.
 */
public final class PortsCheck implements Check {

    record Inputs(String project, List<PublishedPort> ports) {
    }

    /** A port and protocol, e.g. 6881/udp. */
    record Key(Protocol protocol, int port) {
        @Override
        public String toString() {
            return port + "/" + protocol.key();
        }
    }

    @Override
    public String id() {
        return "ports";
    }

    @Override
    public String title() {
        return "Host ports";
    }

    @Override
    public Object inputs(CheckInputs in) {
        return in.plan().map(p -> new Inputs(p.projectName(), p.publishedPorts())).orElse(null);
    }

    @Override
    public CheckResult run(CheckContext ctx) throws TargetException, InterruptedException {
        StackPlan plan = ctx.requirePlan();
        ListeningSockets.Listing listing = ListeningSockets.read(ctx.target());
        Map<Key, String> holders = new HashMap<>();
        for (ListeningSockets.Listener l : listing.listeners()) {
            holders.merge(new Key(l.protocol(), l.port()), l.process() == null ? "" : l.process(),
                    (a, b) -> a.isEmpty() ? b : a);
        }
        String containersNote = containers(ctx, plan.projectName(), holders);
        Set<Key> wanted = new HashSet<>();
        plan.publishedPorts().forEach(p -> wanted.add(new Key(p.protocol(), p.hostPort())));

        Findings f = new Findings(this);
        List<CheckData.PortSuggestions.Move> suggestions = new ArrayList<>();
        Set<Key> suggested = new HashSet<>();
        for (PublishedPort p : plan.publishedPorts()) {
            Key key = new Key(p.protocol(), p.hostPort());
            String holder = holders.get(key);
            if (holder == null) {
                continue;
            }
            Key free = nextFree(key, holders.keySet(), wanted, suggested);
            suggested.add(free);
            String who = holder.isEmpty() ? "a program the system did not name (run as root to see it: sudo ss -ltunp)" : holder;
            boolean movable = isWebPort(plan, p);
            if (movable) {
                suggestions.add(new CheckData.PortSuggestions.Move(p.forService(), p.purpose(), p.hostPort(), free.port()));
            }
            f.fail("Port " + key + " for " + p.purpose() + " is taken by " + who,
                    (movable ? "Use port " + free.port() + " for " + p.purpose() + " (Berth takes it: 'Use port' on the System check page, or berth check --fix-ports)"
                            : "Free port " + key + " (next free: " + free.port() + ")")
                            + (holder.isEmpty() ? "" : ", or stop " + holder.replaceFirst(" \\(.*", "")));
        }
        String count = plan.publishedPorts().size() + " host ports";
        CheckResult result = f.result("All " + count + " are free");
        String details = (result.details() + "\nListeners read with " + listing.source() + "." + containersNote).strip();
        result = new CheckResult(result.checkId(), result.title(), result.status(), result.summary(), details,
                result.fix(), result.data());
        return suggestions.isEmpty() ? result : result.withData(new CheckData.PortSuggestions(suggestions));
    }

    /**
     * Names holders that are containers, and frees the ports this stack's own containers hold.
     * Without an engine we cannot tell; the ports then count as taken, and the details say why.
     */
    private static String containers(CheckContext ctx, String project, Map<Key, String> holders) {
        List<Container> running;
        try {
            running = ctx.target().docker().listContainersCmd().exec();
        } catch (TargetException | RuntimeException e) {
            return "\nCould not ask Docker which ports containers hold: " + e.getMessage();
        }
        for (Container c : running) {
            boolean own = project.equals(c.getLabels() == null ? null : c.getLabels().get(ComposeLabels.PROJECT));
            String name = c.getNames() == null || c.getNames().length == 0 ? c.getId() : c.getNames()[0].replaceFirst("^/", "");
            for (ContainerPort cp : c.getPorts() == null ? new ContainerPort[0] : c.getPorts()) {
                if (cp.getPublicPort() == null) {
                    continue;
                }
                Key key = new Key("udp".equals(cp.getType()) ? Protocol.UDP : Protocol.TCP, cp.getPublicPort());
                if (own) {
                    holders.remove(key);
                } else {
                    holders.computeIfPresent(key, (k, v) -> "the container " + name);
                }
            }
        }
        return "";
    }

    /** The planner moves only web UI ports (answers.portOverrides); others must be freed. */
    private static boolean isWebPort(StackPlan plan, PublishedPort p) {
        return p.protocol() == Protocol.TCP && plan.service(p.forService()).map(s -> s.hostWebPort() == p.hostPort()).orElse(false);
    }

    /** The next port above the taken one that nothing holds, the plan does not use, and was not suggested yet. */
    static Key nextFree(Key taken, Set<Key> held, Set<Key> wanted, Set<Key> suggested) {
        for (int port = taken.port() + 1; port != taken.port(); port = port == 65535 ? 1024 : port + 1) {
            Key k = new Key(taken.protocol(), port);
            if (!held.contains(k) && !wanted.contains(k) && !suggested.contains(k)) {
                return k;
            }
        }
        return taken;
    }
}
