package dev.berth.app.cli;

import dev.berth.answers.Answers;
import dev.berth.answers.HostAnswers;
import dev.berth.answers.InvalidAnswersException;
import dev.berth.answers.TargetAnswers;
import dev.berth.catalog.Catalog;
import dev.berth.engine.cluster.ClusterHost;
import dev.berth.engine.deploy.ClusterDeployer;
import dev.berth.engine.deploy.ClusterOutcome;
import dev.berth.engine.deploy.ClusterPreview;
import dev.berth.engine.deploy.DeployOptions;
import dev.berth.engine.deploy.DeployOutcome;
import dev.berth.engine.deploy.DeployPreview;
import dev.berth.engine.deploy.DeploymentResult;
import dev.berth.engine.deploy.HostProgress;
import dev.berth.engine.stack.StackBusyException;
import dev.berth.engine.stack.StackState;
import dev.berth.engine.target.Target;
import dev.berth.engine.target.TargetException;
import dev.berth.plan.HostAssignment;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * {@code berth deploy} for answers with {@code hosts:} (issue 17): connects to every host (each as
 * the single-host deploy connects, the host-key question included), shows where each service goes
 * and why, each host's changes and steps, asks, then deploys all hosts at once with progress lines
 * tagged by host, and reports per host. Exit codes as the single-host deploy's.
 */
final class ClusterDeploy {
    private final TargetOpener opener;
    private final String acceptHostKey;
    private final boolean yes;
    private final PrintWriter out;
    private final PrintWriter err;

    ClusterDeploy(TargetOpener opener, String acceptHostKey, boolean yes, PrintWriter out, PrintWriter err) {
        this.opener = opener;
        this.acceptHostKey = acceptHostKey;
        this.yes = yes;
        this.out = out;
        this.err = err;
    }

    int run(Path answersFile, Answers answers, Catalog catalog, DeployOptions options) {
        List<ClusterHost> hosts = new ArrayList<>();
        try {
            for (HostAnswers host : answers.hosts()) {
                Target target = opener.open(where(host.target()), TerminalHostKeyQuestion.fromConsole(err));
                hosts.add(new ClusterHost(host.name(), target, host.reachableAt().orElse("")));
            }
            return deploy(new ClusterDeployer(hosts, catalog, Clock.systemDefaultZone()), answers, options);
        } catch (TargetException e) {
            err.println(e.getMessage());
            return BerthCommand.DEPLOY_FAILED;
        } catch (InvalidAnswersException e) {
            ProblemPrinter.print(answersFile, e, err);
            return BerthCommand.INVALID_ANSWERS;
        } catch (StackState.ForeignStackException e) {
            err.println(e.getMessage());
            return BerthCommand.INVALID_ANSWERS;
        } catch (StackBusyException e) {
            err.println(e.getMessage());
            return BerthCommand.STACK_BUSY;
        } finally {
            hosts.reversed().forEach(h -> h.target().close());
        }
    }

    /** How to reach one host, as {@code --target} would name it; {@code --accept-host-key} is the person's answer for any of them. */
    private TargetSpec where(TargetAnswers target) {
        if (target != null && target.kind() == TargetAnswers.Kind.SSH && target.host() != null) {
            return new TargetSpec.Ssh(target.user(), target.host(), target.port() == null ? 0 : target.port(), acceptHostKey);
        }
        return new TargetSpec.Local();
    }

    private int deploy(ClusterDeployer deployer, Answers answers, DeployOptions options)
            throws TargetException, StackState.ForeignStackException, StackBusyException {
        ClusterPreview preview = deployer.preview(answers, options);
        printPlacement(preview);
        boolean nothingToChange = true;
        for (var entry : preview.hosts().entrySet()) {
            DeployPreview host = entry.getValue();
            out.println("== " + entry.getKey());
            PreviewPrinter.printChanges(host, out);
            if (host.folderChoiceNeeded()) {
                out.flush();
                err.println(entry.getKey() + ": " + host.folderChoiceMessage());
                err.println("Run the deploy again with --move-folders or --keep-folders.");
                return BerthCommand.INVALID_ANSWERS;
            }
            if (!host.firstInstall()) {
                out.print(host.diff().render());
            }
            PreviewPrinter.print(host, entry.getKey(), out);
            out.println();
            nothingToChange &= host.nothingToChange();
        }
        out.flush();
        // As on one host: with nothing to change there is nothing to agree to (the swarm's join changes only what is missing).
        if (!nothingToChange && !yes && !Confirm.ask("Deploy on all " + preview.hosts().size() + " hosts now?", err)) {
            err.println("Nothing was changed on any host. (Use --yes to deploy without being asked.)");
            return BerthCommand.NOT_CONFIRMED;
        }
        ClusterOutcome outcome;
        Map<String, DeployProgressPrinter> printers = new LinkedHashMap<>();
        try (DeployInterrupts interrupts = DeployInterrupts.install(err, DeployInterrupts.terminal())) {
            Consumer<HostProgress> tagged = p -> printers.computeIfAbsent(p.host(), this::printerFor).accept(p.progress());
            outcome = deployer.deploy(preview, tagged, interrupts::cancelled);
        }
        printers.values().forEach(DeployProgressPrinter::finish);
        report(preview, outcome);
        return switch (outcome.result()) {
            case DeploymentResult.Succeeded s -> outcome.hosts().values().stream()
                    .map(o -> o.vpn().map(proof -> VpnPrinter.exitCode(proof, 0)).orElse(0))
                    .filter(code -> code != 0).findFirst().orElse(0);
            case DeploymentResult.RolledBack r -> BerthCommand.DEPLOY_FAILED;
            case DeploymentResult.Cancelled c -> BerthCommand.CANCELLED;
        };
    }

    /** Where each service goes, and the deciding reason first. */
    private void printPlacement(ClusterPreview preview) {
        out.println("Where each service runs (manager " + preview.layout().manager() + ", data on " + preview.layout().storageHost() + "):");
        for (HostAssignment a : preview.layout().services().values()) {
            out.println("  " + a.service() + " → " + a.host() + (a.pinned() ? " (pinned)" : "")
                    + (a.reasons().isEmpty() ? "" : ": " + String.join("; ", a.reasons())));
        }
        out.println();
    }

    private void report(ClusterPreview preview, ClusterOutcome outcome) {
        for (var entry : outcome.hosts().entrySet()) {
            DeployOutcome host = entry.getValue();
            DeployPreview hostPreview = preview.hosts().get(entry.getKey());
            out.println("== " + entry.getKey());
            host.report().ifPresent(r -> ReportPrinter.table(r, out));
            host.proxyHosts().ifPresent(r -> out.println(r.summary()));
            host.wiring().ifPresent(w -> {
                LinksPrinter.links(w, out);
                LinksPrinter.credentials(w.credentials(), hostPreview.plan().secrets(), hostPreview.stackDir(), out);
            });
            host.vpn().ifPresent(proof -> VpnPrinter.print(hostPreview.plan(), proof, out));
            host.backupDir().ifPresent(b -> out.println("The previous files are kept in " + b));
            host.log().ifPresent(l -> out.println(l.sentence()));
        }
        // The one result across hosts: which host's step failed, and what stayed done on which host.
        ReportPrinter.print(new DeployOutcome(outcome.result(), java.util.Optional.empty(), java.util.Optional.empty()), out, err);
        out.flush();
    }

    /** Progress of one host, each line starting with its name; the swarm's own steps ("") untagged. */
    private DeployProgressPrinter printerFor(String host) {
        return new DeployProgressPrinter(host.isEmpty() ? err : new PrintWriter(new LinePrefix(err, host + ": "), true));
    }

    /** Puts a prefix before every line written through it. */
    private static final class LinePrefix extends Writer {
        private final PrintWriter target;
        private final String prefix;
        private boolean atLineStart = true;

        LinePrefix(PrintWriter target, String prefix) {
            this.target = target;
            this.prefix = prefix;
        }

        @Override
        public void write(char[] chars, int offset, int length) {
            synchronized (target) {
                for (int i = offset; i < offset + length; i++) {
                    if (atLineStart) {
                        target.write(prefix);
                        atLineStart = false;
                    }
                    target.write(chars[i]);
                    atLineStart = chars[i] == '\n';
                }
            }
        }

        @Override
        public void flush() {
            target.flush();
        }

        @Override
        public void close() {
            flush();
        }
    }
}
