package dev.berth.engine.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.engine.stack.ExistingFile;
import dev.berth.engine.stack.StackState;
import dev.berth.engine.target.TargetException;
import dev.berth.plan.HostAssignment;
import dev.berth.plan.HostLayout;
import dev.berth.render.HostLayoutFile;
import dev.berth.render.RenderedStack;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** What the cluster deploy reads from the manager's folder and which jobs it adds there; no Docker. */
class ClusterDeployerJobsTest {
    private static final String DIR = "/opt/berth";
    private static final HostLayout LAYOUT = new HostLayout(List.of("nas", "pc"), Map.of(
            "sonarr", new HostAssignment("sonarr", "nas", false, false, List.of("with the data tree")),
            "jellyfin", new HostAssignment("jellyfin", "pc", true, false, List.of("pinned"))), "nas");

    @Test
    void theManagersHostsFileIsThePreviousLayout() throws TargetException {
        String file = """
                hosts:
                - name: nas
                  role: manager
                - name: pc
                storageHost: nas
                services:
                  sonarr: {host: nas, pinned: false, swarm: false, reasons: [with the data tree]}
                  jellyfin: {host: pc, pinned: true, swarm: false, reasons: [pinned]}
                """;

        Optional<HostLayout> previous = ClusterDeployer.previousLayout(berthStack(file), "nas");

        assertEquals(Optional.of(LAYOUT.services().get("jellyfin")), previous.map(l -> l.services().get("jellyfin")));
        assertEquals("nas", previous.orElseThrow().storageHost());
        assertEquals("pc", previous.orElseThrow().hostOf("jellyfin"));
    }

    @Test
    void noHostsFileOrAFolderBerthDidNotMakeHasNoPreviousLayout() throws TargetException {
        assertEquals(Optional.empty(), ClusterDeployer.previousLayout(
                new StackState(DIR, StackState.Kind.BERTH, Optional.empty(), new TreeMap<>(), Map.of()), "nas"));
        assertEquals(Optional.empty(), ClusterDeployer.previousLayout(
                new StackState(DIR, StackState.Kind.FOREIGN, Optional.empty(), new TreeMap<>(), hostsFile("hosts: []")), "nas"));
    }

    @Test
    void aBrokenHostsFileIsNamedWithWhatToDo() {
        TargetException broken = assertThrows(TargetException.class,
                () -> ClusterDeployer.previousLayout(berthStack("hosts: [{name: nas}]\nstorageHost: elsewhere\nservices: {}\n"), "nas"));

        assertTrue(broken.getMessage().startsWith(DIR + "/" + HostLayoutFile.PATH + " on nas: storageHost must name one of the hosts"),
                broken.getMessage());
        assertTrue(broken.getMessage().contains("delete the file"), broken.getMessage());
    }

    @Test
    void aSwarmScheduledServiceAddsTheStackJobRightAfterTheManagersFiles() {
        HostLayout layout = new HostLayout(List.of("nas", "pc"), Map.of(
                "sonarr", new HostAssignment("sonarr", "nas", false, false, List.of()),
                "flaresolverr", new HostAssignment("flaresolverr", "pc", false, true, List.of("Swarm schedules it"))), "nas");
        Job write = new WriteFilesJob(berthStack(""), new RenderedStack(Map.of()), Optional.empty());
        Job up = new Job() {
            @Override
            public String description() {
                return "start the containers";
            }

            @Override
            public void execute(JobContext context) {
            }

            @Override
            public void undo(JobContext context) {
            }
        };

        List<Job> jobs = ClusterDeployer.withSwarmStack(List.of(write, up), "media", DIR, layout);

        assertEquals(3, jobs.size(), jobs::toString);
        assertSame(write, jobs.get(0));
        SwarmStackJob stack = (SwarmStackJob) jobs.get(1);
        assertEquals("Run flaresolverr on Docker Swarm (docker stack deploy -c swarm/stack.yaml media), free to start on any of nas, pc",
                stack.description());
        assertSame(up, jobs.get(2));
    }

    @Test
    void noSwarmScheduledServiceLeavesTheManagersJobsAsTheyAre() {
        List<Job> jobs = List.of(new WriteFilesJob(berthStack(""), new RenderedStack(Map.of()), Optional.empty()));

        assertSame(jobs, ClusterDeployer.withSwarmStack(jobs, "media", DIR, LAYOUT));
    }

    private static StackState berthStack(String hostsFile) {
        return new StackState(DIR, StackState.Kind.BERTH, Optional.empty(), new TreeMap<>(), hostsFile(hostsFile));
    }

    private static Map<String, ExistingFile> hostsFile(String content) {
        return Map.of(HostLayoutFile.PATH, new ExistingFile(content.getBytes(StandardCharsets.UTF_8), 0644, 0, 0));
    }
}
