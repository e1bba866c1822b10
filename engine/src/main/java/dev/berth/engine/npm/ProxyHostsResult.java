package dev.berth.engine.npm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What setting up the proxy hosts did, by each host's first domain name.
 *
 * @param created             hosts Berth made now
 * @param updated             hosts of Berth's that were changed to match the plan
 * @param unchanged           hosts of Berth's that already matched
 * @param removed             hosts of Berth's for apps no longer in the stack
 * @param leftAlone           names Berth wanted but a host the person made already answers for
 * @param certificateProblems names whose Let's Encrypt certificate NPM could not get, with NPM's reason;
 *                            those hosts work over plain HTTP, and the next deploy asks again
 */
public record ProxyHostsResult(List<String> created, List<String> updated, List<String> unchanged, List<String> removed,
                               List<String> leftAlone, Map<String, String> certificateProblems) {
    public ProxyHostsResult {
        created = List.copyOf(created);
        updated = List.copyOf(updated);
        unchanged = List.copyOf(unchanged);
        removed = List.copyOf(removed);
        leftAlone = List.copyOf(leftAlone);
        certificateProblems = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(certificateProblems));
    }

    /** One line for the deploy log: "2 created, 1 updated, 6 unchanged". */
    public String summary() {
        List<String> parts = new ArrayList<>();
        add(parts, created.size(), "created");
        add(parts, updated.size(), "updated");
        add(parts, unchanged.size(), "unchanged");
        add(parts, removed.size(), "removed");
        String line = parts.isEmpty() ? "no proxy hosts" : String.join(", ", parts);
        if (!leftAlone.isEmpty()) {
            line += "; left alone because you made a host for them in Nginx Proxy Manager: " + String.join(", ", leftAlone);
        }
        if (!certificateProblems.isEmpty()) {
            line += "; no Let's Encrypt certificate yet for " + String.join(", ", certificateProblems.keySet())
                    + " (check that these names point at your server and that ports 80 and 443 reach it from the"
                    + " internet; the next deploy asks again)";
        }
        return line;
    }

    private static void add(List<String> parts, int n, String what) {
        if (n > 0) {
            parts.add(n + " " + what);
        }
    }

    /** Collects the result while the hosts are set up. */
    static final class Builder {
        final List<String> created = new ArrayList<>();
        final List<String> updated = new ArrayList<>();
        final List<String> unchanged = new ArrayList<>();
        final List<String> removed = new ArrayList<>();
        final List<String> leftAlone = new ArrayList<>();
        final Map<String, String> certificateProblems = new LinkedHashMap<>();

        ProxyHostsResult build() {
            return new ProxyHostsResult(created, updated, unchanged, removed, leftAlone, certificateProblems);
        }
    }
}
