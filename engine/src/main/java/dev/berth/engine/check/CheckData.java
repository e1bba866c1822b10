package dev.berth.engine.check;

import java.net.InetAddress;
import java.util.List;
import java.util.Map;

/** Values a check found that the wizard or the deploy can take over, one kind per use. */
public sealed interface CheckData {
    /** Free host ports for taken ones, by service id: what {@code answers.portOverrides} takes. */
    record PortSuggestions(Map<String, Integer> portOverrides) implements CheckData {
        public PortSuggestions {
            portOverrides = Map.copyOf(portOverrides);
        }
    }

    /**
     * The target user's ids and time zone, offered as defaults.
     *
     * @param puid     the user id, or null when the target user is root (0 is no good default)
     * @param timeZone the IANA zone, or null when the target did not say
     */
    record DetectedIds(Integer puid, Integer pgid, String userName, String timeZone) implements CheckData {
    }

    /** The network the target's default route leaves through, e.g. 192.168.1.0/24. */
    record DetectedSubnet(String cidr) implements CheckData {
    }

    /**
     * The Compose program to run: {@code [docker, compose]} (v2) or {@code [docker-compose]} (v1).
     *
     * @param version as it printed it, e.g. 2.26.1
     */
    record ComposeCommand(List<String> argv, String version, boolean v2) implements CheckData {
        public ComposeCommand {
            argv = List.copyOf(argv);
        }
    }

    /**
     * The Docker engine is missing or too old: Berth's guided install ({@code dev.berth.engine.install})
     * may put a current one there, and the command line and the wizard offer it.
     */
    record DockerInstallable() implements CheckData {
    }

    /** What each host name resolved to; names that did not resolve are absent. */
    record ResolvedNames(Map<String, List<InetAddress>> addresses) implements CheckData {
        public ResolvedNames {
            addresses = Map.copyOf(addresses);
        }
    }

    /**
     * The Compose projects on the target with the folders they were started from, and a name for
     * this stack that no stack in another folder uses (its own when that is free).
     */
    record ProjectNames(ComposeProjects projects, String freeName) implements CheckData {
    }
}
