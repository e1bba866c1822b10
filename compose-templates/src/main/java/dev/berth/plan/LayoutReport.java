package dev.berth.plan;

import java.util.ArrayList;
import java.util.List;

/**
 * Where each service of a multi-host stack goes and why, as lines a person reads: one block per
 * host (the manager and the storage host marked), one line per service with its deciding reason.
 * {@code berth render} prints it and the wizard's plan page shows it.
 */
public final class LayoutReport {
    private LayoutReport() {
    }

    /**
     * For example:
     * <pre>
     * nas (swarm manager, holds the data): 4 services
     *   qbittorrent: mounts the downloads (torrents), and hardlinks need one file system: on nas, which holds the data root
     * pc: 1 service
     *   jellyfin (pinned): pinned to pc (placement.pins)
     * </pre>
     */
    public static List<String> lines(HostLayout layout) {
        List<String> lines = new ArrayList<>();
        for (String host : layout.hosts()) {
            List<String> roles = new ArrayList<>();
            if (host.equals(layout.manager())) {
                roles.add("swarm manager");
            }
            if (host.equals(layout.storageHost())) {
                roles.add("holds the data");
            }
            List<String> services = layout.servicesOn(host);
            lines.add(host + (roles.isEmpty() ? "" : " (" + String.join(", ", roles) + ")") + ": "
                    + (services.isEmpty() ? "no services" : services.size() == 1 ? "1 service" : services.size() + " services"));
            for (String service : services) {
                lines.add("  " + line(layout.services().get(service)));
            }
        }
        return List.copyOf(lines);
    }

    /** One service: its name, whether pinned or Swarm-scheduled, and its deciding reason. */
    public static String line(HostAssignment a) {
        List<String> marks = new ArrayList<>();
        if (a.pinned()) {
            marks.add("pinned");
        }
        if (a.swarm()) {
            marks.add("Swarm may move it");
        }
        return a.service() + (marks.isEmpty() ? "" : " (" + String.join(", ", marks) + ")")
                + (a.reasons().isEmpty() ? "" : ": " + a.reasons().getFirst());
    }
}
