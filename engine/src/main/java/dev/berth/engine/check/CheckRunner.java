package dev.berth.engine.check;

import dev.berth.engine.target.Target;
import dev.berth.engine.target.TargetException;
import dev.berth.plan.StackPlan;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Runs checks against one target: all at once on virtual threads, each result handed to a
 * listener as it finishes (on the calling thread, so listeners need no locking), with a time
 * limit per check and a {@link #cancel()}. The target's facts are gathered once per runner.
 * After new answers, {@link #runAgain} re-runs only the checks whose inputs changed.
 *
 * <p>A check that does not finish in time is a FAIL, not a WARN: a check that hangs usually
 * means the thing it looks at hangs (a wedged Docker engine, a dead mount, a DNS server that
 * does not answer), and "we could not tell" must not let a deploy go ahead as if all were well.
 */
public final class CheckRunner implements AutoCloseable {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(15);

    private final Target target;
    private final List<Check> checks;
    private final Duration timeout;
    private final ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor();
    private final Map<String, Object> lastInputs = new HashMap<>();
    private final Map<String, CheckResult> lastResults = new HashMap<>();
    private Future<TargetFacts> facts;
    private volatile CheckRun current;

    public CheckRunner(Target target, List<Check> checks, Duration timeout) {
        this.target = Objects.requireNonNull(target);
        this.checks = List.copyOf(checks);
        this.timeout = timeout;
    }

    public CheckRunner(Target target, List<Check> checks) {
        this(target, checks, DEFAULT_TIMEOUT);
    }

    /**
     * Runs every check and waits for them (or the time limit, or {@link #cancel()}).
     *
     * @param plan the plan, or null to check the target alone (checks that need one are SKIPped)
     * @return the results in the order of the check list; after a cancel, only those that finished
     */
    public synchronized List<CheckResult> run(StackPlan plan, Consumer<CheckResult> listener) throws InterruptedException {
        lastInputs.clear();
        lastResults.clear();
        return execute(plan, checks, listener);
    }

    /**
     * Re-runs the checks whose {@link Check#inputs} differ for the new plan (and any that never
     * finished or ran out of time); the others keep their previous result. Only re-run results
     * reach the listener.
     */
    public synchronized List<CheckResult> runAgain(StackPlan plan, Consumer<CheckResult> listener) throws InterruptedException {
        CheckInputs in = CheckInputs.of(plan);
        List<Check> changed = checks.stream().filter(c -> !lastInputs.containsKey(c.id())
                || !Objects.equals(lastInputs.get(c.id()), c.inputs(in))).toList();
        return execute(plan, changed, listener);
    }

    /** Stops the checks under way; they report nothing more, and run() returns what finished. */
    public void cancel() {
        CheckRun run = current;
        if (run != null) {
            run.cancel();
        }
    }

    /** The facts, gathering them if no run did yet. */
    public TargetFacts facts() throws TargetException, InterruptedException {
        return new CheckContext(target, null, factsFuture()).facts();
    }

    private synchronized Future<TargetFacts> factsFuture() {
        // A gathering that was cancelled or broke is tried again; a finished one is kept.
        if (facts == null || facts.isCancelled() || facts.state() == Future.State.FAILED) {
            facts = pool.submit(() -> new FactGatherer(target).gather());
        }
        return facts;
    }

    private List<CheckResult> execute(StackPlan plan, List<Check> toRun, Consumer<CheckResult> listener)
            throws InterruptedException {
        CheckInputs in = CheckInputs.of(plan);
        CheckContext ctx = new CheckContext(target, plan, factsFuture());
        CheckRun run = new CheckRun(pool, timeout);
        current = run;
        try {
            run.start(toRun, ctx, result -> {
                Check check = toRun.stream().filter(c -> c.id().equals(result.checkId())).findFirst().orElseThrow();
                lastInputs.put(check.id(), check.inputs(in));
                lastResults.put(check.id(), result);
                listener.accept(result);
            });
        } finally {
            current = null;
        }
        // A check that ran out of time gave no answer: the next runAgain tries it again.
        run.timedOut().forEach(lastInputs::remove);
        List<CheckResult> ordered = new ArrayList<>();
        for (Check c : checks) {
            CheckResult r = lastResults.get(c.id());
            if (r != null) {
                ordered.add(r);
            }
        }
        return ordered;
    }

    @Override
    public void close() {
        cancel();
        pool.shutdownNow();
    }
}
