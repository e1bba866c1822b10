package dev.berth.app.gui;

import dev.berth.answers.StorageAnswers;
import dev.berth.engine.check.Check;
import dev.berth.engine.check.CheckContext;
import dev.berth.engine.check.CheckData;
import dev.berth.engine.check.CheckInputs;
import dev.berth.engine.check.CheckResult;
import dev.berth.engine.check.Checks;
import dev.berth.engine.check.Status;
import dev.berth.plan.PublishedPort;
import dev.berth.plan.StackPlan;
import dev.berth.wizardsteps.core.WizardBackend;
import dev.berth.wizardsteps.testing.Delegating;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The machine the user guide's System check pictures describe: a healthy home server (Ubuntu 24.04,
 * Docker 27, Compose 2.29, 4 cores, 16 GB, 1.8 TB free on /srv/data, an Intel GPU at /dev/dri),
 * not the build machine the pictures are taken on, whose old Docker engine would show as a warning
 * no reader has. Every one of Berth's checks is here under its own id and title, re-run for the
 * same answers as the real one, and reports what the real one says on such a machine; the ports it
 * reads from the plan, so a port that is {@code taken} here fails as Berth's port check fails it,
 * with the same suggestion, and passes once the person takes the suggested port.
 */
final class HomeServerChecks {
    /** Storage as the Storage page leaves it on that server: data on the big disk, hardware transcoding on. */
    static final StorageAnswers STORAGE = new StorageAnswers("/opt/berth", "/srv/data", "/opt/berth/config",
            1000, 1000, "Europe/Berlin", true);

    private HomeServerChecks() {
    }

    /**
     * The wizard's own backend (catalog, this computer as the target) with the home server's check results.
     *
     * @param taken host ports another program holds there, and who holds each
     */
    static WizardBackend backend(Map<Integer, String> taken) {
        return new Delegating() {
            @Override
            public List<Check> checks() {
                return Checks.all().stream().map(c -> (Check) new Reported(c, taken)).toList();
            }
        };
    }

    /** One of Berth's checks as it turns out on the home server. */
    private record Reported(Check real, Map<Integer, String> taken) implements Check {
        @Override
        public String id() {
            return real.id();
        }

        @Override
        public String title() {
            return real.title();
        }

        @Override
        public boolean needsPlan() {
            return real.needsPlan();
        }

        @Override
        public Object inputs(CheckInputs in) {
            return real.inputs(in);
        }

        @Override
        public CheckResult run(CheckContext ctx) {
            Optional<StackPlan> plan = ctx.plan();
            return switch (real.id()) {
                case "os-arch" -> pass("Ubuntu 24.04.1 LTS on x86_64 (amd64)" + (plan.isEmpty() ? "" : ": every image is built for amd64"), "");
                case "docker-engine" -> pass("Docker 27.3.1 is running and this user may use it",
                        "PASS: Docker 27.3.1\nPASS: this user may use the engine (member of the docker group)");
                case "compose" -> pass("Compose 2.29.7 ('docker compose')", "");
                case "project-name" -> pass("No other stack on this computer is called '" + plan.orElseThrow().projectName() + "'", "");
                case "resources" -> pass("4 cores, 15.5 GiB memory for about 2.0 GiB of apps, enough disk space",
                        "PASS: 4 CPU cores\nPASS: " + plan.orElseThrow().services().size()
                                + " containers need about 2.0 GiB of memory; this machine has 15.5 GiB\n"
                                + "PASS: 201.3 GiB free at the stack folder /opt/berth\nPASS: 1676.4 GiB free at the data root /srv/data");
                case "ports" -> ports(plan.orElseThrow());
                case "paths" -> pass("The folders can be used by 1000:1000", "");
                case "hardlinks" -> pass("Downloads and media are on one filesystem (ext4): hardlinks work", "");
                case "ids-timezone" -> pass("Detected media is 1000:1000, time zone Europe/Berlin", "");
                case "devices" -> pass("The devices are there; LAN 192.168.1.0/24", "PASS: /dev/dri is there for hardware transcoding");
                case "clock" -> pass("The clocks agree (12 ms apart)", "");
                case "domain" -> CheckResult.skip(this, "Apps are reached on the home network only; no domain to check");
                default -> throw new IllegalStateException("no home-server result for the check " + real.id());
            };
        }

        /** What Berth's port check says: a taken web UI port gets the next free one as a suggestion. */
        private CheckResult ports(StackPlan plan) {
            List<CheckData.PortSuggestions.Move> moves = new ArrayList<>();
            List<String> lines = new ArrayList<>();
            List<String> fixes = new ArrayList<>();
            for (PublishedPort p : plan.publishedPorts()) {
                String who = taken.get(p.hostPort());
                if (who == null) {
                    continue;
                }
                int free = p.hostPort() + 1;
                while (taken.containsKey(free) || used(plan, free)) {
                    free++;
                }
                moves.add(new CheckData.PortSuggestions.Move(p.forService(), p.purpose(), p.hostPort(), free));
                lines.add("Port " + p.hostPort() + "/" + p.protocol().key() + " for " + p.purpose() + " is taken by " + who);
                fixes.add("Use port " + free + " for " + p.purpose()
                        + " (Berth takes it: 'Use port' on the System check page, or berth check --fix-ports), or stop " + who);
            }
            if (moves.isEmpty()) {
                return pass("All " + plan.publishedPorts().size() + " host ports are free", "Listeners read with ss -ltunp.");
            }
            return new CheckResult(id(), title(), Status.FAIL, lines.getFirst() + (lines.size() == 1 ? "" : " (and " + (lines.size() - 1) + " more)"),
                    String.join("\n", lines.stream().map(l -> "FAIL: " + l).toList()) + "\nListeners read with ss -ltunp.",
                    String.join("\n", fixes), Optional.of(new CheckData.PortSuggestions(moves)));
        }

        private static boolean used(StackPlan plan, int port) {
            return plan.publishedPorts().stream().anyMatch(q -> q.hostPort() == port);
        }

        private CheckResult pass(String summary, String details) {
            return CheckResult.pass(this, summary, details);
        }
    }
}
