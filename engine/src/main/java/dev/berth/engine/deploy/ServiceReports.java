package dev.berth.engine.deploy;

import dev.berth.answers.TargetAnswers;
import dev.berth.engine.health.HealthMonitor;
import dev.berth.engine.health.ProbeAddress;
import dev.berth.engine.health.ServiceHealth;
import dev.berth.engine.target.TargetException;
import dev.berth.plan.PlannedService;
import dev.berth.plan.StackPlan;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A {@link DeployReport} from what a health monitor knows, for the end of a deploy and for {@code berth status}. */
final class ServiceReports {
    private ServiceReports() {
    }

    /**
     * The services that answer HTTP: published web port (or none, behind Authelia), the port inside
     * the stack's network and the catalog's health path.
     */
    static Map<String, ProbeAddress> webEndpoints(StackPlan plan) {
        Map<String, ProbeAddress> web = new LinkedHashMap<>();
        for (PlannedService s : plan.services()) {
            if (s.webPort() != 0 && s.definition().web() != null) {
                web.put(s.name(), new ProbeAddress(s.hostWebPort(), s.webPort(), s.definition().web().healthPath()));
            }
        }
        return web;
    }

    /**
     * @param notUp    the services the report counts as not up
     * @param withLogs read the last log lines of those services (before a rollback removes them)
     */
    static DeployReport build(StackPlan plan, HealthMonitor m, Set<String> notUp, boolean withLogs) {
        Redactor redactor = new Redactor(plan.secrets().values());
        List<DeployReport.ServiceReport> out = new ArrayList<>();
        for (PlannedService s : plan.services()) {
            ServiceHealth h = m.health(s.name());
            boolean failed = notUp.contains(s.name());
            List<String> tail = List.of();
            if (failed && withLogs) {
                try {
                    // An app may print a secret it was given (NPM logs its initial admin password).
                    tail = m.logTail(s.name(), HealthMonitor.LOG_TAIL).stream().map(redactor::redact).toList();
                } catch (TargetException | RuntimeException e) {
                    tail = List.of("(could not read the log: " + e.getMessage() + ")");
                }
            }
            String detail = h.detail();
            // A container's address may be out of the host's reach (Docker Desktop): only a published
            // page that does not answer is worth a word.
            if (h.probe() != null && !h.probe().ok() && s.hostWebPort() != 0) {
                String probe = "probe of " + h.probe().url() + " failed"
                        + (h.probe().detail().isBlank() ? "" : ": " + h.probe().detail().strip());
                detail = detail.isBlank() ? probe : detail.strip() + "; " + probe;
            }
            String url = webUrl(plan, s);
            out.add(new DeployReport.ServiceReport(s.name(), h.state(), detail, url, tail, !failed));
        }
        return new DeployReport(out);
    }

    /** Where the person opens the service's published page, or null when it has none. */
    static String webUrl(StackPlan plan, PlannedService s) {
        if (s.hostWebPort() == 0 || s.definition().web() == null) {
            return null;
        }
        // On a stack across several hosts, the service's own host, not the first host's.
        return "http://" + plan.addressOf(s.name()).map(ServiceReports::bracketed).orElse(host(plan)) + ":" + s.hostWebPort() + "/";
    }

    /** Where the person reaches the server: the SSH host, or this computer. */
    private static String host(StackPlan plan) {
        TargetAnswers t = plan.answers().target();
        if (t != null && t.kind() == TargetAnswers.Kind.SSH && t.host() != null && !t.host().isBlank()) {
            return bracketed(t.host());
        }
        return "localhost";
    }

    /** An IPv6 address in brackets, as a URL needs it. */
    private static String bracketed(String h) {
        return h.contains(":") && !h.startsWith("[") ? "[" + h + "]" : h;
    }
}
