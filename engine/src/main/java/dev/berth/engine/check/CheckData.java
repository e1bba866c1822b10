package dev.berth.engine.check;

import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Values a check found that the wizard or the deploy can take over, one kind per use. */
public sealed interface CheckData {
    /**
     * Free host ports for taken web UI ports, one move per service: what {@code answers.portOverrides}
     * takes. Each free port is one the target does not hold and the plan does not use.
     */
    record PortSuggestions(List<Move> moves) implements CheckData {
        public PortSuggestions {
            moves = List.copyOf(moves);
        }

        /**
         * One service's web UI port, taken on the target, and a free one for it.
         *
         * @param purpose what the port is for, as people read it ("Jellyfin web UI")
         */
        public record Move(String service, String purpose, int taken, int free) {
        }

        /** The suggestions as {@code answers.portOverrides} holds them: service id → host port. */
        public Map<String, Integer> portOverrides() {
            Map<String, Integer> overrides = new TreeMap<>();
            moves.forEach(m -> overrides.put(m.service(), m.free()));
            return overrides;
        }

        /** The overrides there are now with every suggestion taken (a suggestion replaces an older choice). */
        public Map<String, Integer> takenInto(Map<String, Integer> overrides) {
            Map<String, Integer> merged = new TreeMap<>(overrides);
            merged.putAll(portOverrides());
            return merged;
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
