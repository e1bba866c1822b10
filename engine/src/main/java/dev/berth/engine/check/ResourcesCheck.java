package dev.berth.engine.check;

import dev.berth.engine.target.ExecResult;
import dev.berth.engine.target.TargetException;
import dev.berth.plan.StackPlan;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/** CPU cores, memory against the catalog's estimate for the chosen apps, and free disk space. */
public final class ResourcesCheck implements Check {
    static final long GIB = 1024L * 1024 * 1024;
    static final long DATA_MIN_FREE = 10 * GIB;
    static final long STACK_MIN_FREE = GIB;

    record Inputs(int ramEstimateMb, String stackDir, String dataRoot) {
    }

    @Override
    public String id() {
        return "resources";
    }

    @Override
    public String title() {
        return "CPU, memory and disk";
    }

    @Override
    public Object inputs(CheckInputs in) {
        return in.plan().map(p -> new Inputs(ramEstimateMb(p), p.answers().storage().stackDir(),
                p.answers().storage().dataRoot())).orElse(null);
    }

    static int ramEstimateMb(StackPlan plan) {
        return plan.services().stream().mapToInt(s -> s.definition().ramMb()).sum();
    }

    @Override
    public CheckResult run(CheckContext ctx) throws TargetException, InterruptedException {
        StackPlan plan = ctx.requirePlan();
        TargetFacts facts = ctx.facts();
        Findings f = new Findings(this);
        if (facts.cores() == 0) {
            f.warn("Could not count the CPU cores", "");
        } else if (facts.cores() < 2) {
            f.warn("1 CPU core: imports, unpacking and library scans will be slow", "");
        } else {
            f.pass(facts.cores() + " CPU cores");
        }
        memory(f, facts.memoryBytes(), ramEstimateMb(plan), plan.services().size());
        var storage = plan.answers().storage();
        disk(ctx, f, "the stack folder " + storage.stackDir(), storage.stackDir(), STACK_MIN_FREE);
        disk(ctx, f, "the data root " + storage.dataRoot(), storage.dataRoot(), DATA_MIN_FREE);
        return f.result(facts.cores() + " cores, " + gib(facts.memoryBytes()) + " memory for about "
                + gib(ramEstimateMb(plan) * 1024L * 1024) + " of apps, enough disk space");
    }

    static void memory(Findings f, long total, int estimateMb, int services) {
        long estimate = estimateMb * 1024L * 1024;
        String line = services + " containers need about " + gib(estimate) + " of memory; this machine has " + gib(total);
        if (total == 0) {
            f.warn("Could not read the memory size; the apps need about " + gib(estimate), "");
        } else if (estimate > total) {
            f.fail(line, "Choose fewer apps (or turn off monitoring), or add memory");
        } else if (estimate > total * 0.8) {
            f.warn(line + ", leaving little for the system", "Choose fewer apps, or add memory");
        } else {
            f.pass(line);
        }
    }

    private void disk(CheckContext ctx, Findings f, String what, String path, long minimum)
            throws TargetException, InterruptedException {
        String existing = TargetPaths.nearestExisting(ctx.target().files(), path).path();
        ExecResult r = ctx.target().exec(List.of("df", "-P", "-B1", existing), Duration.ofSeconds(10));
        long free = r.ok() ? available(r.stdout()) : -1;
        if (free < 0) {
            f.warn("Could not measure the free space at " + what + ": " + r.stderr().strip(), "");
        } else if (free < minimum) {
            f.warn("Only " + gib(free) + " free at " + what + " (Berth suggests at least " + gib(minimum) + ")",
                    "Free some space, or choose a folder on a bigger disk");
        } else {
            f.pass(gib(free) + " free at " + what + (existing.equals(TargetPaths.normalize(path)) ? "" : " (measured at " + existing + ")"));
        }
    }

    /** The Available column of {@code df -P -B1}'s one data line; -1 when unreadable. */
    static long available(String df) {
        String[] lines = df.strip().split("\n");
        if (lines.length < 2) {
            return -1;
        }
        String[] cols = lines[lines.length - 1].trim().split("\\s+");
        try {
            return cols.length >= 4 ? Long.parseLong(cols[3]) : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    static String gib(long bytes) {
        return bytes >= GIB ? String.format(Locale.ROOT, "%.1f GiB", bytes / (double) GIB)
                : String.format(Locale.ROOT, "%d MiB", bytes / (1024 * 1024));
    }
}
