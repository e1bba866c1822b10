package dev.berth.engine.check;

import dev.berth.engine.target.ExecResult;
import dev.berth.engine.target.TargetException;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which Compose the target has: the {@code docker compose} plugin (v2) preferred, the old
 * {@code docker-compose} 1.29 accepted. The result's {@link CheckData.ComposeCommand} is what
 * the deploy runs.
 */
public final class ComposeCheck implements Check {
    private static final Pattern VERSION = Pattern.compile("v?(\\d+)\\.(\\d+)[^\\s,]*");
    private static final Duration LIMIT = Duration.ofSeconds(10);

    @Override
    public String id() {
        return "compose";
    }

    @Override
    public String title() {
        return "Docker Compose";
    }

    @Override
    public boolean needsPlan() {
        return false;
    }

    @Override
    public Object inputs(CheckInputs in) {
        return NO_INPUTS;
    }

    @Override
    public CheckResult run(CheckContext ctx) throws TargetException, InterruptedException {
        Matcher plugin = version(ctx, List.of("docker", "compose"));
        if (plugin != null && Integer.parseInt(plugin.group(1)) >= 2) {
            return found(List.of("docker", "compose"), plugin, Status.PASS, "");
        }
        Matcher standalone = version(ctx, List.of("docker-compose"));
        if (standalone != null) {
            int major = Integer.parseInt(standalone.group(1));
            int minor = Integer.parseInt(standalone.group(2));
            if (major >= 2) {
                return found(List.of("docker-compose"), standalone, Status.PASS, "");
            }
            if (major == 1 && minor >= 29) {
                return found(List.of("docker-compose"), standalone, Status.WARN, install(ctx));
            }
        }
        String old = standalone == null ? "" : " (docker-compose " + standalone.group() + " is too old: Berth needs 1.29 or newer)";
        return CheckResult.of(this, Status.FAIL, "Docker Compose is not installed on " + ctx.target().description() + old,
                "Neither 'docker compose' nor 'docker-compose' answered.", install(ctx));
    }

    private CheckResult found(List<String> argv, Matcher version, Status status, String fix) {
        String command = String.join(" ", argv);
        String v = version.group().replaceFirst("^v", "");
        boolean v2 = Integer.parseInt(version.group(1)) >= 2;
        String summary = status == Status.PASS ? "Compose " + v + " ('" + command + "')"
                : "Only the old docker-compose " + v + " is installed; Berth uses it, but Compose v2 is maintained and faster";
        return CheckResult.of(this, status, summary, "Berth will run '" + command + "'.", fix)
                .withData(new CheckData.ComposeCommand(argv, v, v2));
    }

    /** The version the program printed, or null when it is not there. */
    private static Matcher version(CheckContext ctx, List<String> argv) throws InterruptedException {
        List<String> cmd = new java.util.ArrayList<>(argv);
        cmd.addAll(List.of("version", "--short"));
        try {
            ExecResult r = ctx.target().exec(cmd, LIMIT);
            Matcher m = VERSION.matcher(r.stdout().strip());
            return r.ok() && m.lookingAt() ? m : null;
        } catch (TargetException e) {
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedException("cancelled");
            }
            return null; // the program is not installed here
        }
    }

    /** The install command for the target's distribution. */
    private static String install(CheckContext ctx) throws InterruptedException {
        String os;
        try {
            os = ctx.facts().os().id();
        } catch (TargetException e) {
            os = "";
        }
        return switch (os) {
            case "fedora", "centos", "rhel", "rocky", "almalinux" -> "sudo dnf install docker-compose-plugin";
            case "arch", "manjaro", "endeavouros" -> "sudo pacman -S docker-compose";
            case "alpine" -> "sudo apk add docker-cli-compose";
            case "opensuse-leap", "opensuse-tumbleweed", "sles" -> "sudo zypper install docker-compose";
            default -> "sudo apt-get install docker-compose-plugin (from Docker's apt repository; "
                    + "with your distribution's own packages: sudo apt-get install docker-compose)";
        };
    }
}
