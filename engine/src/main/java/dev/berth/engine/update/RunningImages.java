package dev.berth.engine.update;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import dev.berth.catalog.Image;
import dev.berth.engine.ComposeLabels;
import dev.berth.engine.deploy.StackContainers;
import dev.berth.engine.target.Target;
import dev.berth.engine.target.TargetException;
import dev.berth.plan.PlannedService;
import dev.berth.plan.StackPlan;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What each service of a stack runs, read from the target's engine (this computer's, or the
 * server's through SSH): the image of its container (the running one when Compose left an old one
 * beside it), or, for a service without a container, the image its reference names when present.
 */
public final class RunningImages {
    private RunningImages() {
    }

    /** By service name, for every service of the plan; {@link RunningImage#UNKNOWN} where the engine has nothing. */
    public static Map<String, RunningImage> read(Target target, StackPlan plan) throws TargetException {
        DockerClient docker = target.docker();
        List<Container> containers = StackContainers.of(target, plan.projectName());
        Map<String, RunningImage> found = new LinkedHashMap<>();
        for (PlannedService s : plan.services()) {
            Optional<String> imageId = containers.stream()
                    .filter(c -> s.name().equals(c.getLabels().get(ComposeLabels.SERVICE)))
                    .max(Comparator.comparing((Container c) -> "running".equals(c.getState())))
                    .map(Container::getImageId);
            found.put(s.name(), inspect(docker, imageId.orElse(s.image().reference()), s.image()));
        }
        return found;
    }

    private static RunningImage inspect(DockerClient docker, String idOrReference, Image image) {
        InspectImageResponse inspected;
        try {
            inspected = docker.inspectImageCmd(idOrReference).exec();
        } catch (NotFoundException e) {
            return RunningImage.UNKNOWN;
        }
        RegistryRepository wanted = RegistryRepository.of(image.repository());
        String digest = inspected.getRepoDigests() == null ? null : inspected.getRepoDigests().stream()
                .filter(d -> d.contains("@") && RegistryRepository.of(d.substring(0, d.indexOf('@'))).equals(wanted))
                .map(d -> d.substring(d.indexOf('@') + 1))
                .findFirst().orElse(null);
        Platform platform = inspected.getArch() == null || inspected.getOs() == null ? Platform.DEFAULT
                : new Platform(inspected.getOs(), inspected.getArch(), null);
        return new RunningImage(digest, instant(inspected.getCreated()), platform);
    }

    private static Instant instant(String text) {
        try {
            return text == null ? null : Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
