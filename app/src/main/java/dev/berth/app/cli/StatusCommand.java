package dev.berth.app.cli;

import dev.berth.answers.HostAnswers;
import dev.berth.engine.backup.StackBackups;
import dev.berth.engine.cluster.ClusterHost;
import dev.berth.engine.deploy.ClusterStatus;
import dev.berth.engine.deploy.DeployReport;
import dev.berth.engine.deploy.StackStatus;
import dev.berth.engine.deploy.StackWiring;
import dev.berth.engine.deploy.VpnProofJob;
import dev.berth.engine.vpn.VpnProof;
import dev.berth.engine.target.Target;
import dev.berth.engine.target.TargetException;
import dev.berth.engine.update.UpdateFinder;
import dev.berth.engine.wire.WiringPlan;
import dev.berth.engine.wire.WiringResult;
import dev.berth.plan.StackPlan;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import picocli.CommandLine.Option;
import picocli.CommandLine.Command;

/** {@code berth status}: the live health of a deployed stack, read from its folder on the target. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Shows each service of a deployed stack: its state (starting, healthy, unhealthy, exited, ...), "
                + "whether its web page answers, and where to open it; then the apps' own test of each link Berth set up "
                + "(Sonarr → qBittorrent, ...); then, when apps are routed through the VPN, proves they reach the internet "
                + "only through the tunnel and shows the forwarded port. Like a deploy, the proof restarts routed apps that "
                + "lost Gluetun's network and stops them all on a leak (exit code 10); apart from that it changes nothing. "
                + "After the health table, one line per image: its tag, digest and age, and the newer tag on the same track "
                + "with its release notes, or that the registry could not be reached. When backups are on, when the last one "
                + "ran, or that it failed and why. For a stack across several hosts (hosts: in berth.yaml), every host is read at "
                + "once and a HOST column says where each service runs; a service Swarm schedules shows where Swarm runs it now.")
public final class StatusCommand extends DeployedStackCommand {
    public StatusCommand() {
        this(TargetOpener.standard());
    }

    private final VpnProofJob.Prover vpnProver;
    private final BooleanSupplier watchCancelled;

    @Option(names = "--watch", description = "Follow the stack live instead: a line for each service as it is, then one "
            + "each time a container starts, stops, dies or its health changes, until Ctrl-C.")
    boolean watch;

    public StatusCommand(TargetOpener opener) {
        this(opener, VpnProofJob.Prover.onTarget());
    }

    /** @param vpnProver proves the VPN of a stack that routes apps; tests give made-up proofs */
    public StatusCommand(TargetOpener opener, VpnProofJob.Prover vpnProver) {
        this(opener, vpnProver, UpdateFinder.registries(), () -> false);
    }

    private final UpdateFinder updates;

    /** @param updates asks the images' registries; tests point it at a loopback registry */
    public StatusCommand(TargetOpener opener, VpnProofJob.Prover vpnProver, UpdateFinder updates) {
        this(opener, vpnProver, updates, () -> false);
    }

    /** @param watchCancelled ends {@code --watch} (Ctrl-C ends the process itself) */
    public StatusCommand(TargetOpener opener, VpnProofJob.Prover vpnProver, BooleanSupplier watchCancelled) {
        this(opener, vpnProver, UpdateFinder.registries(), watchCancelled);
    }

    public StatusCommand(TargetOpener opener, VpnProofJob.Prover vpnProver, UpdateFinder updates, BooleanSupplier watchCancelled) {
        super(opener);
        this.vpnProver = vpnProver;
        this.updates = updates;
        this.watchCancelled = watchCancelled;
    }

    @Override
    int run(Target t, StackPlan plan, String stackDir) throws TargetException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        if (watch) {
            return StatusWatch.print(t, plan, stackDir, out, watchCancelled);
        }
        if (plan.answers().isMultiHost()) {
            return acrossHosts(t, plan, stackDir, out);
        }
        DeployReport report = StackStatus.read(t, plan, Duration.ofSeconds(5));
        out.println("Stack " + plan.projectName() + " in " + stackDir + " on " + t.description() + ":");
        ReportPrinter.table(report, out);
        backupLine(t, plan, stackDir).ifPresent(out::println);
        // A registry that cannot be reached is a line of its own, never a failed status.
        UpdatesPrinter.print(updates.find(t, plan, () -> false), out);
        // The apps' own tests of each link and the sign-in checks; nothing is changed.
        WiringPlan wiring = WiringPlan.of(plan, plan.secrets());
        if (!wiring.isEmpty()) {
            WiringResult links = StackWiring.onTarget(t, plan.projectName()).runOnStack(t, plan, wiring,
                    StackWiring.Mode.TEST_ONLY, Optional.empty(), p -> { }, () -> false);
            LinksPrinter.links(links, out);
        }
        int exit = report.ok() ? 0 : BerthCommand.DEPLOY_FAILED;
        if (VpnProofJob.needed(plan)) {
            VpnProof proof = VpnProofJob.proveOrExplain(vpnProver, t, plan, () -> false);
            VpnPrinter.print(plan, proof, out);
            exit = VpnPrinter.exitCode(proof, exit);
        }
        out.flush();
        return exit;
    }

    /**
     * A stack across several hosts: each host's health read at once, each service with the host it runs
     * on ({@code t}, where the stack folder was read, is the first host: the swarm's manager).
     */
    private int acrossHosts(Target t, StackPlan plan, String stackDir, PrintWriter out) throws TargetException, InterruptedException {
        List<HostAnswers> hosts = plan.answers().hosts();
        List<Target> opened = new ArrayList<>();
        try {
            List<ClusterHost> cluster = new ArrayList<>();
            Map<String, String> unreachable = new LinkedHashMap<>();
            for (int i = 0; i < hosts.size(); i++) {
                HostAnswers h = hosts.get(i);
                try {
                    Target target = i == 0 ? t : open(h.target());
                    if (i > 0) {
                        opened.add(target);
                    }
                    cluster.add(new ClusterHost(h.name(), target, h.reachableAt().orElse(null)));
                } catch (TargetException e) {
                    unreachable.put(h.name(), e.getMessage()); // a host that is down: the others still say what runs
                }
            }
            ClusterStatus.Report status = ClusterStatus.read(cluster, unreachable, plan, Duration.ofSeconds(5));
            out.println("Stack " + plan.projectName() + " in " + stackDir + " on " + hosts.size() + " hosts ("
                    + String.join(", ", hosts.stream().map(HostAnswers::name).toList()) + "; " + hosts.getFirst().name() + " is the swarm's manager):");
            ReportPrinter.hostTable(status.services(), out);
            status.unreachable().forEach((host, why) -> out.println("Host " + host + " could not be read: " + why));
            backupLine(t, plan, stackDir).ifPresent(out::println);
            out.println("Links, image updates and the VPN proof are not read across hosts yet.");
            out.flush();
            return status.ok() ? 0 : BerthCommand.DEPLOY_FAILED;
        } finally {
            opened.forEach(Target::close);
        }
    }

    /** Nothing while backups are off; a file that cannot be read is said, never a failed status. */
    static Optional<String> backupLine(Target t, StackPlan plan, String stackDir) {
        if (!plan.answers().backup().enabled()) {
            return Optional.empty();
        }
        Clock clock = Clock.systemDefaultZone();
        try {
            return Optional.of(new BackupPrinter(clock.instant(), clock.getZone()).lastLine(StackBackups.last(t, stackDir))
                    .orElse("Backups: none yet (berth backup takes one now)."));
        } catch (TargetException e) {
            return Optional.of("Last backup: not known (" + e.getMessage() + ")");
        }
    }
}
