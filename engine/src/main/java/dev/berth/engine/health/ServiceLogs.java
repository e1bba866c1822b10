package dev.berth.engine.health;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Frame;
import dev.berth.engine.target.Target;
import dev.berth.engine.target.TargetException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** The last lines a service's container printed, for the failure report. */
final class ServiceLogs {
    private ServiceLogs() {
    }

    /**
     * Stdout and stderr interleaved as Docker stored them. Empty when the service has no container.
     */
    static List<String> tail(Target target, String project, String service, int lines) throws TargetException {
        DockerClient docker = target.docker();
        Optional<Container> newest = ContainerLogs.newest(docker, project, service);
        if (newest.isEmpty()) {
            return List.of();
        }
        Container c = newest.get();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            docker.logContainerCmd(c.getId()).withStdOut(true).withStdErr(true).withTail(lines)
                    .exec(new ResultCallback.Adapter<Frame>() {
                        @Override
                        public void onNext(Frame frame) {
                            synchronized (out) {
                                out.writeBytes(frame.getPayload());
                            }
                        }
                    }).awaitCompletion(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        String text;
        synchronized (out) {
            text = out.toString(StandardCharsets.UTF_8);
        }
        if (text.isEmpty()) {
            return List.of();
        }
        List<String> all = Arrays.asList(text.split("\r?\n", -1));
        if (all.getLast().isEmpty()) {
            all = all.subList(0, all.size() - 1);
        }
        return List.copyOf(all.subList(Math.max(0, all.size() - lines), all.size()));
    }
}
