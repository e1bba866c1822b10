package dev.berth.plan;

import dev.berth.answers.Answers;
import dev.berth.catalog.PortSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The planner's port decisions: which ports each service publishes on the host, and which app
 * moves its port inside the VPN, where every routed app shares gluetun's port space.
 */
final class HostPorts {
    private HostPorts() {
    }

    /**
     * Moves clashing ports inside the VPN, then hands out host ports (the person's choices first,
     * then those the running stack publishes, then defaults) onto the drafts.
     *
     * @return every port that moved, with why
     * @throws dev.berth.answers.InvalidAnswersException when a chosen port cannot be had
     */
    static List<PortMove> hand(Answers answers, Map<String, ServiceDraft> drafts, PreviousPorts previousPorts) {
        List<PortMove> moves = new ArrayList<>(moveClashingPortsInsideVpn(drafts));
        moves.addAll(publishPorts(answers, drafts, previousPorts));
        return moves;
    }

    /** Apps routed through the VPN share one port space; an app that can move its port moves. */
    private static List<PortMove> moveClashingPortsInsideVpn(Map<String, ServiceDraft> drafts) {
        List<PortMove> moves = new ArrayList<>();
        Map<Integer, String> taken = new HashMap<>();
        List<ServiceDraft> routed = drafts.values().stream().filter(d -> d.placement == Placement.VPN).toList();
        // Fixed ports first, so that the movable apps step aside for them.
        for (ServiceDraft d : routed) {
            d.def.ports().forEach(p -> taken.putIfAbsent(p.port(), d.def.name()));
            if (d.webPort > 0 && d.def.web().portEnv() == null) {
                taken.putIfAbsent(d.webPort, d.def.name());
            }
        }
        for (ServiceDraft d : routed) {
            if (d.webPort == 0 || d.def.web().portEnv() == null) {
                continue;
            }
            String holder = taken.get(d.webPort);
            if (holder == null) {
                taken.put(d.webPort, d.def.name());
                continue;
            }
            int port = d.webPort + 1;
            while (taken.containsKey(port)) {
                port++;
            }
            moves.add(new PortMove(d.name, d.webPort, port, true, holder + " also listens on " + d.webPort
                    + " inside the VPN, so " + d.def.name() + " moves to " + port));
            taken.put(port, d.def.name());
            d.webPort = port;
        }
        return moves;
    }

    /** One port a service publishes, while host ports are handed out. */
    private static final class Publication {
        final ServiceDraft service;
        final ServiceDraft publisher;
        final int containerPort;
        final PortSpec.Protocol protocol;
        final String purpose;
        final boolean web;
        int hostPort;

        Publication(ServiceDraft service, ServiceDraft publisher, int containerPort, PortSpec.Protocol protocol, String purpose, boolean web) {
            this.service = service;
            this.publisher = publisher;
            this.containerPort = containerPort;
            this.protocol = protocol;
            this.purpose = purpose;
            this.web = web;
        }
    }

    private static List<PortMove> publishPorts(Answers answers, Map<String, ServiceDraft> drafts, PreviousPorts previousPorts) {
        PortAllocator ports = new PortAllocator();
        for (ServiceDraft d : drafts.values()) {
            if (d.placement == Placement.HOST) {
                if (d.webPort > 0) {
                    ports.reserve(d.webPort, PortSpec.Protocol.TCP, d.def.name() + " (host network)");
                }
                d.def.ports().forEach(p -> ports.reserve(p.port(), p.protocol(), d.def.name() + " (host network)"));
            }
        }
        ServiceDraft gluetun = drafts.get("gluetun");
        List<ServiceDraft> order = allocationOrder(answers, drafts);
        List<Publication> publications = new ArrayList<>();
        for (ServiceDraft d : order) {
            if (d.placement == Placement.HOST) {
                continue;
            }
            ServiceDraft publisher = d.placement == Placement.VPN ? gluetun : d;
            if (publishesWebPort(answers, d)) {
                publications.add(new Publication(d, publisher, d.webPort, PortSpec.Protocol.TCP, d.def.name() + " web UI", true));
            }
            for (PortSpec p : d.def.ports()) {
                if (p.publish()) {
                    publications.add(new Publication(d, publisher, p.port(), p.protocol(), d.def.name() + " " + p.purpose(), false));
                }
            }
        }
        // Ports the person chose are taken first; then every port the running stack already
        // publishes stays where it is; the defaults of what is new then fit around them.
        for (Publication p : publications) {
            Integer chosen = p.web ? answers.portOverrides().get(p.service.name) : null;
            if (chosen != null) {
                p.hostPort = ports.allocate(p.service.name, p.service.def.name(), p.containerPort, p.protocol, chosen);
            }
        }
        for (Publication p : publications) {
            if (p.hostPort == 0) {
                previousPorts.hostPort(p.publisher.name, p.containerPort, p.protocol).ifPresent(kept ->
                        p.hostPort = ports.keep(p.service.name, p.service.def.name(), p.containerPort, kept, p.protocol));
            }
        }
        for (Publication p : publications) {
            if (p.hostPort == 0) {
                p.hostPort = ports.allocate(p.service.name, p.service.def.name(), p.containerPort, p.protocol, null);
            }
            if (p.web) {
                p.service.hostWebPort = p.hostPort;
            }
            p.publisher.ports.add(new PublishedPort(p.hostPort, p.containerPort, p.protocol, p.service.name, p.purpose));
        }
        ports.throwIfProblems();
        return ports.moves();
    }

    /**
     * Who picks a host port first: the proxy (it needs exactly 80 and 443), then the apps in the
     * order the person chose them, then everything added for them. This order settles a new
     * stack; on a running one the ports it already publishes are kept first (see
     * {@link PreviousPorts}), since an app the person adds may come before a service Berth added.
     */
    private static List<ServiceDraft> allocationOrder(Answers answers, Map<String, ServiceDraft> drafts) {
        List<ServiceDraft> order = new ArrayList<>();
        if (drafts.containsKey("npm")) {
            order.add(drafts.get("npm"));
        }
        for (String id : answers.services()) {
            ServiceDraft d = drafts.get(id);
            if (d != null && !order.contains(d)) {
                order.add(d);
            }
        }
        for (ServiceDraft d : drafts.values()) {
            if (!order.contains(d)) {
                order.add(d);
            }
        }
        return order;
    }

    private static boolean publishesWebPort(Answers answers, ServiceDraft d) {
        return d.placement != Placement.HOST && d.webPort > 0 && d.def.web().publish() && !guardedByAuthelia(answers, d);
    }

    /** Apps behind Authelia are reachable only through the proxy, or the sign-in could be walked around. */
    private static boolean guardedByAuthelia(Answers answers, ServiceDraft d) {
        return answers.access().authelia().enabled() && answers.access().authelia().protectedServices().contains(d.name);
    }
}
