package dev.berth.engine.health;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import dev.berth.engine.ComposeLabels;
import dev.berth.engine.target.Target;
import dev.berth.engine.target.TargetException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A service's container log as {@code berth logs} shows it, through the target's Docker engine
 * (the local socket, or {@code docker system dial-stdio} over SSH), so it works the same on both
 * and needs no Compose on the way. The container is found by the Compose labels, never by name.
 */
public final class ContainerLogs {
    /** How often a follow looks whether it was cancelled. */
    private static final long CANCEL_CHECK_MS = 200;

    private ContainerLogs() {
    }

    /**
     * Copies the last {@code tail} lines of the service's newest container to {@code stdout} and
     * {@code stderr} (as the container wrote them), then, with {@code follow}, every new line until
     * {@code cancelled} says so or the container's log ends (it was removed).
     *
     * @return false when the service has no container in the project (nothing was written)
     * @throws TargetException when the engine cannot be reached
     */
    public static boolean copy(Target target, String project, String service, int tail, boolean follow,
                               OutputStream stdout, OutputStream stderr, BooleanSupplier cancelled)
            throws TargetException, InterruptedException {
        DockerClient docker = target.docker();
        Optional<Container> newest = newest(docker, project, service);
        if (newest.isEmpty()) {
            return false;
        }
        CountDownLatch ended = new CountDownLatch(1);
        ResultCallback.Adapter<Frame> copier = new ResultCallback.Adapter<>() {
            @Override
            public void onNext(Frame frame) {
                OutputStream to = frame.getStreamType() == StreamType.STDERR ? stderr : stdout;
                try {
                    synchronized (to) {
                        to.write(frame.getPayload());
                        to.flush();
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e); // the reader went away (a closed pipe): stop
                }
            }

            @Override
            public void onError(Throwable t) {
                super.onError(t);
                ended.countDown();
            }

            @Override
            public void onComplete() {
                super.onComplete();
                ended.countDown();
            }
        };
        try (ResultCallback.Adapter<Frame> running = docker.logContainerCmd(newest.get().getId())
                .withStdOut(true).withStdErr(true).withTail(tail).withFollowStream(follow).exec(copier)) {
            // Not running.awaitCompletion(timeout): docker-java closes the stream at the end of every
            // such wait, and over SSH that close ends the engine's answer, so a follow stopped after
            // its first lines. Our own latch leaves the stream open until it ends or is cancelled.
            while (!ended.await(CANCEL_CHECK_MS, TimeUnit.MILLISECONDS)) {
                if (cancelled.getAsBoolean()) {
                    break;
                }
            }
            if (ended.getCount() == 0) {
                running.awaitCompletion(); // ended by itself: throws the stream's error, if it had one
            }
        } catch (IOException e) {
            // Closing the stream of a cancelled follow: nothing more to show.
        }
        return true;
    }

    /** The newest container of the service: after a recreate the old one may linger for a moment. */
    static Optional<Container> newest(DockerClient docker, String project, String service) {
        List<Container> found = docker.listContainersCmd().withShowAll(true)
                .withLabelFilter(Map.of(ComposeLabels.PROJECT, project, ComposeLabels.SERVICE, service)).exec();
        return found.stream().max(Comparator.comparingLong(c -> c.getCreated() == null ? 0 : c.getCreated()));
    }
}
