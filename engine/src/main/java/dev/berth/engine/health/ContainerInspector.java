package dev.berth.engine.health;

import com.github.dockerjava.api.command.HealthState;
import com.github.dockerjava.api.command.HealthStateLog;
import com.github.dockerjava.api.command.InspectContainerResponse;
import dev.berth.engine.health.ServiceHealthMapping.CheckRun;
import dev.berth.engine.health.ServiceHealthMapping.HealthCheck;
import dev.berth.engine.health.ServiceHealthMapping.Inspected;
import dev.berth.engine.target.Target;
import dev.berth.engine.target.TargetException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What {@code docker inspect} says of a container, as {@link ServiceHealthMapping}'s records, and
 * the answers the mapping of an event may need. Remembers which containers have a health check, so
 * a start event costs one inspect per container at most.
 */
final class ContainerInspector implements ServiceHealthMapping.Containers {
    private final Target target;
    private final Map<String, Boolean> hasHealthcheck = new ConcurrentHashMap<>();

    ContainerInspector(Target target) {
        this.target = target;
    }

    /** A container found in a snapshot, under its service's name; remembers whether it has a health check. */
    Inspected inspected(String service, InspectContainerResponse info) {
        var st = info.getState();
        hasHealthcheck.put(info.getId(), st.getHealth() != null);
        return new Inspected(info.getId(), service, st.getStatus(), Boolean.TRUE.equals(st.getRunning()),
                Boolean.TRUE.equals(st.getRestarting()), st.getExitCodeLong(), info.getCreated(), st.getStartedAt(),
                st.getFinishedAt(), healthCheck(st.getHealth()));
    }

    /** The container was removed: nothing more to remember of it. */
    void forget(String containerId) {
        hasHealthcheck.remove(containerId);
    }

    @Override
    public boolean hasHealthcheck(String containerId) {
        return hasHealthcheck.computeIfAbsent(containerId, k -> state(k).map(s -> s.getHealth() != null).orElse(false));
    }

    @Override
    public boolean restarting(String containerId) {
        return state(containerId).map(s -> Boolean.TRUE.equals(s.getRestarting())).orElse(false);
    }

    @Override
    public Optional<HealthCheck> healthCheck(String containerId) {
        return state(containerId).map(s -> healthCheck(s.getHealth()));
    }

    /** Empty when the container is gone already (or the engine cannot be asked). */
    private Optional<InspectContainerResponse.ContainerState> state(String containerId) {
        try {
            return Optional.ofNullable(target.docker().inspectContainerCmd(containerId).exec().getState());
        } catch (TargetException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static HealthCheck healthCheck(HealthState health) {
        if (health == null) {
            return null;
        }
        List<HealthStateLog> log = health.getLog();
        HealthStateLog last = log == null || log.isEmpty() ? null : log.getLast();
        return new HealthCheck(health.getStatus(), last == null ? null : new CheckRun(last.getExitCodeLong(), last.getOutput()));
    }
}
