package dev.berth.engine.install;

import dev.berth.engine.check.FactGatherer;
import dev.berth.engine.check.TargetFacts;
import dev.berth.engine.target.ExecResult;
import dev.berth.engine.target.LocalTarget;
import dev.berth.engine.target.Target;
import dev.berth.engine.target.TargetException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Learns the {@link HostFacts} of a target: the distribution, CPU and user from the checks' facts, then sudo, snap and docker. */
public final class HostFactsReader {
    private static final Duration LIMIT = Duration.ofSeconds(10);
    private static final Pattern DOCKER_VERSION = Pattern.compile("version (\\d[^,\\s]*)");
    /** The groups Debian, Ubuntu, Fedora and RHEL give sudo rights to by default. */
    private static final Set<String> SUDO_GROUPS = Set.of("sudo", "wheel", "admin");

    private HostFactsReader() {
    }

    public static HostFacts read(Target target) throws InterruptedException {
        TargetFacts facts = new FactGatherer(target).gather();
        String kernel = kernel(target);
        if (!"Linux".equals(kernel)) {
            return new HostFacts(kernel, facts.os(), facts.arch(), facts.machine(), facts.user().name(),
                    HostFacts.Privilege.NONE, false, null);
        }
        return new HostFacts(kernel, facts.os(), facts.arch(), facts.machine(), facts.user().name(), privilege(target, facts.user()),
                run(target, "snap", "list", "docker").map(ExecResult::ok).orElse(false), dockerVersion(target));
    }

    /** uname -s; on this computer without uname (Windows) the JVM's name for the system. */
    private static String kernel(Target target) {
        Optional<ExecResult> r = run(target, "uname", "-s");
        if (r.isPresent() && r.get().ok()) {
            return r.get().stdout().strip();
        }
        return target instanceof LocalTarget ? System.getProperty("os.name") : "";
    }

    private static HostFacts.Privilege privilege(Target target, TargetFacts.UserInfo user) {
        if (user.root()) {
            return HostFacts.Privilege.ROOT;
        }
        Optional<ExecResult> r = run(target, "sudo", "-n", "true");
        if (r.isEmpty() || r.get().exitCode() == 127) {
            return HostFacts.Privilege.NONE; // no sudo program
        }
        if (r.get().ok()) {
            return HostFacts.Privilege.SUDO_WITHOUT_PASSWORD;
        }
        // sudo would ask for a password; whether it then agrees only it can say. The usual way a
        // person gets sudo rights is one of these groups; the first step shows a wrong guess anyway.
        return user.groups().stream().anyMatch(SUDO_GROUPS::contains) ? HostFacts.Privilege.SUDO_WITH_PASSWORD
                : HostFacts.Privilege.NONE;
    }

    /** The client's version from {@code docker --version}, null without a docker program. */
    private static String dockerVersion(Target target) {
        return run(target, "docker", "--version").filter(ExecResult::ok).map(r -> {
            Matcher m = DOCKER_VERSION.matcher(r.stdout());
            return m.find() ? m.group(1) : r.stdout().strip();
        }).orElse(null);
    }

    /** A program that may be missing: empty when it cannot be started at all. */
    private static Optional<ExecResult> run(Target target, String... argv) {
        try {
            return Optional.of(target.exec(List.of(argv), LIMIT));
        } catch (TargetException e) {
            return Optional.empty();
        }
    }
}
