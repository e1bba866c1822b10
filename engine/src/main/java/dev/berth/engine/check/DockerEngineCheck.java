package dev.berth.engine.check;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Info;
import dev.berth.engine.target.ExecResult;
import dev.berth.engine.target.TargetException;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The Docker engine: reachable by this user, new enough, and not a rootless or snap install. */
public final class DockerEngineCheck implements Check {
    private static final Pattern VERSION = Pattern.compile("^(\\d+)\\.(\\d+)");
    static final String INSTALL_DOCS = "https://docs.docker.com/engine/install/";

    @Override
    public String id() {
        return "docker-engine";
    }

    @Override
    public String title() {
        return "Docker engine";
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
        DockerClient docker;
        try {
            docker = ctx.target().docker();
        } catch (TargetException e) {
            return unreachable(ctx, e);
        }
        String version;
        Info info;
        try {
            version = docker.versionCmd().exec().getVersion();
            info = docker.infoCmd().exec();
        } catch (RuntimeException e) {
            return CheckResult.of(this, Status.FAIL, "The Docker engine on " + ctx.target().description()
                    + " stopped answering", String.valueOf(e.getMessage()), "Restart it: sudo systemctl restart docker");
        }
        Findings f = new Findings(this);
        version(f, version);
        List<String> security = info.getSecurityOptions() == null ? List.of() : info.getSecurityOptions();
        if (security.stream().anyMatch(o -> o.contains("name=rootless"))) {
            f.warn("Docker runs rootless: containers cannot publish ports below 1024 without extra setup, and the "
                    + "files they write belong to mapped ids on the host, so PUID/PGID do not mean what they say",
                    "Berth works best with the system-wide Docker engine (" + INSTALL_DOCS + ")");
        }
        String rootDir = info.getDockerRootDir() == null ? "" : info.getDockerRootDir();
        if (rootDir.startsWith("/var/snap/") || snapInstalled(ctx)) {
            f.warn("Docker is the snap package: it only sees folders under your home folder and /media, so a data "
                    + "root elsewhere cannot be mounted, and the snap updates itself and restarts your containers",
                    "sudo snap remove docker, then install Docker from Docker's own packages (" + INSTALL_DOCS + ")");
        }
        CheckResult result = f.result("Docker " + version + " is running and this user may use it");
        return tooOld(version) ? result.withData(new CheckData.DockerInstallable()) : result;
    }

    private void version(Findings f, String version) {
        Matcher m = VERSION.matcher(version);
        if (!m.find()) {
            f.warn("Docker reports version " + version + ", which Berth cannot read", "");
            return;
        }
        int major = Integer.parseInt(m.group(1));
        if (tooOld(version)) {
            f.fail("Docker " + version + " is too old: Berth needs 20.10 or newer",
                    "Install a current Docker engine: berth check --install-docker shows the commands and runs them once you"
                            + " agree (or by hand: " + INSTALL_DOCS + ")");
        } else if (major < 24) {
            f.warn("Docker " + version + " is older than 24: it works, but it no longer gets security fixes and "
                    + "some health check settings are ignored", "Update Docker from Docker's own packages: " + INSTALL_DOCS);
        } else {
            f.pass("Docker " + version);
        }
    }

    /** Older than 20.10, the oldest Berth supports; an unreadable version is not called old. */
    private static boolean tooOld(String version) {
        Matcher m = VERSION.matcher(version);
        if (!m.find()) {
            return false;
        }
        int major = Integer.parseInt(m.group(1));
        return major < 20 || major == 20 && Integer.parseInt(m.group(2)) < 10;
    }

    /** Whether {@code snap list docker} knows it; a missing snap command means no snap. */
    private static boolean snapInstalled(CheckContext ctx) throws InterruptedException {
        try {
            ExecResult r = ctx.target().exec(List.of("snap", "list", "docker"), Duration.ofSeconds(5));
            return r.ok();
        } catch (TargetException e) {
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedException("cancelled");
            }
            return false;
        }
    }

    private CheckResult unreachable(CheckContext ctx, TargetException e) throws InterruptedException {
        return switch (e.reason()) {
            case DOCKER_DENIED -> {
                String user = userName(ctx);
                yield CheckResult.of(this, Status.FAIL, "This user may not use Docker on " + ctx.target().description(),
                        e.getMessage(), "sudo usermod -aG docker " + user + " — then log out and in again");
            }
            case DOCKER_MISSING -> CheckResult.of(this, Status.FAIL, "Docker is not installed on "
                    + ctx.target().description(), e.getMessage(), "Install Docker: berth check --install-docker shows the"
                    + " commands and runs them once you agree (or by hand: " + INSTALL_DOCS + ")")
                    .withData(new CheckData.DockerInstallable());
            default -> CheckResult.of(this, Status.FAIL, "Cannot reach the Docker engine on " + ctx.target().description(),
                    e.getMessage(), "Start it: sudo systemctl start docker (or install it: " + INSTALL_DOCS + ")");
        };
    }

    private static String userName(CheckContext ctx) throws InterruptedException {
        try {
            String name = ctx.facts().user().name();
            return name.isBlank() ? "$USER" : name;
        } catch (TargetException e) {
            return "$USER";
        }
    }
}
