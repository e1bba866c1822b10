package dev.berth.testsupport;

import dev.berth.answers.Answers;
import dev.berth.answers.HostAnswers;
import dev.berth.answers.PlacementAnswers;
import dev.berth.answers.TargetAnswers;
import dev.berth.plan.HostAssignment;
import dev.berth.plan.HostLayout;
import dev.berth.plan.PlannedService;
import dev.berth.plan.StackPlan;
import dev.berth.render.ClusterSplit;
import dev.berth.render.HostShare;
import dev.berth.render.PlannedStack;
import dev.berth.render.Renderer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The full-wireguard example placed on two hosts by hand (until the placer decides): {@code nas},
 * the swarm's manager, holds the data tree with the downloads, the *arr apps and the proxy;
 * {@code pc} runs Jellyfin (its media over NFS from nas), Seerr and the monitoring.
 */
public final class TwoHostStacks {
    public static final String NAS = "nas";
    public static final String PC = "pc";
    /** The services on pc; the rest are on nas. */
    public static final Set<String> ON_PC = Set.of("jellyfin", "seerr", "prometheus", "grafana", "node-exporter", "cadvisor",
            "uptime-kuma", "exportarr-sonarr", "exportarr-radarr", "exportarr-lidarr", "exportarr-prowlarr");

    private TwoHostStacks() {
    }

    public static Answers answers() {
        Answers a = Examples.answers("full-wireguard");
        // No target of its own: with hosts the first host's is the stack's.
        return new Answers(a.schemaVersion(), a.projectName(), null, a.storage(), a.services(), a.vpn(), a.access(), a.monitoring(),
                a.media(), a.portOverrides(), a.backup(), List.of(
                new HostAnswers(NAS, new TargetAnswers(TargetAnswers.Kind.SSH, "nas.local", 22, "media", null), "192.168.1.10"),
                new HostAnswers(PC, new TargetAnswers(TargetAnswers.Kind.SSH, "pc.local", 22, "media", null), null)),
                PlacementAnswers.NONE);
    }

    public static PlannedStack whole() {
        StackPlan plan = Examples.repeatablePlanner().plan(answers(), Map.of());
        return new PlannedStack(plan, new Renderer().render(plan));
    }

    /** Each service on the host {@code onPc} does not send to nas; nas holds the data. */
    public static HostLayout layout(StackPlan plan, Set<String> onPc) {
        Map<String, HostAssignment> services = new LinkedHashMap<>();
        for (PlannedService s : plan.services()) {
            String host = onPc.contains(s.name()) ? PC : NAS;
            services.put(s.name(), new HostAssignment(s.name(), host, false, false, List.of("placed by hand for the test")));
        }
        return new HostLayout(List.of(NAS, PC), services, NAS);
    }

    public static List<HostShare> split() {
        PlannedStack whole = whole();
        return new ClusterSplit().split(whole, layout(whole.plan(), ON_PC));
    }
}
