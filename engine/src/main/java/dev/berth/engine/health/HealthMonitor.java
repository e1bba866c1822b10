package dev.berth.engine.health;

import dev.berth.engine.ComposeLabels;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.HealthStateLog;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Event;
import com.github.dockerjava.api.model.EventType;
import dev.berth.engine.target.Target;
import dev.berth.engine.target.TargetException;
import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Follows the services of one Compose project on a target, as Docker reports them, and publishes
 * every change. Containers are found by the Compose labels, never by name, so a project renamed
 * by the person or a container recreated by Compose is still followed.
 *
 * <p>Event-driven: one snapshot, then the engine's event stream (create, start, die, restart,
 * destroy, health_status). Every change is applied on one thread, in the order the engine sent
 * it, so listeners see a consistent story. When the stream drops it reconnects with back-off, and
 * takes a fresh snapshot plus the events since, so nothing that happened in between is lost.
 *
 * <p>Services with a web port are also probed over HTTP from the target itself.
 */
public final class HealthMonitor implements AutoCloseable {
    /** Lines of a failed service's log the report shows. */
    public static final int LOG_TAIL = 50;

    static final Duration RECONNECT_FIRST = Duration.ofMillis(500);
    static final Duration RECONNECT_MAX = Duration.ofSeconds(30);

    private final Target target;
    private final String project;
    private final Map<String, ProbeAddress> web;
    private final HttpProber prober;
    private final Map<String, ServiceHealth> current = new ConcurrentHashMap<>();
    /** Containers known to have a health check, so a start event costs one inspect per container at most. */
    private final Map<String, Boolean> hasHealthcheck = new ConcurrentHashMap<>();
    private final List<Consumer<ServiceHealth>> listeners = new CopyOnWriteArrayList<>();
    private final Map<String, ProbeLoop> probes = new HashMap<>();
    /** Guards waiting in {@link #awaitAllHealthy}; notified on every change. */
    private final Object changed = new Object();
    /** The one thread that changes state: events, snapshots and probe results all pass through it. */
    private final ExecutorService updates;
    /** Timers for reconnecting and for probes; the work itself runs elsewhere. */
    private final ScheduledExecutorService timers;

    private volatile boolean closed;
    // Touched on the updates thread only.
    private Closeable stream;
    private int generation;
    private Duration reconnectDelay = RECONNECT_FIRST;
    /** How often the stream was opened: once, plus once per reconnect (tests look). */
    private final java.util.concurrent.atomic.AtomicInteger connections = new java.util.concurrent.atomic.AtomicInteger();

    private HealthMonitor(Target target, String project, Map<String, ProbeAddress> web) {
        this.target = target;
        this.project = project;
        this.web = Map.copyOf(web);
        this.prober = new HttpProber(target);
        this.updates = Executors.newSingleThreadExecutor(Thread.ofPlatform().daemon().name("berth-health-" + project).factory());
        this.timers = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("berth-health-timer").factory());
    }

    /**
     * Starts following a project: takes the snapshot and opens the event stream before returning,
     * so {@link #current()} is right from the start.
     *
     * @param web the services that answer HTTP, with their published port and health path
     * @throws TargetException when the target's Docker engine cannot be reached
     */
    public static HealthMonitor start(Target target, String project, Map<String, ProbeAddress> web) throws TargetException {
        HealthMonitor m = new HealthMonitor(target, project, web);
        try {
            m.updates.submit(() -> {
                m.connect();
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
        ProbeLoop.Host host = new ProbeLoop.Host() {
            @Override
            public boolean closed() {
                return m.closed;
            }

            @Override
            public ServiceState state(String service) {
                return m.health(service).state();
            }

            @Override
            public void report(String service, ProbeResult r) {
                m.runUpdate(() -> m.recordProbe(service, r));
            }
        };
        m.web.forEach((service, endpoint) -> {
            ProbeLoop p = new ProbeLoop(service, endpoint, m.timers, m.prober, host);
            m.probes.put(service, p);
            p.kick();
        });
        return m;
    }

    /** Called on the updates thread with every change; keep it quick, it holds up the next event. */
    public void addListener(Consumer<ServiceHealth> listener) {
        listeners.add(listener);
    }

    /** Every service seen so far, by name. */
    public Map<String, ServiceHealth> current() {
        return Map.copyOf(current);
    }

    /** One service, {@link ServiceState#MISSING} when no container of it exists. */
    public ServiceHealth health(String service) {
        ServiceHealth h = current.get(service);
        return h != null ? h : ServiceHealth.missing(service, Instant.now());
    }

    /**
     * Blocks until every listed service is up: healthy, or running without a health check (and,
     * when it has a web port, answering its health path, since that is then the only sign of life).
     *
     * @return the services' health at that moment
     * @throws NotHealthyException  at the time limit, or when the monitor is closed, naming each service not up
     * @throws InterruptedException when the waiting thread is interrupted (how a caller cancels)
     */
    public Map<String, ServiceHealth> awaitAllHealthy(Duration timeout, Set<String> services)
            throws NotHealthyException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (changed) {
            while (true) {
                Map<String, ServiceHealth> all = new LinkedHashMap<>();
                Map<String, ServiceHealth> notUp = new LinkedHashMap<>();
                for (String s : services.stream().sorted().toList()) {
                    ServiceHealth h = health(s);
                    all.put(s, h);
                    if (!ready(h)) {
                        notUp.put(s, h);
                    }
                }
                if (notUp.isEmpty()) {
                    return all;
                }
                if (closed) {
                    throw new NotHealthyException("Stopped waiting (monitor closed)", notUp);
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new NotHealthyException("Not up after " + timeout.toSeconds() + " s", notUp);
                }
                TimeUnit.NANOSECONDS.timedWait(changed, left);
            }
        }
    }

    private boolean ready(ServiceHealth h) {
        return switch (h.state()) {
            case HEALTHY -> true;
            case RUNNING -> !web.containsKey(h.service()) || (h.probe() != null && h.probe().ok());
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

    // ---- the event stream (updates thread) ----

    /** Snapshot, then events since just before it: the replay may repeat a change, never miss one. */
    private void connect() throws TargetException {
        DockerClient docker = target.docker();
        Instant engineNow = engineTime(docker);
        snapshot(docker);
        int gen = ++generation;
        stream = docker.eventsCmd()
                .withEventTypeFilter(EventType.CONTAINER)
                .withLabelFilter(Map.of(ComposeLabels.PROJECT, project))
                // health_status matches by prefix in the engine, so "health_status: healthy" passes.
                .withEventFilter("create", "start", "restart", "die", "destroy", "health_status")
                .withSince(engineNow.getEpochSecond() + "." + String.format("%09d", engineNow.getNano()))
                .exec(new ResultCallback.Adapter<Event>() {
                    @Override
                    public void onNext(Event event) {
                        runUpdate(() -> {
                            if (gen == generation) {
                                onEvent(event);
                            }
                        });
                    }

                    @Override
                    public void onError(Throwable t) {
                        runUpdate(() -> dropped(gen));
                    }

                    @Override
                    public void onComplete() {
                        runUpdate(() -> dropped(gen));
                    }
                });
        reconnectDelay = RECONNECT_FIRST;
        connections.incrementAndGet();
    }

    int connections() {
        return connections.get();
    }

    private void runUpdate(Runnable r) {
        if (!closed) {
            try {
                updates.execute(r);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                // closing: nothing left to update
            }
        }
    }

    /** The stream ended without us closing it: the engine restarted, or the SSH connection broke. */
    private void dropped(int gen) {
        if (closed || gen != generation) {
            return;
        }
        generation++;
        closeStream();
        scheduleReconnect();
    }

    private void scheduleReconnect() {
        Duration delay = reconnectDelay;
        Duration doubled = reconnectDelay.multipliedBy(2);
        reconnectDelay = doubled.compareTo(RECONNECT_MAX) > 0 ? RECONNECT_MAX : doubled;
        timers.schedule(() -> runUpdate(() -> {
            if (closed) {
                return;
            }
            try {
                connect();
            } catch (TargetException | RuntimeException e) {
                scheduleReconnect();
            }
        }), delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private Instant engineTime(DockerClient docker) {
        try {
            return OffsetDateTime.parse(docker.infoCmd().exec().getSystemTime()).toInstant();
        } catch (RuntimeException e) {
            // The engine's clock is what events are stamped with; if we cannot read it, go a little
            // further back with ours: a replayed event is harmless, a missed one is not.
            return Instant.now().minusSeconds(30);
        }
    }

    private void snapshot(DockerClient docker) {
        List<Container> containers = docker.listContainersCmd().withShowAll(true)
                .withLabelFilter(Map.of(ComposeLabels.PROJECT, project)).exec();
        Set<String> seen = new java.util.HashSet<>();
        // Oldest first, so when a service has two containers (mid-recreate) the newest wins.
        for (Container c : containers.stream().sorted(Comparator.comparingLong(x -> x.getCreated() == null ? 0 : x.getCreated())).toList()) {
            String service = c.getLabels() == null ? null : c.getLabels().get(ComposeLabels.SERVICE);
            if (service == null) {
                continue;
            }
            InspectContainerResponse info;
            try {
                info = docker.inspectContainerCmd(c.getId()).exec();
            } catch (com.github.dockerjava.api.exception.NotFoundException e) {
                continue;
            }
            seen.add(service);
            fromInspect(service, info);
        }
        for (String known : new ArrayList<>(current.keySet())) {
            if (!seen.contains(known) && current.get(known).state() != ServiceState.MISSING) {
                set(known, ServiceState.MISSING, Instant.now(), "", null);
            }
        }
    }

    private void fromInspect(String service, InspectContainerResponse info) {
        var st = info.getState();
        boolean healthcheck = st.getHealth() != null;
        hasHealthcheck.put(info.getId(), healthcheck);
        ServiceState state;
        String detail = "";
        Instant since = parse(st.getStartedAt());
        if (Boolean.TRUE.equals(st.getRestarting())) {
            state = ServiceState.RESTARTING;
            detail = exitDetail(st.getExitCodeLong());
            since = parse(st.getFinishedAt());
        } else if (Boolean.TRUE.equals(st.getRunning())) {
            state = !healthcheck ? ServiceState.RUNNING : switch (String.valueOf(st.getHealth().getStatus())) {
                case "healthy" -> ServiceState.HEALTHY;
                case "unhealthy" -> ServiceState.UNHEALTHY;
                default -> ServiceState.STARTING;
            };
            if (state == ServiceState.UNHEALTHY) {
                detail = lastHealthOutput(info);
            }
        } else if ("created".equals(st.getStatus())) {
            state = ServiceState.CREATED;
            since = parse(info.getCreated());
        } else {
            state = ServiceState.EXITED;
            detail = exitDetail(st.getExitCodeLong());
            since = parse(st.getFinishedAt());
        }
        set(service, state, since, detail, info.getId());
    }

    private void onEvent(Event e) {
        String action = e.getAction() != null ? e.getAction() : e.getStatus();
        if (action == null || action.startsWith("exec_") || e.getActor() == null) {
            return; // health checks run as execs: noise here
        }
        Map<String, String> attrs = e.getActor().getAttributes() == null ? Map.of() : e.getActor().getAttributes();
        String service = attrs.get(ComposeLabels.SERVICE);
        if (service == null || !project.equals(attrs.get(ComposeLabels.PROJECT))) {
            return;
        }
        String id = e.getActor().getId() != null ? e.getActor().getId() : e.getId();
        Instant at = e.getTimeNano() != null ? Instant.ofEpochSecond(0, e.getTimeNano())
                : Instant.ofEpochSecond(e.getTime() == null ? Instant.now().getEpochSecond() : e.getTime());
        ServiceHealth now = current.get(service);
        // Events of a container the service has moved on from (Compose removing the old one after
        // a recreate) must not overwrite the new container's state.
        boolean ours = now == null || now.containerId() == null || now.containerId().equals(id);
        switch (action) {
            case "create" -> set(service, ServiceState.CREATED, at, "", id);
            case "start", "restart" -> {
                set(service, healthcheck(id) ? ServiceState.STARTING : ServiceState.RUNNING, at, "", id);
                kickProbe(service);
            }
            case "health_status: healthy" -> {
                if (ours) {
                    set(service, ServiceState.HEALTHY, at, "", id);
                    kickProbe(service);
                }
            }
            case "health_status: unhealthy" -> {
                if (ours) {
                    set(service, ServiceState.UNHEALTHY, at, lastHealthOutput(id), id);
                }
            }
            case "die" -> {
                if (ours) {
                    String exit = attrs.get("exitCode");
                    String detail = exit == null ? "" : "exit code " + exit;
                    set(service, restarting(id) ? ServiceState.RESTARTING : ServiceState.EXITED, at, detail, id);
                }
            }
            case "destroy" -> {
                if (ours) {
                    hasHealthcheck.remove(id);
                    set(service, ServiceState.MISSING, at, "", null);
                }
            }
            default -> {
                // other health_status values ("starting") add nothing to what start said
            }
        }
    }

    private boolean healthcheck(String id) {
        return hasHealthcheck.computeIfAbsent(id, k -> {
            try {
                return target.docker().inspectContainerCmd(k).exec().getState().getHealth() != null;
            } catch (TargetException | RuntimeException e) {
                return false;
            }
        });
    }

    /** Docker marks a container restarting before it sends die, when its restart policy applies. */
    private boolean restarting(String id) {
        try {
            return Boolean.TRUE.equals(target.docker().inspectContainerCmd(id).exec().getState().getRestarting());
        } catch (TargetException | RuntimeException e) {
            return false; // removed already: it is not coming back
        }
    }

    private String lastHealthOutput(String id) {
        try {
            return lastHealthOutput(target.docker().inspectContainerCmd(id).exec());
        } catch (TargetException | RuntimeException e) {
            return "";
        }
    }

    private static String lastHealthOutput(InspectContainerResponse info) {
        var health = info.getState().getHealth();
        if (health == null || health.getLog() == null || health.getLog().isEmpty()) {
            return "";
        }
        HealthStateLog last = health.getLog().getLast();
        String out = last.getOutput() == null ? "" : last.getOutput().strip();
        return "health check exit " + last.getExitCodeLong() + (out.isEmpty() ? "" : ": " + out);
    }

    private static String exitDetail(Long exitCode) {
        return exitCode == null ? "" : "exit code " + exitCode;
    }

    private static Instant parse(String time) {
        try {
            return time == null || time.startsWith("0001-") ? Instant.now() : OffsetDateTime.parse(time).toInstant();
        } catch (RuntimeException e) {
            return Instant.now();
        }
    }

    /** Records and publishes a state; a replayed event that changes nothing publishes nothing. */
    private void set(String service, ServiceState state, Instant since, String detail, String containerId) {
        ServiceHealth before = current.get(service);
        ProbeResult probe = before == null ? null : before.probe();
        if (before != null && before.state() == state && before.detail().equals(detail == null ? "" : detail)
                && java.util.Objects.equals(before.containerId(), containerId)) {
            return;
        }
        publish(new ServiceHealth(service, state, since, detail, probe, containerId));
    }

    private void publish(ServiceHealth h) {
        current.put(h.service(), h);
        for (Consumer<ServiceHealth> l : listeners) {
            try {
                l.accept(h);
            } catch (RuntimeException e) {
                // one faulty listener must not stop the others or the monitor
            }
        }
        // Waiters last: when awaitAllHealthy returns, every listener has had the news (the CLI's
        // "healthy" line is printed before the deploy moves on).
        synchronized (changed) {
            changed.notifyAll();
        }
    }

    // ---- HTTP probes ----

    private void kickProbe(String service) {
        ProbeLoop p = probes.get(service);
        if (p != null) {
            p.kick();
        }
    }

    /** On the updates thread: a probe's result joins the service's health; a flip from pass to fail is published. */
    private void recordProbe(String service, ProbeResult r) {
        ServiceHealth before = health(service);
        ServiceHealth after = before.withProbe(r);
        if (before.probe() == null || before.probe().ok() != r.ok()) {
            publish(after);
        } else {
            current.put(service, after); // same verdict: keep it fresh, no news for listeners
        }
    }

    private void closeStream() {
        if (stream != null) {
            try {
                stream.close();
            } catch (IOException | RuntimeException e) {
                // already gone
            }
            stream = null;
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            updates.submit(this::closeStream).get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            // the stream goes with the executor anyway
        }
        updates.shutdownNow();
        timers.shutdownNow();
        synchronized (changed) {
            changed.notifyAll();
        }
    }
}
