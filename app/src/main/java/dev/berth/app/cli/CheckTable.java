package dev.berth.app.cli;

import dev.berth.engine.check.CheckResult;
import dev.berth.engine.check.Status;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The results of {@code berth check} as a table: status, check, summary, and the fix under it. */
final class CheckTable {
    private CheckTable() {
    }

    static void print(List<CheckResult> results, PrintWriter out) {
        int width = Math.max("CHECK".length(), results.stream().mapToInt(r -> r.title().length()).max().orElse(0));
        String indent = " ".repeat(8 + width + 2);
        out.printf("%-8s%-" + width + "s  %s%n", "STATUS", "CHECK", "SUMMARY");
        for (CheckResult r : results) {
            out.printf("%-8s%-" + width + "s  %s%n", r.status(), r.title(), r.summary());
            boolean first = true;
            for (String line : r.fix().lines().toList()) {
                out.println(indent + (first ? "fix: " : "     ") + line);
                first = false;
            }
        }
        Map<Status, Integer> counts = new TreeMap<>();
        results.forEach(r -> counts.merge(r.status(), 1, Integer::sum));
        out.println();
        out.println(String.join(", ", counts.entrySet().stream().sorted((a, b) -> b.getKey().compareTo(a.getKey()))
                .map(e -> e.getValue() + " " + e.getKey()).toList()) + ".");
    }

    /** One line per result as it arrives, so a slow check does not look like a hang. */
    static void progress(CheckResult r, PrintWriter err) {
        err.printf("  %-5s %s%n", r.status(), r.title());
        err.flush();
    }
}
