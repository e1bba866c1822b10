package dev.berth.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.answers.Answers;
import dev.berth.answers.AnswersFile;
import dev.berth.answers.HostAnswers;
import dev.berth.answers.PlacementAnswers;
import dev.berth.answers.TargetAnswers;
import dev.berth.engine.BusyboxImage;
import dev.berth.engine.cluster.NamespaceHost;
import dev.berth.engine.cluster.NamespaceHosts;
import dev.berth.engine.deploy.StandInStacks;
import dev.berth.engine.target.TargetException;
import dev.berth.testsupport.Examples;
import dev.berth.testsupport.NeedsDocker;
import dev.berth.testsupport.NeedsSsh;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code berth deploy --answers FILE --yes} for a stack on two real test hosts (network namespaces,
 * each with its own engine and sshd), end to end through the command: where each service runs, each
 * host's part named in the output, exit code 0, and each app running on its host. The command's
 * target opener is this test's: it reaches each host as its answers entry names it (root over SSH at
 * the host's address), with the test hosts' keys.
 */
@NeedsDocker
@NeedsSsh
class ClusterDeployEndToEndCommandTest {
    @TempDir
    Path tmp;
    private NamespaceHosts hosts;

    @AfterEach
    void stop() throws Exception {
        if (hosts != null) {
            hosts.close();
        }
    }

    @Test
    void deployWithYesPutsEachHostsPartOnItAndNamesEveryHost() throws Exception {
        hosts = NamespaceHosts.start(2);
        String project = StandInStacks.project();
        Path root = NamespaceHosts.STACKS.resolve(project);
        Answers base = StandInStacks.deployable(Examples.answers("minimal-jellyfin").withServices(List.of("prowlarr", "flaresolverr")),
                tmp, project);
        hosts.loadImages(dev.berth.catalog.Catalog.builtIn().get("prowlarr").image().reference(),
                dev.berth.catalog.Catalog.builtIn().get("flaresolverr").image().reference(),
                BusyboxImage.anchor(tmp));
        base = base.withStorage(new dev.berth.answers.StorageAnswers(root.resolve("stack").toString(), root.resolve("data").toString(),
                root.resolve("stack/config").toString(), base.storage().puid(), base.storage().pgid(), base.storage().timeZone(), false));
        for (NamespaceHost host : hosts.hosts()) {
            Path folder = Files.createDirectories(host.files(root));
            Files.setAttribute(folder, "unix:uid", base.storage().puid());
            Files.setAttribute(folder, "unix:gid", base.storage().pgid());
        }
        // No target of its own: with hosts the first host's is the stack's.
        Answers answers = new Answers(base.schemaVersion(), project, null, base.storage(), base.services(), base.vpn(), base.access(),
                base.monitoring(), base.media(), base.portOverrides(), base.backup(), hosts.hosts().stream()
                .map(h -> new HostAnswers(h.name(), new TargetAnswers(TargetAnswers.Kind.SSH, h.address(), 22, "root", null), h.address()))
                .toList(), new PlacementAnswers(Map.of("flaresolverr", "h2", "prowlarr", "h1"), List.of()));
        Path file = Files.writeString(tmp.resolve("answers.yaml"), AnswersFile.write(answers));
        TargetOpener opener = (spec, question) -> switch (spec) {
            case TargetSpec.Ssh ssh -> hosts.hosts().stream().filter(h -> h.address().equals(ssh.host())).findFirst()
                    .orElseThrow(() -> new TargetException(TargetException.Reason.OTHER, "no test host at " + ssh.host()))
                    .connect();
            case TargetSpec.Local local -> throw new TargetException(TargetException.Reason.OTHER, "every host of this test is reached over SSH");
        };
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new DeployCommand(opener));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));

        int code = cli.execute("--answers", file.toString(), "--yes", "--offline");

        String printed = out + "\n" + err;
        assertEquals(0, code, printed);
        assertTrue(printed.contains("prowlarr → h1 (pinned)"), printed);
        assertTrue(printed.contains("flaresolverr → h2 (pinned)"), printed);
        assertTrue(out.toString().contains("== h1") && out.toString().contains("== h2"), printed);
        // Progress lines are tagged with their host.
        assertTrue(err.toString().contains("h1: ") && err.toString().contains("h2: "), printed);
        assertTrue(hosts.host(1).docker("ps", "--filter", "label=com.docker.compose.project=" + project, "--format", "{{.Names}}")
                .contains("prowlarr"), printed);
        assertTrue(hosts.host(2).docker("ps", "--filter", "label=com.docker.compose.project=" + project, "--format", "{{.Names}}")
                .contains("flaresolverr"), printed);
    }
}
