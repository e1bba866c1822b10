package dev.berth.app.cli;

import dev.berth.plan.Addition;
import dev.berth.plan.PlannedService;
import dev.berth.plan.PortMove;
import dev.berth.plan.PublishedPort;
import dev.berth.plan.StackPlan;
import dev.berth.render.Links;
import dev.berth.render.RenderedStack;
import java.io.PrintWriter;
import java.nio.file.Path;

/** The short report after rendering: what runs, where to open it, what was added and why. */
final class StackSummary {
    private final StackPlan plan;
    private final RenderedStack stack;

    /** The domain as the answers file wrote it, to say when the stack writes it otherwise; null without one. */
    private final String typedDomain;

    StackSummary(StackPlan plan, RenderedStack stack, String typedDomain) {
        this.plan = plan;
        this.stack = stack;
        this.typedDomain = typedDomain;
    }

    void print(PrintWriter out, Path dir) {
        out.printf("Wrote %d files to %s%n%n", stack.files().size(), dir.toAbsolutePath().normalize());
        out.printf("Services (%d):%n", plan.services().size());
        for (PlannedService s : plan.services()) {
            String where = s.hostWebPort() > 0 ? Links.url(plan, s)
                    : plan.answers().access().proxyEnabled() && s.definition().web() != null && s.definition().web().publish()
                    ? Links.url(plan, s) : "(internal)";
            out.printf("  %-22s %-48s %s%n", s.name(), s.definition().image().reference(), where);
        }
        String domain = plan.answers().access().domain();
        if (plan.answers().access().proxyEnabled() && domain != null) {
            out.printf("%nDomain: %s%n", domain.equals(typedDomain) || typedDomain == null ? domain
                    : typedDomain + ", written as " + domain + " (domain names ignore case)");
        }
        out.printf("%nPublished ports:%n");
        for (PublishedPort p : plan.publishedPorts()) {
            out.printf("  %5d/%s  %s%n", p.hostPort(), p.protocol().key(), p.purpose());
        }
        if (!plan.additions().isEmpty()) {
            out.printf("%nAdded for you:%n");
            for (Addition a : plan.additions()) {
                out.printf("  %-22s %s%n", a.service(), a.reason());
            }
        }
        if (!plan.portMoves().isEmpty()) {
            out.printf("%nPorts moved:%n");
            for (PortMove m : plan.portMoves()) {
                out.printf("  %-22s %d -> %d (%s)%n", m.service(), m.from(), m.to(), m.reason());
            }
        }
        if (!plan.suggestions().isEmpty()) {
            out.printf("%nYou might also like: %s%n", String.join(", ", plan.suggestions()));
        }
        // A stack without secrets gets no secrets folder: then there is nothing to point at.
        int secrets = plan.secrets().size();
        String where = secrets == 0 ? ""
                : "%d %s in %s (readable only by you). ".formatted(secrets, secrets == 1 ? "secret is" : "secrets are", dir.resolve("secrets"));
        out.printf("%n%sStart the stack with: docker compose up -d%n", where);
        out.flush();
    }
}
