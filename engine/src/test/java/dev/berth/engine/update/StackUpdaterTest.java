package dev.berth.engine.update;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.answers.Answers;
import dev.berth.catalog.Catalog;
import dev.berth.catalog.Healthcheck;
import dev.berth.catalog.Image;
import dev.berth.catalog.ServiceDefinition;
import dev.berth.engine.RequiresDocker;
import dev.berth.engine.deploy.DeployOptions;
import dev.berth.engine.deploy.DeployOutcome;
import dev.berth.engine.deploy.DeployPreview;
import dev.berth.engine.deploy.DeploymentResult;
import dev.berth.engine.deploy.StackDeployer;
import dev.berth.engine.deploy.StandInImages;
import dev.berth.engine.deploy.StandInStacks;
import dev.berth.engine.stack.StackLock;
import dev.berth.engine.target.LocalTarget;
import dev.berth.plan.ImagePin;
import dev.berth.render.PinsFile;
import dev.berth.testsupport.Examples;
import dev.berth.testsupport.NeedsDocker;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code berth update}'s applying side against the real engine and a real registry on loopback:
 * Jellyfin's stand-in is pushed there as version 1 (what the stack is deployed with) and version 2
 * (healthy, or never healthy), and the finder names version 2 as the update, as the registries'
 * finder would.
 */
@NeedsDocker
class StackUpdaterTest {
    private static final DeployOptions OPTIONS = DeployOptions.DEFAULT.withHealthTimeout(Duration.ofSeconds(40))
            .withWiring(false).withProxyHosts(false);

    @TempDir
    Path root;
    private final LocalTarget target = new LocalTarget();
    private LoopbackRegistry registry;
    private String project;
    private String repository;
    private Catalog catalog;
    private Answers answers;
    private String v1;
    private ServiceDefinition jellyfin;

    @BeforeEach
    void setUp() throws Exception {
        RequiresDocker.engine();
        project = StandInStacks.project();
        registry = LoopbackRegistry.start(root.resolve("registry"));
        repository = registry.repository("berth-test/jellyfin");
        answers = StandInStacks.deployable(Examples.answers("minimal-jellyfin"), root, project);
        jellyfin = Catalog.builtIn().get("jellyfin");
        v1 = registry.push(jellyfin.image().reference(), repository, "1");
        // The stack's catalog names Jellyfin's image in the loopback registry, at version 1.
        ServiceDefinition quick = quicklyChecked(jellyfin).withImage(new Image(repository, "1"));
        catalog = new Catalog(Catalog.builtIn().all().stream().map(d -> d.id().equals("jellyfin") ? quick : d).toList());
        StackDeployer deployer = new StackDeployer(target, catalog, Clock.systemUTC());
        DeployOutcome first = deployer.deploy(deployer.preview(answers, OPTIONS), p -> { }, () -> false);
        assertTrue(first.succeeded(), first::toString);
        assertEquals(imageId(repository + ":1"), runningImage("jellyfin"));
    }

    @AfterEach
    void tearDown() {
        if (project != null) {
            StandInStacks.remove(project);
        }
        if (registry != null) {
            registry.close();
        }
        target.close();
    }

    @Test
    void anUpdatePinsTheNewDigestInComposeYamlAndTheContainerRunsIt() throws Exception {
        // Version 2 differs from version 1 by a label, so it has a digest of its own; only the registry holds it.
        String v2 = registry.push(buildFrom(repository + ":1", "2"), repository, "2");
        registry.forgetLocally(repository + ":2");

        UpdateOutcome outcome = update(finding("2", v2));

        assertInstanceOf(DeploymentResult.Succeeded.class, outcome.deploy().result(), outcome::toString);
        String compose = Files.readString(stackDir().resolve("compose.yaml"));
        assertTrue(compose.contains("image: " + repository + ":2@" + v2), compose);
        ImagePin pin = PinsFile.parse(Files.readString(stackDir().resolve(PinsFile.PATH)), "pins").of("jellyfin").orElseThrow();
        assertEquals(new Image(repository, "2", v2), pin.image());
        assertEquals(new Image(repository, "1", v1), pin.previous());
        assertEquals("1", pin.catalogTag());
        assertEquals(imageId(repository + "@" + v2), runningImage("jellyfin"));

        // A later deploy of the same answers keeps the pin: nothing to write, nothing recreated.
        StackDeployer deployer = new StackDeployer(target, catalog, Clock.systemUTC());
        DeployPreview again = deployer.preview(answers, OPTIONS);
        assertTrue(again.diff().isEmpty(), () -> again.diff().render());
        assertEquals(repository + ":2@" + v2, again.plan().service("jellyfin").orElseThrow().image().reference());
    }

    @Test
    void aFailedUpdateIsRolledBackToThePreviousDigestAndTheStackIsHealthyAgain() throws Exception {
        String broken = new StandInImages(root).buildFailing(jellyfin, StandInImages.Failure.NEVER_HEALTHY, repository + ":2");
        String v2 = registry.push(broken, repository, "2");
        String composeBefore = Files.readString(stackDir().resolve("compose.yaml"));
        String before = imageId(repository + ":1");

        UpdateOutcome outcome = update(finding("2", v2));

        assertInstanceOf(DeploymentResult.RolledBack.class, outcome.deploy().result(), outcome::toString);
        assertEquals(composeBefore, Files.readString(stackDir().resolve("compose.yaml")));
        assertFalse(Files.exists(stackDir().resolve(PinsFile.PATH)), "the pins file of the failed update was left");
        assertEquals(before, runningImage("jellyfin"));
        assertEquals(Optional.empty(), outcome.rollbackHealth());
        assertTrue(outcome.afterRollback().orElseThrow().ok(), () -> outcome.afterRollback().toString());
    }

    @Test
    void nothingToUpdateChangesNothing() throws Exception {
        String composeBefore = Files.readString(stackDir().resolve("compose.yaml"));
        Map<String, String> containers = StandInStacks.containerIds(project);
        StackUpdater updater = new StackUpdater(target, catalog, Clock.systemUTC(), (t, plan, cancelled) -> plan.services().stream()
                .map(s -> new ImageStatus(s.name(), s.image(), null, null, Optional.empty(), Optional.empty())).toList());

        UpdatePreview preview = updater.preview(stackDir().toString(), Set.of(), OPTIONS, () -> false);

        assertTrue(preview.nothingToUpdate(), preview::toString);
        assertEquals(Optional.empty(), preview.deploy());
        assertEquals(composeBefore, Files.readString(stackDir().resolve("compose.yaml")));
        assertFalse(Files.exists(stackDir().resolve(PinsFile.PATH)));
        assertEquals(containers, StandInStacks.containerIds(project));
    }

    /** A finder that names {@code tag} at {@code digest} as Jellyfin's update, and version 1's digest as what it runs. */
    private UpdateFinder finding(String tag, String digest) {
        return (t, plan, cancelled) -> plan.services().stream().map(s -> s.name().equals("jellyfin")
                ? new ImageStatus(s.name(), s.image(), v1, null, Optional.of(new ImageUpdate(tag, digest, null, null)), Optional.empty())
                : new ImageStatus(s.name(), s.image(), null, null, Optional.empty(), Optional.empty())).toList();
    }

    private UpdateOutcome update(UpdateFinder finder) throws Exception {
        StackUpdater updater = new StackUpdater(target, catalog, Clock.systemUTC(), finder);
        Consumer<dev.berth.engine.deploy.DeployProgress> quiet = p -> { };
        try (StackLock lock = updater.lock(stackDir().toString())) {
            UpdatePreview preview = updater.preview(stackDir().toString(), Set.of(), OPTIONS, () -> false);
            assertEquals(List.of("jellyfin"), preview.chosen().stream().map(ImageStatus::service).toList());
            return updater.apply(preview, lock, quiet, () -> false, () -> false);
        }
    }

    /**
     * The definition with Docker's health check every 2 s instead of the catalog's 30 s (after a 60 s
     * start period), so that "healthy" and "never healthy" are told within seconds.
     */
    private static ServiceDefinition quicklyChecked(ServiceDefinition d) throws ReflectiveOperationException {
        Healthcheck h = d.healthcheck();
        Healthcheck quick = new Healthcheck(h.builtin(), h.test(), "2s", h.timeout(), 2, "2s");
        // The canonical constructor with every component as it is but the health check.
        RecordComponent[] components = ServiceDefinition.class.getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            values[i] = components[i].getName().equals("healthcheck") ? quick : components[i].getAccessor().invoke(d);
        }
        return ServiceDefinition.class.getDeclaredConstructor(types).newInstance(values);
    }

    private Path stackDir() {
        return Path.of(answers.storage().stackDir());
    }

    /** An image made from {@code base} with one more label: the same stand-in under another digest. */
    private String buildFrom(String base, String version) throws Exception {
        Path dir = Files.createDirectories(root.resolve("version-" + version));
        Files.writeString(dir.resolve("Dockerfile"), "FROM " + base + "\nLABEL dev.berth.test.version=" + version + "\n");
        String tag = repository + ":" + version;
        LoopbackRegistry.docker("build", "-q", "-t", tag, dir.toString());
        return tag;
    }

    private static String imageId(String ref) {
        return LoopbackRegistry.docker("image", "inspect", "--format", "{{.Id}}", ref).strip();
    }

    private String runningImage(String service) throws Exception {
        String id = StandInStacks.containerIds(project).get(service);
        return LoopbackRegistry.docker("inspect", "--format", "{{.Image}}", id).strip();
    }
}
