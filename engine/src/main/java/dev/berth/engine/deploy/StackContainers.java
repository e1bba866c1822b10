package dev.berth.engine.deploy;

import dev.berth.engine.ComposeLabels;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Container;
import dev.berth.engine.target.Target;
import dev.berth.engine.target.TargetException;
import java.util.List;
import java.util.Map;

/**
 * The containers of one Compose project, found by Compose's own label. Never by name: Compose
 * 1.29 names them {@code project_svc_1} and v2 {@code project-svc-1}, and a person may have
 * renamed the project folder; the label is what both versions set and look up themselves.
 */
public final class StackContainers {

    private StackContainers() {
    }

    /** Every container of the project, running or not. */
    public static List<Container> of(Target target, String project) throws TargetException {
        DockerClient docker = target.docker();
        return docker.listContainersCmd().withShowAll(true)
                .withLabelFilter(Map.of(ComposeLabels.PROJECT, project)).exec();
    }

    /** Whether the project has any container at all: false means this deploy is a first install. */
    public static boolean exists(Target target, String project) throws TargetException {
        return !of(target, project).isEmpty();
    }
}
