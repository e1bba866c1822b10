package dev.berth.app.cli;

import dev.berth.engine.install.DockerReleases;
import dev.berth.engine.install.HostFacts;
import dev.berth.engine.install.HostFactsReader;
import dev.berth.engine.install.InstallPlan;
import dev.berth.engine.install.InstallPlanner;
import dev.berth.engine.install.InstallRunner;
import dev.berth.engine.install.InstallStep;
import dev.berth.engine.target.Target;
import java.io.Console;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code berth check --install-docker}: shows the commands that install Docker on the target,
 * asks, asks for the sudo password on the terminal, runs them with their output, and says how
 * it went. Nothing runs before the person said yes.
 */
final class DockerInstallPrompt {
    private DockerInstallPrompt() {
    }

    /** @return 0 when Docker was installed; else the exit code for what happened */
    static int offer(Target t, PrintWriter out, PrintWriter err) throws InterruptedException {
        err.println("Looking at what installing Docker on " + t.description() + " takes ...");
        HostFacts facts = HostFactsReader.read(t);
        InstallPlan plan = new InstallPlanner(DockerReleases.builtIn()).plan(facts);
        if (plan instanceof InstallPlan.Refused refused) {
            err.println("Berth cannot install Docker there: " + refused.reason() + ".");
            err.println("What to do: " + refused.whatToDo() + ".");
            return BerthCommand.CHECK_FAILED;
        }
        InstallPlan.Commands commands = (InstallPlan.Commands) plan;
        show(commands, t, out);
        if (!Confirm.ask("Run these " + commands.steps().size() + " commands on " + t.description() + "?", err)) {
            err.println("Nothing was run. To install Docker yourself: https://docs.docker.com/engine/install/");
            return BerthCommand.NOT_CONFIRMED;
        }
        char[] password = null;
        try {
            if (commands.needsPassword()) {
                Console console = System.console();
                password = console == null ? null : console.readPassword("[sudo] password for %s on %s: ", facts.user(), t.description());
                if (password == null || password.length == 0) {
                    err.println("No password given; nothing was run.");
                    return BerthCommand.NOT_CONFIRMED;
                }
            }
            return run(t, commands, password, out, err);
        } finally {
            if (password != null) {
                Arrays.fill(password, '\0');
            }
        }
    }

    private static void show(InstallPlan.Commands plan, Target t, PrintWriter out) {
        out.println();
        out.println("To install " + plan.summary() + " on " + t.description() + ", Berth would run:");
        int n = 1;
        for (InstallStep step : plan.steps()) {
            out.println(String.format("%3d. %s", n++, step.purpose()));
            out.println("       " + step.shown());
        }
        if (plan.needsPassword()) {
            out.println("sudo reads your password from its input (-S) each time: it is asked for once, kept only in memory"
                    + " while the commands run, and never written or logged.");
        }
        out.flush();
    }

    private static int run(Target t, InstallPlan.Commands plan, char[] password, PrintWriter out, PrintWriter err) {
        AtomicBoolean cancelled = new AtomicBoolean();
        CountDownLatch told = new CountDownLatch(1);
        // Ctrl-C lets the command under way finish (apt or dnf stopped midway leave their
        // database to repair) and runs no further one; the JVM ends once the outcome is told.
        // Waiting for the latch, not this thread: it may go on to System.exit, which waits for the hook.
        Thread stop = new Thread(() -> {
            cancelled.set(true);
            err.println();
            err.println("Stopping after the command under way ...");
            err.flush();
            try {
                told.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Runtime.getRuntime().addShutdownHook(stop);
        try {
            return tell(new InstallRunner(t).run(plan, password, listener(out), cancelled::get), t, plan, err);
        } finally {
            told.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(stop);
            } catch (IllegalStateException shuttingDown) {
                // Ctrl-C came: the hook has been let go by the latch.
            }
        }
    }

    private static InstallRunner.Listener listener(PrintWriter out) {
        return new InstallRunner.Listener() {
            @Override
            public void stepStarted(int number, int of, InstallStep step) {
                out.println("[" + number + "/" + of + "] " + step.purpose());
                out.println("$ " + step.shown());
                out.flush();
            }

            @Override
            public void line(String text) {
                out.println("  " + text);
                out.flush();
            }
        };
    }

    private static int tell(InstallRunner.Outcome outcome, Target t, InstallPlan.Commands plan, PrintWriter err) {
        return switch (outcome) {
            case InstallRunner.Outcome.Installed installed -> {
                err.println("Docker " + plan.engineVersion() + " and Compose " + plan.composeVersion() + " are installed on "
                        + t.description() + ".");
                yield 0;
            }
            case InstallRunner.Outcome.Failed failed -> {
                err.println(failed.message());
                yield BerthCommand.CHECK_FAILED;
            }
            case InstallRunner.Outcome.Cancelled c -> {
                err.println("Stopped after " + c.stepsDone() + " of " + plan.steps().size() + " commands; every one is safe to run"
                        + " again, so run berth check --install-docker once more to finish.");
                yield BerthCommand.CANCELLED;
            }
        };
    }
}
