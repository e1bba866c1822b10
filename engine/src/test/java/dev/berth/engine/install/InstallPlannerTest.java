package dev.berth.engine.install;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.engine.check.TargetFacts;
import dev.berth.engine.install.HostFacts.Privilege;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The guided install's commands per distribution, release and architecture, and every refusal with its message. */
class InstallPlannerTest {
    private final InstallPlanner planner = new InstallPlanner(DockerReleases.builtIn());

    static Stream<Arguments> plans() {
        return Stream.of(
                Arguments.of("debian-12.os-release", "amd64", Privilege.ROOT, List.of(
                        "apt-get update",
                        "env DEBIAN_FRONTEND=noninteractive apt-get install -y ca-certificates curl",
                        "install -m 0755 -d /etc/apt/keyrings",
                        "curl -fsSL https://download.docker.com/linux/debian/gpg -o /etc/apt/keyrings/docker.asc",
                        "chmod a+r /etc/apt/keyrings/docker.asc",
                        "sh -c 'echo \"$1\" > /etc/apt/sources.list.d/docker.list' sh 'deb [arch=amd64 signed-by=/etc/apt/keyrings/docker.asc]"
                                + " https://download.docker.com/linux/debian bookworm stable'",
                        "apt-get update",
                        "env DEBIAN_FRONTEND=noninteractive apt-get install -y docker-ce=5:27.5.1-1~debian.12~bookworm"
                                + " docker-ce-cli=5:27.5.1-1~debian.12~bookworm containerd.io docker-buildx-plugin"
                                + " docker-compose-plugin=2.32.4-1~debian.12~bookworm",
                        "systemctl enable --now docker")),
                Arguments.of("ubuntu-24.04.os-release", "arm64", Privilege.SUDO_WITHOUT_PASSWORD, List.of(
                        "sudo -n -- apt-get update",
                        "sudo -n -- env DEBIAN_FRONTEND=noninteractive apt-get install -y ca-certificates curl",
                        "sudo -n -- install -m 0755 -d /etc/apt/keyrings",
                        "sudo -n -- curl -fsSL https://download.docker.com/linux/ubuntu/gpg -o /etc/apt/keyrings/docker.asc",
                        "sudo -n -- chmod a+r /etc/apt/keyrings/docker.asc",
                        "sudo -n -- sh -c 'echo \"$1\" > /etc/apt/sources.list.d/docker.list' sh 'deb [arch=arm64"
                                + " signed-by=/etc/apt/keyrings/docker.asc] https://download.docker.com/linux/ubuntu noble stable'",
                        "sudo -n -- apt-get update",
                        "sudo -n -- env DEBIAN_FRONTEND=noninteractive apt-get install -y docker-ce=5:27.5.1-1~ubuntu.24.04~noble"
                                + " docker-ce-cli=5:27.5.1-1~ubuntu.24.04~noble containerd.io docker-buildx-plugin"
                                + " docker-compose-plugin=2.32.4-1~ubuntu.24.04~noble",
                        "sudo -n -- systemctl enable --now docker",
                        "sudo -n -- usermod -aG docker media")),
                Arguments.of("fedora-40.os-release", "amd64", Privilege.SUDO_WITH_PASSWORD, List.of(
                        "sudo -k -S -p '' -- curl -fsSL https://download.docker.com/linux/fedora/docker-ce.repo -o /etc/yum.repos.d/docker-ce.repo",
                        "sudo -k -S -p '' -- dnf -y install docker-ce-3:27.5.1-1.fc40 docker-ce-cli-3:27.5.1-1.fc40 containerd.io"
                                + " docker-buildx-plugin docker-compose-plugin-2.32.4-1.fc40",
                        "sudo -k -S -p '' -- systemctl enable --now docker",
                        "sudo -k -S -p '' -- usermod -aG docker media")),
                Arguments.of("raspios-12-armhf.os-release", "arm", Privilege.ROOT, List.of(
                        "apt-get update",
                        "env DEBIAN_FRONTEND=noninteractive apt-get install -y ca-certificates curl",
                        "install -m 0755 -d /etc/apt/keyrings",
                        "curl -fsSL https://download.docker.com/linux/raspbian/gpg -o /etc/apt/keyrings/docker.asc",
                        "chmod a+r /etc/apt/keyrings/docker.asc",
                        "sh -c 'echo \"$1\" > /etc/apt/sources.list.d/docker.list' sh 'deb [arch=armhf signed-by=/etc/apt/keyrings/docker.asc]"
                                + " https://download.docker.com/linux/raspbian bookworm stable'",
                        "apt-get update",
                        "env DEBIAN_FRONTEND=noninteractive apt-get install -y docker-ce=5:27.5.1-1~raspbian.12~bookworm"
                                + " docker-ce-cli=5:27.5.1-1~raspbian.12~bookworm containerd.io docker-buildx-plugin"
                                + " docker-compose-plugin=2.32.4-1~raspbian.12~bookworm",
                        "systemctl enable --now docker")),
                Arguments.of("rocky-9.os-release", "arm64", Privilege.ROOT, List.of(
                        "curl -fsSL https://download.docker.com/linux/centos/docker-ce.repo -o /etc/yum.repos.d/docker-ce.repo",
                        "dnf -y install docker-ce-3:27.5.1-1.el9 docker-ce-cli-3:27.5.1-1.el9 containerd.io docker-buildx-plugin"
                                + " docker-compose-plugin-2.32.4-1.el9",
                        "systemctl enable --now docker")));
    }

    @ParameterizedTest(name = "{0} on {1} as {2}")
    @MethodSource("plans")
    void commandsPerDistributionReleaseAndArchitecture(String osRelease, String arch, Privilege privilege, List<String> expected)
            throws IOException {
        InstallPlan.Commands plan = assertInstanceOf(InstallPlan.Commands.class,
                planner.plan(facts(osRelease, arch, privilege, null, false)));
        assertEquals(expected, plan.steps().stream().map(InstallStep::shown).toList());
        assertEquals(privilege == Privilege.SUDO_WITH_PASSWORD, plan.needsPassword());
        assertTrue(plan.steps().stream().allMatch(s -> s.readsPassword() == (privilege == Privilege.SUDO_WITH_PASSWORD)),
                "every sudo step reads the password, and only then");
        assertEquals("27.5.1", plan.engineVersion());
    }

    @Test
    void anOldDistributionDockerIsRemovedFirstKeepingItsData() throws IOException {
        InstallPlan.Commands plan = assertInstanceOf(InstallPlan.Commands.class,
                planner.plan(facts("debian-12.os-release", "amd64", Privilege.ROOT, "18.09.1", false)));
        InstallStep first = plan.steps().getFirst();
        assertEquals("sh -c 'apt-get remove -y $(dpkg --get-selections docker.io docker-compose docker-doc podman-docker"
                + " containerd runc 2>/dev/null | cut -f1)'", first.shown());
        assertTrue(first.purpose().contains("/var/lib/docker stay"), first.purpose());
    }

    static Stream<Arguments> refusals() throws IOException {
        return Stream.of(
                Arguments.of(new HostFacts("Windows 11", TargetFacts.OsInfo.UNKNOWN, "amd64", "", "me", Privilege.NONE, false, null),
                        "Berth installs Docker on Linux only, and this is Windows",
                        "Install Docker Desktop for Windows (https://docs.docker.com/desktop/setup/install/windows-install/), start it, and check again"),
                Arguments.of(new HostFacts("Darwin", TargetFacts.OsInfo.UNKNOWN, "arm64", "arm64", "me", Privilege.SUDO_WITH_PASSWORD, false, null),
                        "Berth installs Docker on Linux only, and this is macOS",
                        "Install Docker Desktop for Mac (https://docs.docker.com/desktop/setup/install/mac-install/), start it, and check again"),
                Arguments.of(facts("ubuntu-24.04.os-release", "amd64", Privilege.ROOT, null, true),
                        "Docker is installed as a snap, which cannot mount folders outside your home and /media and updates itself",
                        "Remove it first (sudo snap remove docker), then run the install again"),
                Arguments.of(facts("linuxmint-22.os-release", "amd64", Privilege.ROOT, null, false),
                        "Docker does not package its engine for Linux Mint 22 (os-release ID \"linuxmint\"); Berth installs it on"
                                + " AlmaLinux 8/9, CentOS Stream 9, Debian 11/12, Fedora 40/41, Raspberry Pi OS (32-bit) 11/12,"
                                + " Red Hat Enterprise Linux 8/9, Rocky Linux 8/9, Ubuntu 20.04/22.04/24.04/24.10",
                        "Install Docker by hand: https://docs.docker.com/engine/install/"),
                Arguments.of(facts("debian-10.os-release", "amd64", Privilege.ROOT, null, false),
                        "Berth installs Docker 27.5.1 on Debian 11, 12, not on Debian GNU/Linux 10 (buster)",
                        "Install Docker by hand: https://docs.docker.com/engine/install/"),
                Arguments.of(facts("fedora-40.os-release", "arm", Privilege.ROOT, null, false),
                        "Docker does not package its engine for Fedora on arm (it does for amd64, arm64)",
                        "Run the stack on a machine with one of those, or install Docker by hand: https://docs.docker.com/engine/install/"),
                Arguments.of(facts("debian-12.os-release", null, Privilege.ROOT, null, false),
                        "Docker does not package its engine for Debian on mips64 (it does for amd64, arm64, arm, ppc64le)",
                        "Run the stack on a machine with one of those, or install Docker by hand: https://docs.docker.com/engine/install/"),
                Arguments.of(facts("debian-12.os-release", "amd64", Privilege.NONE, null, false),
                        "media is not root and may not use sudo, so the install cannot run its commands as root",
                        "Connect as root (ssh://root@host), or have an administrator add media to the sudo group (wheel on Fedora"
                                + " and RHEL) and try again"),
                Arguments.of(facts("debian-12.os-release", "amd64", Privilege.ROOT, "24.0.7", false),
                        "Docker 24.0.7 is already installed; Berth installs only where Docker is missing"
                                + " or older than 20.10",
                        "Follow the fix the Docker check gives (start it, or let this user use it)"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("refusals")
    void refusesWithWhatToDoInstead(HostFacts facts, String reason, String whatToDo) {
        assertEquals(new InstallPlan.Refused(reason, whatToDo), planner.plan(facts));
    }

    static HostFacts facts(String osRelease, String arch, Privilege privilege, String installed, boolean snap) throws IOException {
        try (InputStream in = InstallPlannerTest.class.getResourceAsStream(osRelease)) {
            TargetFacts.OsInfo os = TargetFacts.OsInfo.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            return new HostFacts("Linux", os, arch, arch == null ? "mips64" : arch, privilege == Privilege.ROOT ? "root" : "media",
                    privilege, snap, installed);
        }
    }
}
