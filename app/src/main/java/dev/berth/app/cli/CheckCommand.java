package dev.berth.app.cli;

import dev.berth.answers.AnswersFile;
import dev.berth.answers.InvalidAnswersException;
import dev.berth.catalog.Catalog;
import dev.berth.catalog.CatalogException;
import dev.berth.engine.check.CheckData;
import dev.berth.engine.check.CheckResult;
import dev.berth.engine.check.CheckRunner;
import dev.berth.engine.check.Checks;
import dev.berth.engine.check.Status;
import dev.berth.engine.target.Target;
import dev.berth.engine.target.TargetException;
import dev.berth.plan.Planner;
import dev.berth.plan.StackPlan;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code berth check}: whether a machine can run the stack, and what to do where it cannot.
 * Without answers only the machine itself is checked (system, Docker, Compose, ids, clock).
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Checks whether this computer (or a server over SSH) can run your stack, and says how to fix what "
                + "cannot. With hosts: in the answers (and no --target), checks every host at once and adds up their resources. Changes nothing, apart from a test file for the hardlink check that is removed again (and, with --fix-ports, the answers file's portOverrides).")
public final class CheckCommand implements Callable<Integer> {

    @CommandLine.Mixin
    TargetOption target;

    @Option(names = "--answers", paramLabel = "FILE",
            description = "The answers file (berth.yaml): checks ports, folders, devices and the domain it asks for.")
    Path answersFile;

    @Option(names = "--install-docker",
            description = "When the Docker check fails because Docker is missing or too old: show the commands that install "
                    + "Docker's engine and Compose plugin (a pinned release, from Docker's own repository), ask, run them with "
                    + "their output (sudo's password is asked for on the terminal), and check again.")
    boolean installDocker;

    @Option(names = "--fix-ports",
            description = "When a web UI port the answers want is taken: write the free port the check suggests into the "
                    + "answers file's portOverrides (nothing else in the file changes), and check the ports again. Needs --answers.")
    boolean fixPorts;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final TargetOpener opener;

    public CheckCommand() {
        this(TargetOpener.standard());
    }

    public CheckCommand(TargetOpener opener) {
        this.opener = opener;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        // Not the target the answers name: without --target, check looks at this computer.
        TargetSpec where = target.where(null);
        if (fixPorts && answersFile == null) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--fix-ports writes the ports into your answers file: add --answers FILE (your berth.yaml)");
        }
        StackPlan plan;
        try {
            plan = answersFile == null ? null : new Planner(Catalog.builtIn()).plan(AnswersFile.read(answersFile), Map.of());
        } catch (InvalidAnswersException e) {
            ProblemPrinter.print(answersFile, e, err);
            return BerthCommand.INVALID_ANSWERS;
        } catch (java.nio.file.NoSuchFileException e) {
            err.println("Cannot find " + e.getFile() + ".");
            return BerthCommand.IO_ERROR;
        } catch (IOException | CatalogException e) {
            err.println("Cannot read " + answersFile + ": " + e.getMessage());
            return BerthCommand.IO_ERROR;
        }
        if (fixPorts && plan.answers().isMultiHost()) {
            // Each host's port check sees that host alone, and a Swarm-scheduled service publishes
            // on every host: a port free on one may be taken on another.
            throw new CommandLine.ParameterException(spec.commandLine(), "--fix-ports works on a stack on one machine; with "
                    + "hosts: in the answers, run berth check --answers " + answersFile + " and put the port each host's "
                    + "port check suggests under portOverrides: in the file yourself");
        }
        if (plan != null && plan.answers().isMultiHost() && target.target == null) {
            if (installDocker || target.acceptHostKey != null) {
                throw new CommandLine.ParameterException(spec.commandLine(), (installDocker ? "--install-docker" : "--accept-host-key")
                        + " works on one machine: with hosts: in the answers, add --target ssh://user@host (or local) for that host");
            }
            try {
                return HostsCheck.run(plan, opener, target, out, err);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                err.println("Stopped.");
                return BerthCommand.CHECK_FAILED;
            }
        }
        try {
            try (Target t = target.open(opener, where, err)) {
                List<CheckResult> results = run(t, plan, out, err);
                if (!installDocker || !dockerMissingOrOld(results)) {
                    return fixPorts ? PortFix.run(t, answersFile, results, out, err) : exitCode(results);
                }
                int installed = DockerInstallPrompt.offer(t, out, err);
                if (installed != 0) {
                    return installed;
                }
            }
            // A new connection: over SSH a new login is what picks up the docker group just joined.
            err.println("Checking again ...");
            try (Target t = target.open(opener, where, err)) {
                List<CheckResult> results = run(t, plan, out, err);
                return fixPorts ? PortFix.run(t, answersFile, results, out, err) : exitCode(results);
            }
        } catch (TargetException e) {
            err.println(e.getMessage());
            return BerthCommand.CHECK_FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("Stopped.");
            return BerthCommand.CHECK_FAILED;
        }
    }

    /** The Docker check failed because Docker is missing or too old: what an install mends. */
    private static boolean dockerMissingOrOld(List<CheckResult> results) {
        return results.stream().anyMatch(r -> r.status() == Status.FAIL && r.data(CheckData.DockerInstallable.class).isPresent());
    }

    static int exitCode(List<CheckResult> results) {
        return results.stream().anyMatch(r -> r.status() == Status.FAIL) ? BerthCommand.CHECK_FAILED : 0;
    }

    private List<CheckResult> run(Target t, StackPlan plan, PrintWriter out, PrintWriter err) throws InterruptedException {
        err.println("Checking " + t.description() + (plan == null ? " (without answers: the machine only)" : " for " + answersFile) + " ...");
        try (CheckRunner runner = new CheckRunner(t, plan == null ? Checks.targetOnly() : Checks.all())) {
            // Ctrl-C stops the checks under way rather than leaving them running on the target.
            Thread stop = new Thread(runner::cancel);
            Runtime.getRuntime().addShutdownHook(stop);
            List<CheckResult> results;
            try {
                results = runner.run(plan, r -> CheckTable.progress(r, err));
            } finally {
                try {
                    Runtime.getRuntime().removeShutdownHook(stop);
                } catch (IllegalStateException shuttingDown) {
                    // Already on the way out: the hook is running.
                }
            }
            out.println();
            CheckTable.print(results, out);
            out.flush();
            return results;
        }
    }
}
