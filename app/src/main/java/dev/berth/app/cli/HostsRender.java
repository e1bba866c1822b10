package dev.berth.app.cli;

import dev.berth.answers.Answers;
import dev.berth.answers.HostAnswers;
import dev.berth.engine.deploy.StackFolderWriter;
import dev.berth.engine.stack.StackState;
import dev.berth.engine.target.Target;
import dev.berth.engine.target.TargetException;
import dev.berth.plan.HostLayout;
import dev.berth.plan.HostPlacer;
import dev.berth.plan.HostResources;
import dev.berth.plan.LayoutReport;
import dev.berth.plan.PreviousPorts;
import dev.berth.render.ClusterSplit;
import dev.berth.render.ComposeDialect;
import dev.berth.render.HostLayoutFile;
import dev.berth.render.HostShare;
import dev.berth.render.PinsFile;
import dev.berth.render.PlannedStack;
import dev.berth.render.StackRendering;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@code berth render} for answers with {@code hosts:}: the stack is rendered once, placed, split,
 * and each host's share written to {@code DIR/<host>} as the single-host render writes its folder.
 * Rendering again into the same {@code DIR} keeps every host's secrets (the manager's winning),
 * their published ports and the previous layout (from the manager's {@value HostLayoutFile#PATH}).
 */
final class HostsRender {
    /**
     * Offline there is nothing to measure, so every host counts the same (and as able to transcode):
     * only the rules, the pins, the previous layout and the order of hosts: decide.
     */
    static final String EQUAL_HOSTS = "Placed without measuring the hosts: berth render counts them as equal (each with /dev/dri),"
            + " so only the rules, the pins, the previous layout and the order of hosts: decide. berth deploy places with"
            + " each host's measured memory, storage, CPU, load and uptime.";

    private final StackRendering rendering;
    private final ComposeDialect dialect;

    HostsRender(StackRendering rendering, ComposeDialect dialect) {
        this.rendering = rendering;
        this.dialect = dialect;
    }

    int render(Target target, Answers answers, String dir, PrintWriter out) throws TargetException, StackState.ForeignStackException {
        StackRendering.Checked checked = rendering.check(answers);
        String manager = answers.hosts().getFirst().name();
        Map<String, StackState> states = new LinkedHashMap<>();
        Map<String, String> secrets = new TreeMap<>();
        Map<String, Integer> ports = new TreeMap<>();
        for (HostAnswers host : answers.hosts()) {
            StackState state = StackState.loadForDeploy(target, folder(dir, host.name()),
                    List.of(StackState.COMPOSE_FILE, PinsFile.PATH, HostLayoutFile.PATH), false);
            states.put(host.name(), state);
            if (!host.name().equals(manager)) {
                secrets.putAll(state.secrets());
                ports.putAll(state.previousPorts().hostPorts());
            }
        }
        StackState managerState = states.get(manager);
        secrets.putAll(managerState.secrets()); // the manager keeps every secret: its copy wins
        ports.putAll(managerState.previousPorts().hostPorts());
        PlannedStack whole = checked.render(secrets, new PreviousPorts(ports), dialect, managerState.pins());
        Map<String, HostResources> resources = new LinkedHashMap<>();
        answers.hosts().forEach(h -> resources.put(h.name(), equalResources(h.name())));
        HostLayout layout = new HostPlacer().place(whole.plan(), resources, previousLayout(managerState));
        List<HostShare> shares = new ClusterSplit().split(whole, layout);
        List<String> written = new ArrayList<>();
        for (HostShare share : shares) {
            StackFolderWriter.write(target, states.get(share.host()), share.rendered());
            written.add(String.format("  %-12s %3d files in %s", share.host(), share.rendered().files().size(), folder(dir, share.host())));
        }
        new StackSummary(whole.plan(), whole.rendered(), answers.access().domain()).print(out, Path.of(dir));
        out.printf("%nOne folder per host: copy each to its host's %s and run it there (berth deploy does both):%n",
                answers.storage().stackDir());
        written.forEach(out::println);
        out.printf("%nWhere each service goes, and why:%n");
        LayoutReport.lines(layout).forEach(line -> out.println("  " + line));
        out.printf("%n%s%n", EQUAL_HOSTS);
        ClusterSplit.nfsExportNote(whole.plan(), layout).ifPresent(note -> out.printf("%n%s%n", note));
        return 0;
    }

    private static Optional<HostLayout> previousLayout(StackState managerState) throws TargetException {
        var file = managerState.files().get(HostLayoutFile.PATH);
        if (!managerState.isBerthStack() || file == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(HostLayoutFile.read(file.content(), dev.berth.engine.stack.StackPaths.join(managerState.dir(), HostLayoutFile.PATH)));
        } catch (IllegalArgumentException e) {
            throw new TargetException(TargetException.Reason.FILE, e.getMessage());
        }
    }

    private static HostResources equalResources(String host) {
        // A file system of its own per host: equal figures must not read as one shared disk.
        return new HostResources(8L << 30, 4L << 30, 1L << 40, "unmeasured:" + host, 4, 0.0, 86_400, true);
    }

    private static String folder(String dir, String host) {
        return (dir.endsWith("/") ? dir : dir + "/") + host;
    }
}
