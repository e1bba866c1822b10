package dev.berth.plan;

import dev.berth.answers.InvalidAnswersException;
import dev.berth.answers.Problem;
import dev.berth.catalog.PortSpec.Protocol;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Hands out host ports so that no two services publish the same one. A service gets its own
 * port when it is free; otherwise the next free one above it, and the move is recorded with who
 * holds the port. A port the person chose is never moved: a clash there is a problem to fix.
 */
final class PortAllocator {
    /** Above this, ports are left to the kernel's ephemeral range. */
    private static final int HIGHEST = 32767;

    private final Map<String, String> holders = new HashMap<>();
    /** Ports kept from the running stack: a newcomer moved off one is told who already runs there. */
    private final Set<String> running = new HashSet<>();
    private final List<PortMove> moves = new ArrayList<>();
    private final List<Problem> problems = new ArrayList<>();

    /** A port used directly on the host (host-network services): nobody else may publish it. */
    void reserve(int port, Protocol protocol, String holder) {
        holders.putIfAbsent(key(port, protocol), holder);
    }

    /**
     * A port the running stack already publishes for this service, kept when it is still free;
     * when it is not (a port the person chose took it), the service gets one the usual way.
     *
     * @param wanted the service's own port, for the summary when the kept one differs
     * @return the host port to publish
     */
    int keep(String service, String displayName, int wanted, int kept, Protocol protocol) {
        if (holders.containsKey(key(kept, protocol))) {
            return allocate(service, displayName, wanted, protocol, null);
        }
        holders.put(key(kept, protocol), displayName);
        running.add(key(kept, protocol));
        if (kept != wanted) {
            moves.add(new PortMove(service, wanted, kept, false, "keeps port " + kept + ", which it already has in the running stack"));
        }
        return kept;
    }

    /**
     * @param chosen the port the person picked for this service, or null
     * @return the host port to publish
     */
    int allocate(String service, String displayName, int wanted, Protocol protocol, Integer chosen) {
        if (chosen != null) {
            String holder = holders.get(key(chosen, protocol));
            if (holder != null) {
                problems.add(new Problem("portOverrides." + service, "port " + chosen + " is already used by " + holder
                        + "; choose another port", PlanRule.PORT_TAKEN));
            }
            holders.put(key(chosen, protocol), displayName);
            return chosen;
        }
        String holder = holders.get(key(wanted, protocol));
        if (holder == null) {
            holders.put(key(wanted, protocol), displayName);
            return wanted;
        }
        int port = wanted + 1;
        while (holders.containsKey(key(port, protocol))) {
            port++;
        }
        if (port > HIGHEST) {
            problems.add(new Problem("portOverrides." + service, "no free port found above " + wanted, PlanRule.NO_FREE_PORT));
            return wanted;
        }
        holders.put(key(port, protocol), displayName);
        moves.add(new PortMove(service, wanted, port, false, "port " + wanted + " is used by " + holder
                + (running.contains(key(wanted, protocol)) ? ", which already runs on it" : "")));
        return port;
    }

    List<PortMove> moves() {
        return List.copyOf(moves);
    }

    void throwIfProblems() {
        if (!problems.isEmpty()) {
            throw new InvalidAnswersException(problems);
        }
    }

    private static String key(int port, Protocol protocol) {
        return port + "/" + protocol.key();
    }
}
