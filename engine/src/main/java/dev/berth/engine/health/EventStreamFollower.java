package dev.berth.engine.health;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Event;
import com.github.dockerjava.api.model.EventType;
import dev.berth.engine.ComposeLabels;
import dev.berth.engine.health.ServiceHealthMapping.EngineEvent;
import dev.berth.engine.health.ServiceHealthMapping.Inspected;
import dev.berth.engine.target.Target;
import dev.berth.engine.target.TargetException;
import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Follows one Compose project's containers on the engine: a snapshot, then the event stream
 * (create, start, die, restart, destroy, health_status), each handed on as Docker's view for
 * {@link ServiceHealthMapping}. When the stream drops (the engine restarted, the SSH connection
 * broke) it connects again with back-off and takes a fresh snapshot plus the events since, so
 * nothing that happened in between is lost. Containers are found by the Compose labels, never by
 * name, so a renamed project or a container recreated by Compose is still followed.
 *
 * <p>Everything but the timers runs on the monitor's one updates thread, given as {@code updates}.
 */
final class EventStreamFollower {
    static final Duration RECONNECT_FIRST = Duration.ofMillis(500);
    static final Duration RECONNECT_MAX = Duration.ofSeconds(30);

    private final Target target;
    private final String project;
    private final Executor updates;
    private final ScheduledExecutorService timers;
    private final ContainerInspector inspector;
    private final Consumer<List<Inspected>> snapshots;
    private final Consumer<EngineEvent> events;
    /** How often the stream was opened: once, plus once per reconnect (tests look). */
    private final AtomicInteger connections = new AtomicInteger();
    private volatile boolean closed;
    // Touched on the updates thread only.
    private Closeable stream;
    private int generation;
    private Duration reconnectDelay = RECONNECT_FIRST;

    /**
     * @param updates   runs a task on the monitor's updates thread
     * @param snapshots gets each snapshot's containers, oldest first
     * @param events    gets each event, in the order the engine sent them
     */
    EventStreamFollower(Target target, String project, Executor updates, ScheduledExecutorService timers,
                        Consumer<List<Inspected>> snapshots, Consumer<EngineEvent> events) {
        this.target = target;
        this.project = project;
        this.updates = updates;
        this.timers = timers;
        this.inspector = new ContainerInspector(target);
        this.snapshots = snapshots;
        this.events = events;
    }

    /** Snapshot, then events since just before it: the replay may repeat a change, never miss one. */
    void connect() throws TargetException {
        DockerClient docker = target.docker();
        Instant engineNow = engineTime(docker);
        snapshots.accept(snapshot(docker));
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
                        updates.execute(() -> {
                            if (gen == generation) {
                                received(engineEvent(event));
                            }
                        });
                    }

                    @Override
                    public void onError(Throwable t) {
                        updates.execute(() -> dropped(gen));
                    }

                    @Override
                    public void onComplete() {
                        updates.execute(() -> dropped(gen));
                    }
                });
        reconnectDelay = RECONNECT_FIRST;
        connections.incrementAndGet();
    }

    /** Answers what the mapping of an event may ask about its container (on the updates thread). */
    ServiceHealthMapping.Containers containers() {
        return inspector;
    }

    int connections() {
        return connections.get();
    }

    /** On the updates thread: stops following; the stream's own thread ends with it. */
    void close() {
        closed = true;
        closeStream();
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

    private void received(EngineEvent e) {
        events.accept(e);
        if ("destroy".equals(e.action())) {
            inspector.forget(e.containerId());
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
        timers.schedule(() -> updates.execute(() -> {
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

    private static Instant engineTime(DockerClient docker) {
        try {
            return OffsetDateTime.parse(docker.infoCmd().exec().getSystemTime()).toInstant();
        } catch (RuntimeException e) {
            // The engine's clock is what events are stamped with; if we cannot read it, go a little
            // further back with ours: a replayed event is harmless, a missed one is not.
            return Instant.now().minusSeconds(30);
        }
    }

    private List<Inspected> snapshot(DockerClient docker) {
        List<Container> containers = docker.listContainersCmd().withShowAll(true)
                .withLabelFilter(Map.of(ComposeLabels.PROJECT, project)).exec();
        List<Inspected> seen = new ArrayList<>();
        // Oldest first, so when a service has two containers (mid-recreate) the newest wins.
        for (Container c : containers.stream().sorted(Comparator.comparingLong(x -> x.getCreated() == null ? 0 : x.getCreated())).toList()) {
            String service = c.getLabels() == null ? null : c.getLabels().get(ComposeLabels.SERVICE);
            if (service == null) {
                continue;
            }
            InspectContainerResponse info;
            try {
                info = docker.inspectContainerCmd(c.getId()).exec();
            } catch (NotFoundException e) {
                continue;
            }
            seen.add(inspector.inspected(service, info));
        }
        return seen;
    }

    private static EngineEvent engineEvent(Event e) {
        String action = e.getAction() != null ? e.getAction() : e.getStatus();
        var actor = e.getActor();
        String id = actor != null && actor.getId() != null ? actor.getId() : e.getId();
        Instant at = e.getTimeNano() != null ? Instant.ofEpochSecond(0, e.getTimeNano())
                : Instant.ofEpochSecond(e.getTime() == null ? Instant.now().getEpochSecond() : e.getTime());
        return new EngineEvent(action, id, actor == null ? null : actor.getAttributes(), at);
    }
}
