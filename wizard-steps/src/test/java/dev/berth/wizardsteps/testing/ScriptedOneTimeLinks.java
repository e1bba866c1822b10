package dev.berth.wizardsteps.testing;

import dev.berth.answers.TargetAnswers;
import dev.berth.catalog.Catalog;
import dev.berth.engine.authelia.OneTimeLink;
import dev.berth.engine.target.Target;
import dev.berth.engine.target.TargetException;
import dev.berth.plan.StackPlan;
import dev.berth.wizardsteps.core.WizardBackend;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * The real backend, with Authelia's notification file as the test scripts it: what each read finds,
 * in turn (nothing once the script is used up), and on which thread each read ran. For the Done
 * page's one-time link without a stack on a target.
 */
public final class ScriptedOneTimeLinks implements WizardBackend {
    private final WizardBackend real = WizardBackend.standard();
    private final Deque<Callable<Optional<OneTimeLink>>> reads = new ArrayDeque<>();
    private final List<String> threads = new ArrayList<>();

    /** The next read finds this. */
    public ScriptedOneTimeLinks then(Callable<Optional<OneTimeLink>> read) {
        reads.add(read);
        return this;
    }

    /** The threads the reads ran on, in order. */
    public synchronized List<String> threads() {
        return List.copyOf(threads);
    }

    @Override
    public Catalog catalog() {
        return real.catalog();
    }

    @Override
    public Target open(TargetAnswers target, Login login) throws TargetException {
        return real.open(target, login);
    }

    @Override
    public Optional<OneTimeLink> newestOneTimeLink(Target on, StackPlan plan) throws TargetException {
        Callable<Optional<OneTimeLink>> read;
        synchronized (this) {
            threads.add(Thread.currentThread().getName());
            read = reads.poll();
        }
        try {
            return read == null ? Optional.empty() : read.call();
        } catch (TargetException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
