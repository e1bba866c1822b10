package dev.berth.engine.check;

import java.util.ArrayList;
import java.util.List;

/**
 * Several findings of one check, folded into one result: the worst status wins, its findings
 * make the summary, every finding goes into the details, and the fixes are listed in order.
 */
final class Findings {
    private record Finding(Status status, String line, String fix) {
    }

    private final Check check;
    private final List<Finding> findings = new ArrayList<>();

    Findings(Check check) {
        this.check = check;
    }

    Findings pass(String line) {
        return add(Status.PASS, line, "");
    }

    Findings warn(String line, String fix) {
        return add(Status.WARN, line, fix);
    }

    Findings fail(String line, String fix) {
        return add(Status.FAIL, line, fix);
    }

    Findings add(Status status, String line, String fix) {
        findings.add(new Finding(status, line, fix == null ? "" : fix));
        return this;
    }

    Status worst() {
        return findings.stream().map(Finding::status).reduce(Status.PASS, Status::worst);
    }

    /**
     * @param passSummary the summary when nothing is wrong (the individual lines go to details)
     */
    CheckResult result(String passSummary) {
        Status worst = worst();
        List<Finding> top = findings.stream().filter(f -> f.status() == worst).toList();
        String summary = worst == Status.PASS || top.isEmpty() ? passSummary
                : top.size() == 1 ? top.getFirst().line() : top.getFirst().line() + " (and " + (top.size() - 1) + " more)";
        StringBuilder details = new StringBuilder();
        for (Finding f : findings) {
            details.append(f.status()).append(": ").append(f.line()).append('\n');
        }
        String fix = String.join("\n", findings.stream().filter(f -> f.status() != Status.PASS && !f.fix().isBlank())
                .sorted((a, b) -> b.status().compareTo(a.status())).map(Finding::fix).distinct().toList());
        return CheckResult.of(check, worst, summary, details.toString().strip(), fix);
    }
}
