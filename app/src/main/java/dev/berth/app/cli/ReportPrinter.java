package dev.berth.app.cli;

import dev.berth.engine.deploy.DeployOutcome;
import dev.berth.engine.deploy.DeployReport;
import dev.berth.engine.deploy.DeploymentResult;
import java.io.PrintWriter;

/** How a deploy ended: the table of services, and for a failure what failed, its log lines, and what was put back. */
final class ReportPrinter {
    private ReportPrinter() {
    }

    static void print(DeployOutcome outcome, PrintWriter out, PrintWriter err) {
        outcome.report().ifPresent(r -> table(r, out));
        switch (outcome.result()) {
            case DeploymentResult.Succeeded s -> out.println("Deployed: every service is up.");
            case DeploymentResult.RolledBack rb -> {
                outcome.report().ifPresent(r -> r.services().stream().filter(s -> !s.up() && !s.logTail().isEmpty())
                        .forEach(s -> {
                            err.println();
                            err.println("Last lines from " + s.service() + ":");
                            s.logTail().forEach(l -> err.println("  | " + l));
                        }));
                err.println();
                err.println("The deploy failed at \"" + rb.failedJob().description() + "\": " + message(rb.cause()));
                undoErrors(rb.undoErrors(), err);
                outcome.log().ifPresent(l -> err.println(l.sentence()));
            }
            case DeploymentResult.Cancelled c -> {
                err.println();
                err.println("Cancelled: the deploy was stopped, and what it had done was undone in reverse (the steps marked \"undone\").");
                undoErrors(c.undoErrors(), err);
                outcome.log().ifPresent(l -> err.println(l.sentence()));
            }
        }
        outcome.backupDir().ifPresent(b -> out.println("The previous files are kept in " + b));
    }

    static void table(DeployReport report, PrintWriter out) {
        int width = report.services().stream().mapToInt(s -> s.service().length()).max().orElse(7);
        out.printf("%-" + width + "s  %-10s  %s%n", "SERVICE", "STATE", "OPEN AT");
        for (DeployReport.ServiceReport s : report.services()) {
            out.printf("%-" + width + "s  %-10s  %s%s%n", s.service(), s.state().label(s.up()),
                    s.url() == null ? "-" : s.url(), s.up() || s.detail().isBlank() ? "" : "  (" + s.detail() + ")");
        }
    }

    /** A stack across several hosts: the same table with the host each service runs on ("pc (Swarm)" where Swarm put it). */
    static void hostTable(java.util.List<dev.berth.engine.deploy.HostedService> services, PrintWriter out) {
        java.util.List<String> hosts = services.stream().map(s -> s.host().isEmpty() ? "-" : s.host() + (s.swarm() ? " (Swarm)" : "")).toList();
        int width = services.stream().mapToInt(s -> s.service().length()).max().orElse(7);
        int hostWidth = Math.max(4, hosts.stream().mapToInt(String::length).max().orElse(4));
        out.printf("%-" + width + "s  %-" + hostWidth + "s  %-10s  %s%n", "SERVICE", "HOST", "STATE", "OPEN AT");
        for (int i = 0; i < services.size(); i++) {
            DeployReport.ServiceReport s = services.get(i).report();
            out.printf("%-" + width + "s  %-" + hostWidth + "s  %-10s  %s%s%n", s.service(), hosts.get(i), s.state().label(s.up()),
                    s.url() == null ? "-" : s.url(), s.up() || s.detail().isBlank() ? "" : "  (" + s.detail() + ")");
        }
    }

    private static void undoErrors(java.util.List<DeploymentResult.UndoError> errors, PrintWriter err) {
        if (errors.isEmpty()) {
            err.println("Everything it changed was put back as it was.");
            return;
        }
        err.println("These steps could not be undone; check them by hand:");
        errors.forEach(e -> err.println("  - " + e.job().description() + ": " + message(e.cause())));
    }

    private static String message(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
