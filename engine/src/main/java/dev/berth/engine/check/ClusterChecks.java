package dev.berth.engine.check;

import dev.berth.engine.target.Target;
import dev.berth.engine.target.TargetException;
import dev.berth.plan.HostResources;
import dev.berth.plan.StackPlan;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiConsumer;

/**
 * The checks of a stack on several hosts (issue 17): every host's {@link CheckRunner} (each with
 * its own facts) and its {@link HostResourcesReader} at once, so the slowest host sets the time,
 * not their sum.
 */
public final class ClusterChecks implements AutoCloseable {

    /**
     * @param name     the host's name from {@code hosts:}
     * @param plan     what this host is checked for, or null for the machine alone
     * @param dataRoot the data root whose file system's free space is read
     */
    public record HostToCheck(String name, Target target, StackPlan plan, String dataRoot) {
    }

    /**
     * One host's outcome.
     *
     * @param resources        what it has; empty when they could not be read ({@code resourcesProblem} says why)
     * @param resourcesProblem why the resources could not be read, or null
     */
    public record HostReport(String name, List<CheckResult> results, Optional<HostResources> resources, String resourcesProblem) {
        /** The worst result of the host (PASS for none); an unreadable host's resources count as a failure. */
        public Status worst() {
            Status worst = resources.isPresent() ? Status.PASS : Status.FAIL;
            for (CheckResult r : results) {
                worst = worst.worst(r.status());
            }
            return worst;
        }
    }

    private final List<HostToCheck> hosts;
    private final Map<String, CheckRunner> runners = new LinkedHashMap<>();

    public ClusterChecks(List<HostToCheck> hosts, List<Check> checks) {
        this.hosts = List.copyOf(hosts);
        for (HostToCheck h : this.hosts) {
            runners.put(h.name(), new CheckRunner(h.target(), checks));
        }
    }

    /**
     * Runs every host's checks and reads every host's resources, all at once, and waits for them.
     *
     * @param listener told (host name, result) as each check finishes, from several threads
     * @return one report per host, in the order of the hosts
     */
    public List<HostReport> run(BiConsumer<String, CheckResult> listener) throws InterruptedException {
        Map<String, Future<List<CheckResult>>> results = new LinkedHashMap<>();
        Map<String, Future<HostResources>> resources = new LinkedHashMap<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (HostToCheck h : hosts) {
                CheckRunner runner = runners.get(h.name());
                results.put(h.name(), pool.submit(() -> runner.run(h.plan(), r -> listener.accept(h.name(), r))));
                resources.put(h.name(), pool.submit(() -> new HostResourcesReader().read(h.target(), h.dataRoot())));
            }
            List<HostReport> reports = new ArrayList<>();
            for (HostToCheck h : hosts) {
                List<CheckResult> done = results.get(h.name()).get();
                HostResources read = null;
                String problem = null;
                try {
                    read = resources.get(h.name()).get();
                } catch (ExecutionException e) {
                    problem = e.getCause() instanceof TargetException t ? t.getMessage()
                            : "Could not read the resources of " + h.target().description() + ": " + e.getCause();
                }
                reports.add(new HostReport(h.name(), done, Optional.ofNullable(read), problem));
            }
            return reports;
        } catch (ExecutionException e) {
            // CheckRunner.run reports a broken check as its result; only an interrupt is left to escape.
            throw new IllegalStateException("checks stopped: " + e.getCause(), e.getCause());
        }
    }

    /** The resources of the hosts that could be read, added up. */
    public static ClusterResources sum(List<HostReport> reports) {
        Map<String, HostResources> byHost = new LinkedHashMap<>();
        reports.forEach(r -> r.resources().ifPresent(res -> byHost.put(r.name(), res)));
        return ClusterResources.sum(byHost);
    }

    /** Stops every host's checks under way. */
    public void cancel() {
        runners.values().forEach(CheckRunner::cancel);
    }

    @Override
    public void close() {
        runners.values().forEach(CheckRunner::close);
    }
}
