package dev.berth.app.cli;

import dev.berth.engine.lifecycle.StackLifecycle;
import dev.berth.engine.stack.StackBusyException;
import dev.berth.engine.target.Target;
import dev.berth.engine.target.TargetException;
import dev.berth.plan.StackPlan;
import java.io.PrintWriter;

/**
 * {@code berth stop}, {@code start} and {@code remove}: one action of {@link StackLifecycle} on a
 * deployed stack, its lines printed as they come and what was done at the end. Another Berth
 * working on the stack exits with {@link BerthCommand#STACK_BUSY}, naming it; a failing Compose
 * or target with {@link BerthCommand#IO_ERROR} and their words.
 */
abstract class LifecycleCommand extends DeployedStackCommand {
    LifecycleCommand(TargetOpener opener) {
        super(opener);
    }

    /** The action; throws what it refuses with. */
    abstract StackLifecycle.Outcome act(StackLifecycle life, PrintWriter out, PrintWriter err) throws Exception;

    /** "stopped", "started", "removed": for the message when the stack is busy. */
    abstract String done();

    @Override
    final int run(Target t, StackPlan plan, String stackDir) throws TargetException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        StackLifecycle life = StackLifecycle.onTarget(t, plan, stackDir);
        try {
            StackLifecycle.Outcome outcome = act(life, out, err);
            out.println(outcome.summary());
            outcome.lines().forEach(line -> out.println("  " + line));
            out.flush();
            return 0;
        } catch (StackBusyException busy) {
            err.println(life.busyMessage(busy, done()));
            return BerthCommand.STACK_BUSY;
        } catch (StackLifecycle.NotConfirmedException no) {
            err.println(no.getMessage());
            return BerthCommand.NOT_CONFIRMED;
        } catch (TargetException | InterruptedException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
