package dev.berth.engine.health;

import dev.berth.engine.health.ServiceHealthMapping.EngineEvent;
import dev.berth.engine.health.ServiceHealthMapping.Inspected;
import dev.berth.engine.target.Target;
import dev.berth.engine.target.TargetException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Follows the services of one Compose project on a target, as Docker reports them, and publishes
 * every change. The parts: {@link EventStreamFollower} reads the engine (a snapshot, then its event
 * stream, again after a drop), {@link ServiceHealthMapping} turns what it read into
 * {@link ServiceHealth}, {@link ProbeScheduler} asks the services with a web port over HTTP from
 * the target itself (at the published port, else at the container's address), and
 * {@link KnownHealth} holds the result and tells listeners and waiters.
 *
 * <p>Every change is applied on one updates thread, in the order the engine sent it, so listeners
 * see a consistent story: events, snapshots and probe results all pass through it.
 */
public final class HealthMonitor implements AutoCloseable {
    /** Lines of a failed service's log the report shows. */
    public static final int LOG_TAIL = 50;

    private final Target target;
    private final String project;
    private final KnownHealth known = new KnownHealth();
    /** The one thread that changes state. */
    private final ExecutorService updates;
    /** Timers for reconnecting and for probes; the work itself runs elsewhere. */
    private final ScheduledExecutorService timers;
    private final EventStreamFollower events;
    private final ProbeScheduler probes;
    private volatile boolean closed;

    private HealthMonitor(Target target, String project, Map<String, ProbeAddress> web) {
        this.target = target;
        this.project = project;
        this.updates = Executors.newSingleThreadExecutor(Thread.ofPlatform().daemon().name("berth-health-" + project).factory());
        this.timers = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("berth-health-timer").factory());
        this.events = new EventStreamFollower(target, project, this::runUpdate, timers, this::onSnapshot, this::onEvent);
        this.probes = new ProbeScheduler(target, project, web, timers, new ProbeLoop.Host() {
            @Override
            public boolean closed() {
                return closed;
            }

            @Override
            public ServiceState state(String service) {
                return health(service).state();
            }

            @Override
            public String containerId(String service) {
                return health(service).containerId();
            }

            @Override
            public void report(String service, ProbeResult r) {
                runUpdate(() -> known.recordProbe(service, r));
            }
        });
    }

    /**
     * Starts following a project: takes the snapshot and opens the event stream before returning,
     * so {@link #current()} is right from the start.
     *
     * @param web the services that answer HTTP, with their published port (if any), container port and health path
     * @throws TargetException when the target's Docker engine cannot be reached
     */
    public static HealthMonitor start(Target target, String project, Map<String, ProbeAddress> web) throws TargetException {
        HealthMonitor m = new HealthMonitor(target, project, web);
        try {
            m.updates.submit(() -> {
                m.events.connect();
                return null;
            }).get();
        } catch (ExecutionException e) {
            m.close();
            if (e.getCause() instanceof TargetException te) {
                throw te;
            }
            throw new TargetException(TargetException.Reason.DOCKER_UNREACHABLE, "Cannot follow the containers on "
                    + target.description() + ": " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            m.close();
            Thread.currentThread().interrupt();
            throw new TargetException(TargetException.Reason.DOCKER_UNREACHABLE, "Interrupted while connecting", e);
        }
        m.probes.start();
        return m;
    }

    /** Called on the updates thread with every change; keep it quick, it holds up the next event. */
    public void addListener(Consumer<ServiceHealth> listener) {
        known.addListener(listener);
    }

    /** Every service seen so far, by name. */
    public Map<String, ServiceHealth> current() {
        return Map.copyOf(known.view());
    }

    /** One service, {@link ServiceState#MISSING} when no container of it exists. */
    public ServiceHealth health(String service) {
        return known.get(service);
    }

    /**
     * Blocks until every listed service is up: healthy; or still starting by Docker's health check
     * but answering its health path, at its published port or its container's address (the page
     * answering is what the check waits for, and Docker runs its next check only an interval
     * later); or running without a health check (and, when it publishes a web port, answering its
     * health path, since that is then the only sign of life).
     *
     * @return the services' health at that moment
     * @throws NotHealthyException  at the time limit, or when the monitor is closed, naming each service not up
     * @throws InterruptedException when the waiting thread is interrupted (how a caller cancels)
     */
    public Map<String, ServiceHealth> awaitAllHealthy(Duration timeout, Set<String> services)
            throws NotHealthyException, InterruptedException {
        return known.await(timeout, services, this::ready, () -> closed);
    }

    /** Whether a service counts as up for {@link #awaitAllHealthy}. */
    public boolean ready(ServiceHealth h) {
        return switch (h.state()) {
            case HEALTHY -> true;
            case STARTING -> h.answers();
            case RUNNING -> !probes.probes(h.service()) || h.answers();
            default -> false;
        };
    }

    /**
     * The last lines a service's container printed, stdout and stderr interleaved as Docker stored
     * them, for the failure report. Empty when the service has no container.
     */
    public List<String> logTail(String service, int lines) throws TargetException {
        return ServiceLogs.tail(target, project, service, lines);
    }

    /** How often the event stream was opened: once, plus once per reconnect (tests look). */
    int connections() {
        return events.connections();
    }

    private void runUpdate(Runnable r) {
        if (!closed) {
            try {
                updates.execute(r);
            } catch (RejectedExecutionException e) {
                // closing: nothing left to update
            }
        }
    }

    // The follower's news, on the updates thread.

    private void onSnapshot(List<Inspected> oldestFirst) {
        ServiceHealthMapping.snapshot(known.view(), oldestFirst, Instant.now()).forEach(known::apply);
    }

    private void onEvent(EngineEvent event) {
        ServiceHealthMapping.fromEvent(project, event, known.view(), events.containers()).ifPresent(seen -> {
            known.apply(seen);
            probes.dockerSaid(seen);
        });
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            updates.submit(events::close).get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            // the stream goes with the executor anyway
        }
        updates.shutdownNow();
        timers.shutdownNow();
        known.wakeWaiters();
    }
}
