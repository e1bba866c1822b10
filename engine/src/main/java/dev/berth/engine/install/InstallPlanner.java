package dev.berth.engine.install;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns {@link HostFacts} into the exact commands that install Docker's engine and Compose plugin,
 * at the versions of {@link DockerReleases}, from Docker's own repository — the steps of Docker's
 * install pages, without a shell script in between — or into a refusal that says what to do.
 */
public final class InstallPlanner {
    static final String INSTALL_DOCS = "https://docs.docker.com/engine/install/";
    static final String DESKTOP_MAC = "https://docs.docker.com/desktop/setup/install/mac-install/";
    static final String DESKTOP_WINDOWS = "https://docs.docker.com/desktop/setup/install/windows-install/";
    private static final Pattern VERSION = Pattern.compile("(\\d+)\\.(\\d+)");
    private static final String KEYRING = "/etc/apt/keyrings/docker.asc";

    private final DockerReleases releases;

    public InstallPlanner(DockerReleases releases) {
        this.releases = releases;
    }

    public InstallPlan plan(HostFacts facts) {
        Optional<InstallPlan.Refused> refused = refusal(facts);
        if (refused.isPresent()) {
            return refused.get();
        }
        DockerReleases.Distribution d = releases.distributions().get(facts.os().id());
        String release = d.release(facts.os().versionId()).orElseThrow();
        List<InstallStep> steps = new ArrayList<>();
        Root root = new Root(facts.privilege());
        if (d.apt()) {
            aptSteps(facts, d, release, root, steps);
        } else {
            dnfSteps(d, release, root, steps);
        }
        steps.add(root.step("Start Docker now and at every boot", "systemctl", "enable", "--now", "docker"));
        if (facts.privilege() != HostFacts.Privilege.ROOT) {
            steps.add(root.step("Let " + facts.user() + " use Docker without sudo (takes effect at the next login)",
                    "usermod", "-aG", "docker", facts.user()));
        }
        return new InstallPlan.Commands("Docker " + releases.engine() + " and Compose " + releases.compose() + " from Docker's "
                + d.family() + " repository for " + d.name() + " " + facts.os().versionId() + " (" + facts.arch() + ")",
                releases.engine(), releases.compose(), steps);
    }

    private void aptSteps(HostFacts facts, DockerReleases.Distribution d, String codename, Root root, List<InstallStep> steps) {
        String suffix = "-1~" + facts.os().id() + "." + facts.os().versionId() + "~" + codename;
        String engine = "5:" + releases.engine() + suffix;
        if (facts.installedVersion() != null) {
            steps.add(root.step("Remove the distribution's own Docker packages, which conflict with Docker's"
                            + " (images, containers and volumes in /var/lib/docker stay)", "sh", "-c",
                    "apt-get remove -y $(dpkg --get-selections docker.io docker-compose docker-doc podman-docker containerd runc"
                            + " 2>/dev/null | cut -f1)"));
        }
        steps.add(root.step("Read the distribution's package lists", "apt-get", "update"));
        steps.add(root.step("Install what fetching Docker's signing key needs", "env", "DEBIAN_FRONTEND=noninteractive",
                "apt-get", "install", "-y", "ca-certificates", "curl"));
        steps.add(root.step("Make the folder for repository keys", "install", "-m", "0755", "-d", "/etc/apt/keyrings"));
        steps.add(root.step("Fetch Docker's signing key", "curl", "-fsSL", d.repository() + "/gpg", "-o", KEYRING));
        steps.add(root.step("Let apt read the key", "chmod", "a+r", KEYRING));
        String source = "deb [arch=" + dpkgArch(facts.arch()) + " signed-by=" + KEYRING + "] " + d.repository() + " "
                + codename + " stable";
        steps.add(root.step("Add Docker's repository", "sh", "-c", "echo \"$1\" > /etc/apt/sources.list.d/docker.list", "sh", source));
        steps.add(root.step("Read Docker's package list", "apt-get", "update"));
        steps.add(root.step("Install Docker " + releases.engine() + " and Compose " + releases.compose(), "env",
                "DEBIAN_FRONTEND=noninteractive", "apt-get", "install", "-y", "docker-ce=" + engine, "docker-ce-cli=" + engine,
                "containerd.io", "docker-buildx-plugin", "docker-compose-plugin=" + releases.compose() + suffix));
    }

    private void dnfSteps(DockerReleases.Distribution d, String rpmRelease, Root root, List<InstallStep> steps) {
        // What dnf config-manager would do, without its different syntax in dnf 4 and dnf 5.
        steps.add(root.step("Add Docker's repository", "curl", "-fsSL", d.repository() + "/docker-ce.repo", "-o",
                "/etc/yum.repos.d/docker-ce.repo"));
        String engine = "-3:" + releases.engine() + "-1." + rpmRelease;
        steps.add(root.step("Install Docker " + releases.engine() + " and Compose " + releases.compose()
                        + " (dnf takes Docker's signing key from the repository)", "dnf", "-y", "install", "docker-ce" + engine,
                "docker-ce-cli" + engine, "containerd.io", "docker-buildx-plugin",
                "docker-compose-plugin-" + releases.compose() + "-1." + rpmRelease));
    }

    private Optional<InstallPlan.Refused> refusal(HostFacts facts) {
        String kernel = facts.kernel() == null ? "" : facts.kernel();
        if (kernel.toLowerCase(Locale.ROOT).startsWith("windows")) {
            return refuse("Berth installs Docker on Linux only, and this is Windows",
                    "Install Docker Desktop for Windows (" + DESKTOP_WINDOWS + "), start it, and check again");
        }
        if (kernel.equals("Darwin") || kernel.toLowerCase(Locale.ROOT).startsWith("mac")) {
            return refuse("Berth installs Docker on Linux only, and this is macOS",
                    "Install Docker Desktop for Mac (" + DESKTOP_MAC + "), start it, and check again");
        }
        if (!kernel.equals("Linux")) {
            return refuse("Berth installs Docker on Linux only, and this machine runs " + (kernel.isBlank() ? "an unknown system" : kernel),
                    "Install Docker there by hand: " + INSTALL_DOCS);
        }
        if (facts.snapDocker()) {
            return refuse("Docker is installed as a snap, which cannot mount folders outside your home and /media and "
                    + "updates itself", "Remove it first (sudo snap remove docker), then run the install again");
        }
        if (facts.installedVersion() != null && newEnough(facts.installedVersion())) {
            return refuse("Docker " + facts.installedVersion() + " is already installed; Berth installs only where Docker is "
                    + "missing or older than 20.10", "Follow the fix the Docker check gives (start it, or let this user use it)");
        }
        DockerReleases.Distribution d = releases.distributions().get(facts.os().id());
        if (d == null) {
            return refuse("Docker does not package its engine for " + facts.os().describe() + " (os-release ID \""
                    + facts.os().id() + "\"); Berth installs it on " + supported(), "Install Docker by hand: " + INSTALL_DOCS);
        }
        if (d.release(facts.os().versionId()).isEmpty()) {
            return refuse("Berth installs Docker " + releases.engine() + " on " + d.name() + " " + String.join(", ",
                    new TreeMap<>(d.releases()).keySet()) + ", not on " + facts.os().describe(), "Install Docker by hand: "
                    + INSTALL_DOCS);
        }
        if (facts.arch() == null || !d.architectures().contains(facts.arch())) {
            String cpu = facts.arch() == null ? facts.machine() : facts.arch();
            return refuse("Docker does not package its engine for " + d.name() + " on " + (cpu.isBlank() ? "this CPU" : cpu)
                    + " (it does for " + String.join(", ", d.architectures()) + ")",
                    "Run the stack on a machine with one of those, or install Docker by hand: " + INSTALL_DOCS);
        }
        if (facts.privilege() == HostFacts.Privilege.NONE) {
            return refuse(facts.user() + " is not root and may not use sudo, so the install cannot run its commands as root",
                    "Connect as root (ssh://root@host), or have an administrator add " + facts.user()
                            + " to the sudo group (wheel on Fedora and RHEL) and try again");
        }
        return Optional.empty();
    }

    private String supported() {
        Map<String, String> byName = new TreeMap<>();
        releases.distributions().values().forEach(d -> byName.put(d.name(), d.name() + " "
                + String.join("/", new TreeMap<>(d.releases()).keySet())));
        return String.join(", ", byName.values());
    }

    private static Optional<InstallPlan.Refused> refuse(String reason, String whatToDo) {
        return Optional.of(new InstallPlan.Refused(reason, whatToDo));
    }

    /** 20.10 or newer, as the Docker check wants; an unreadable version counts as old. */
    private static boolean newEnough(String version) {
        Matcher m = VERSION.matcher(version);
        if (!m.find()) {
            return false;
        }
        int major = Integer.parseInt(m.group(1));
        return major > 20 || major == 20 && Integer.parseInt(m.group(2)) >= 10;
    }

    /** apt names some architectures differently from Docker's image manifests. */
    private static String dpkgArch(String dockerArch) {
        return switch (dockerArch) {
            case "arm" -> "armhf";
            case "ppc64le" -> "ppc64el";
            default -> dockerArch;
        };
    }

    /** How a command runs as root: as it is, or through sudo (reading the password from its input, or without one). */
    private record Root(HostFacts.Privilege privilege) {
        InstallStep step(String purpose, String... command) {
            List<String> argv = new ArrayList<>();
            switch (privilege) {
                // -k: ignore a cached sudo login, so sudo reads exactly one password line and the
                // command itself never sees it; -p '': no prompt in the output.
                case SUDO_WITH_PASSWORD -> argv.addAll(List.of("sudo", "-k", "-S", "-p", "", "--"));
                case SUDO_WITHOUT_PASSWORD -> argv.addAll(List.of("sudo", "-n", "--"));
                default -> {
                }
            }
            argv.addAll(List.of(command));
            return new InstallStep(purpose, argv, privilege == HostFacts.Privilege.SUDO_WITH_PASSWORD);
        }
    }
}
