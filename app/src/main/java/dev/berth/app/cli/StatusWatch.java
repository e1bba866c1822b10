package dev.berth.app.cli;

import dev.berth.engine.deploy.StackWatch;
import dev.berth.engine.health.ServiceHealth;
import dev.berth.engine.target.Target;
import dev.berth.engine.target.TargetException;
import dev.berth.plan.StackPlan;
import java.io.PrintWriter;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.function.BooleanSupplier;

/** {@code berth status --watch}: a line per service as it is, then a line per change, each with the time it was seen. */
final class StatusWatch {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    private StatusWatch() {
    }

    static int print(Target t, StackPlan plan, String stackDir, PrintWriter out, BooleanSupplier cancelled)
            throws TargetException, InterruptedException {
        int width = plan.services().stream().mapToInt(s -> s.name().length()).max().orElse(7);
        out.println("Watching stack " + plan.projectName() + " in " + stackDir + " on " + t.description() + " (Ctrl-C to stop):");
        out.printf("%-8s  %-" + width + "s  %-10s  %s%n", "TIME", "SERVICE", "STATE", "DETAIL");
        out.flush();
        StackWatch.follow(t, plan, h -> {
            out.printf("%-8s  %-" + width + "s  %-10s  %s%n", TIME.format(h.since()), h.service(),
                    h.label(), detail(h));
            out.flush();
        }, cancelled);
        return 0;
    }

    private static String detail(ServiceHealth h) {
        String d = h.detail().strip();
        if (h.probe() != null && !h.probe().ok()) {
            d = (d.isEmpty() ? "" : d + "; ") + "no answer at " + h.probe().url();
        }
        return d;
    }
}
