package dev.berth.engine.install;

import dev.berth.engine.check.TargetFacts;

/**
 * What the guided install needs to know about a machine.
 *
 * @param kernel           {@code uname -s} (Linux, Darwin), or the JVM's os.name on this computer
 *                         when there is no uname (Windows)
 * @param os               from /etc/os-release ({@link TargetFacts.OsInfo#UNKNOWN} when there is none)
 * @param arch             Docker's name of the CPU architecture (amd64, arm64, arm, ...), null when unknown
 * @param machine          {@code uname -m} as printed, for messages
 * @param user             who Berth runs as there
 * @param privilege        how that user can run commands as root
 * @param snapDocker       whether Docker is installed as a snap
 * @param installedVersion the version {@code docker --version} prints, null when there is no docker command
 */
public record HostFacts(String kernel, TargetFacts.OsInfo os, String arch, String machine, String user,
                        Privilege privilege, boolean snapDocker, String installedVersion) {
    public HostFacts {
        os = os == null ? TargetFacts.OsInfo.UNKNOWN : os;
        machine = machine == null ? "" : machine;
    }

    /** How the user becomes root for the install's commands. */
    public enum Privilege {
        /** The user is root. */
        ROOT,
        /** sudo runs commands without asking (NOPASSWD). */
        SUDO_WITHOUT_PASSWORD,
        /** sudo asks for the user's password. */
        SUDO_WITH_PASSWORD,
        /** No sudo program, or the user is in none of the groups that may use it. */
        NONE
    }
}
