package dev.berth.engine.deploy;

import dev.berth.engine.health.HealthMonitor;
import dev.berth.engine.health.ProbeAddress;
import dev.berth.engine.health.ServiceHealth;
import dev.berth.engine.health.ServiceState;
import dev.berth.engine.target.Target;
import dev.berth.engine.target.TargetException;
import dev.berth.plan.PlannedService;
import dev.berth.plan.StackPlan;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The live state of a deployed stack, once: what the engine says of each container plus one
 * round of health probes, as {@code berth status} prints it.
 */
public final class StackStatus {
    private StackStatus() {
    }

    /**
     * @param settle how long to give the first probes to answer before reporting what is known
     */
    public static DeployReport read(Target target, StackPlan plan, Duration settle) throws TargetException, InterruptedException {
        Map<String, ProbeAddress> web = ServiceReports.webEndpoints(plan);
        try (HealthMonitor m = HealthMonitor.start(target, plan.projectName(), web)) {
            long deadline = System.nanoTime() + settle.toNanos();
            while (System.nanoTime() < deadline && !probed(m, web.keySet())) {
                Thread.sleep(50);
            }
            Set<String> notUp = new LinkedHashSet<>();
            for (PlannedService s : plan.services()) {
                // As the deploy's wait counts it: a starting service whose page answers is up.
                if (!m.ready(m.health(s.name()))) {
                    notUp.add(s.name());
                }
            }
            return ServiceReports.build(plan, m, notUp, false);
        }
    }

    /** Every running web service has had a probe answer (or no answer) by now. */
    private static boolean probed(HealthMonitor m, Set<String> web) {
        for (String s : web) {
            ServiceHealth h = m.health(s);
            if ((h.state().up() || h.state() == ServiceState.STARTING) && h.probe() == null) {
                return false;
            }
        }
        return true;
    }
}
