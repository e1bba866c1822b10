package dev.berth.engine.health;

import dev.berth.engine.ComposeLabels;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Docker's view of a project's containers (what inspect says, what an event says happened) as
 * {@link ServiceHealth}. Pure: no Docker client, no threads, no clock (callers pass "now"), so
 * every state the monitor tells apart is checked without an engine. {@link EventStreamFollower}
 * reads Docker into these records; {@link HealthMonitor} applies the results.
 */
final class ServiceHealthMapping {
    private ServiceHealthMapping() {
    }

    /**
     * What {@code docker inspect} says of one container of a service. The times (created,
     * startedAt, finishedAt) are as Docker writes them: RFC 3339, "0001-…" when not yet.
     *
     * @param service     the Compose service label
     * @param status      Docker's status word ("created", "running", "exited" …)
     * @param exitCode    the last exit code, null when Docker gave none
     * @param healthCheck null when the image has no health check
     */
    record Inspected(String id, String service, String status, boolean running, boolean restarting, Long exitCode,
                     String created, String startedAt, String finishedAt, HealthCheck healthCheck) {
    }

    /**
     * A container's health check.
     *
     * @param status  Docker's word: "starting", "healthy" or "unhealthy"
     * @param lastRun the latest run in Docker's health log, null before the first
     */
    record HealthCheck(String status, CheckRun lastRun) {
        /** For the detail of an unhealthy service: "health check exit 1: connection refused". */
        String detail() {
            if (lastRun == null) {
                return "";
            }
            String out = lastRun.output() == null ? "" : lastRun.output().strip();
            return "health check exit " + lastRun.exitCode() + (out.isEmpty() ? "" : ": " + out);
        }
    }

    /** One run of a health check: its exit code and what it printed. */
    record CheckRun(Long exitCode, String output) {
    }

    /**
     * One container event as the engine sent it.
     *
     * @param action     e.g. "start", "die", "health_status: healthy"; null when the engine gave none
     * @param attributes the container's labels plus the event's own fields (e.g. "exitCode" on die)
     * @param at         when it happened, by the engine's clock
     */
    record EngineEvent(String action, String containerId, Map<String, String> attributes, Instant at) {
        EngineEvent {
            attributes = attributes == null ? Map.of() : attributes;
        }
    }

    /**
     * What the mapping of an event may need to ask the engine about the container it names. A
     * container that is gone already has no health check, is not restarting and has no check output.
     */
    interface Containers {
        boolean hasHealthcheck(String containerId);

        /** Docker marks a container restarting before it sends die, when its restart policy applies. */
        boolean restarting(String containerId);

        Optional<HealthCheck> healthCheck(String containerId);
    }

    /** A service as inspect sees it (no probe: that is not Docker's to say). */
    static ServiceHealth fromInspect(Inspected c, Instant now) {
        ServiceState state;
        String detail = "";
        Instant since = time(c.startedAt(), now);
        if (c.restarting()) {
            state = ServiceState.RESTARTING;
            detail = exitDetail(c.exitCode());
            since = time(c.finishedAt(), now);
        } else if (c.running()) {
            state = c.healthCheck() == null ? ServiceState.RUNNING : switch (String.valueOf(c.healthCheck().status())) {
                case "healthy" -> ServiceState.HEALTHY;
                case "unhealthy" -> ServiceState.UNHEALTHY;
                default -> ServiceState.STARTING;
            };
            if (state == ServiceState.UNHEALTHY) {
                detail = c.healthCheck().detail();
            }
        } else if ("created".equals(c.status())) {
            state = ServiceState.CREATED;
            since = time(c.created(), now);
        } else {
            state = ServiceState.EXITED;
            detail = exitDetail(c.exitCode());
            since = time(c.finishedAt(), now);
        }
        return new ServiceHealth(c.service(), state, since, detail, null, c.id());
    }

    /**
     * A fresh snapshot, as the changes to apply in order: each container (oldest first, so when a
     * service has two mid-recreate the newest is applied last), then {@link ServiceState#MISSING}
     * for each known service no container has any more.
     */
    static List<ServiceHealth> snapshot(Map<String, ServiceHealth> known, List<Inspected> oldestFirst, Instant now) {
        List<ServiceHealth> seen = new ArrayList<>();
        Set<String> services = new TreeSet<>();
        for (Inspected c : oldestFirst) {
            services.add(c.service());
            seen.add(fromInspect(c, now));
        }
        for (String service : new TreeSet<>(known.keySet())) {
            if (!services.contains(service) && known.get(service).state() != ServiceState.MISSING) {
                seen.add(ServiceHealth.missing(service, now));
            }
        }
        return seen;
    }

    /**
     * What an event says of its service; empty when it says nothing: an exec (health checks run as
     * execs), another project, a container without a service label, a health status other than
     * healthy or unhealthy, or news of a container its service has moved on from.
     */
    static Optional<ServiceHealth> fromEvent(String project, EngineEvent e, Map<String, ServiceHealth> known,
                                             Containers containers) {
        String action = e.action();
        String service = e.attributes().get(ComposeLabels.SERVICE);
        if (action == null || action.startsWith("exec_") || service == null
                || !project.equals(e.attributes().get(ComposeLabels.PROJECT))) {
            return Optional.empty();
        }
        String id = e.containerId();
        ServiceHealth now = known.get(service);
        // Events of a container the service has moved on from (Compose removing the old one after
        // a recreate) must not overwrite the new container's state; create and start come from the new one.
        boolean ours = now == null || now.containerId() == null || now.containerId().equals(id);
        ServiceHealth seen = switch (action) {
            case "create" -> health(service, ServiceState.CREATED, e, "", id);
            case "start", "restart" ->
                    health(service, containers.hasHealthcheck(id) ? ServiceState.STARTING : ServiceState.RUNNING, e, "", id);
            case "health_status: healthy" -> ours ? health(service, ServiceState.HEALTHY, e, "", id) : null;
            case "health_status: unhealthy" -> ours ? health(service, ServiceState.UNHEALTHY, e,
                    containers.healthCheck(id).map(HealthCheck::detail).orElse(""), id) : null;
            case "die" -> {
                if (!ours) {
                    yield null;
                }
                String exit = e.attributes().get("exitCode");
                yield health(service, containers.restarting(id) ? ServiceState.RESTARTING : ServiceState.EXITED, e,
                        exit == null ? "" : "exit code " + exit, id);
            }
            case "destroy" -> ours ? health(service, ServiceState.MISSING, e, "", null) : null;
            // other health_status values ("starting") add nothing to what start said
            default -> null;
        };
        return Optional.ofNullable(seen);
    }

    /**
     * What a service becomes when Docker says {@code seen}: the new state with the last probe kept,
     * or empty when state, detail and container are what they were (a replayed event publishes nothing).
     * A (re)start drops the probe: a page that answered before says nothing of the process just
     * started, and an answering page counts as up ({@link HealthMonitor}).
     */
    static Optional<ServiceHealth> next(ServiceHealth before, ServiceHealth seen) {
        if (before == null) {
            return Optional.of(seen);
        }
        if (before.state() == seen.state() && before.detail().equals(seen.detail())
                && Objects.equals(before.containerId(), seen.containerId())) {
            return Optional.empty();
        }
        boolean started = running(seen.state()) && !running(before.state());
        return Optional.of(started ? seen : seen.withProbe(before.probe()));
    }

    private static boolean running(ServiceState s) {
        return s == ServiceState.STARTING || s == ServiceState.RUNNING || s == ServiceState.HEALTHY
                || s == ServiceState.UNHEALTHY;
    }

    private static ServiceHealth health(String service, ServiceState state, EngineEvent e, String detail, String id) {
        return new ServiceHealth(service, state, e.at(), detail, null, id);
    }

    private static String exitDetail(Long exitCode) {
        return exitCode == null ? "" : "exit code " + exitCode;
    }

    /** Docker's time, or now when it has none ("0001-01-01T00:00:00Z") or an unreadable one. */
    private static Instant time(String text, Instant now) {
        try {
            return text == null || text.startsWith("0001-") ? now : OffsetDateTime.parse(text).toInstant();
        } catch (RuntimeException e) {
            return now;
        }
    }
}
