package dev.berth.plan;

import dev.berth.answers.AccessAnswers;
import dev.berth.answers.Answers;
import dev.berth.answers.AnswersValidator;
import dev.berth.answers.InvalidAnswersException;
import dev.berth.catalog.Catalog;
import dev.berth.catalog.MetricsSpec;
import dev.berth.catalog.PortSpec;
import dev.berth.catalog.ServiceDefinition;
import dev.berth.catalog.VolumeSpec;
import dev.berth.secrets.Argon2idHasher;
import dev.berth.secrets.SecretGenerator;
import dev.berth.secrets.SecretStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Answers → StackPlan. Every decision lives here: which services run and why, which ports they
 * get, which network, which folders, which secrets. Given the previous secrets, the same answers
 * always give the same plan.
 */
public final class Planner {
    private final Catalog catalog;
    private final SecretGenerator generator;
    private final Argon2idHasher hasher;

    public Planner(Catalog catalog, SecretGenerator generator, Argon2idHasher hasher) {
        this.catalog = catalog;
        this.generator = generator;
        this.hasher = hasher;
    }

    public Planner(Catalog catalog, SecretGenerator generator) {
        this(catalog, generator, new Argon2idHasher(generator));
    }

    public Planner(Catalog catalog) {
        this(catalog, new SecretGenerator());
    }

    /**
     * @param previousSecrets the secrets of the stack as it is now (empty for a new stack); every
     *                        one still needed is kept as it is
     * @throws InvalidAnswersException with every problem, when the answers cannot be planned
     */
    public StackPlan plan(Answers answers, Map<String, String> previousSecrets) {
        return plan(answers, previousSecrets, PreviousPorts.NONE);
    }

    /**
     * @param previousSecrets the secrets of the stack as it is now (empty for a new stack); every
     *                        one still needed is kept as it is
     * @param previousPorts   the host ports the stack as it is now publishes: each keeps its port,
     *                        and a newcomer that wants one of them moves instead
     * @throws InvalidAnswersException with every problem, when the answers cannot be planned
     */
    public StackPlan plan(Answers answers, Map<String, String> previousSecrets, PreviousPorts previousPorts) {
        return validate(answers).plan(previousSecrets, previousPorts);
    }

    /**
     * Validates the answers once, for a caller that uses them before planning (the deployer reads
     * the stack folder they name, to plan with its secrets).
     *
     * @throws InvalidAnswersException with every problem
     */
    public Valid validate(Answers answers) {
        new AnswersValidator(catalog).requireValid(answers);
        return new Valid(answers);
    }

    /** Answers this planner's validator accepted: planning them does not validate them again. */
    public final class Valid {
        private final Answers answers;

        private Valid(Answers answers) {
            this.answers = answers;
        }

        public Answers answers() {
            return answers;
        }

        /** As {@link Planner#plan(Answers, Map, PreviousPorts)}, without validating again. */
        public StackPlan plan(Map<String, String> previousSecrets, PreviousPorts previousPorts) {
            return planValid(answers, previousSecrets, previousPorts);
        }
    }

    private StackPlan planValid(Answers answers, Map<String, String> previousSecrets, PreviousPorts previousPorts) {
        answers = withLowerCaseDomain(answers);
        DependencyResolver.Resolution resolution = new DependencyResolver(catalog).resolve(answers);
        List<Addition> additions = new ArrayList<>(resolution.additions());

        Map<String, ServiceDraft> drafts = new LinkedHashMap<>();
        for (String id : resolution.ids()) {
            ServiceDefinition def = catalog.get(id);
            if (def.exporter() == null) { // an exporter runs once per app it reads, added next
                drafts.put(id, new ServiceDraft(id, def));
            }
        }
        additions.addAll(addExporters(answers, resolution.ids(), drafts));

        place(answers, drafts);
        List<PortMove> moves = new ArrayList<>(moveClashingPortsInsideVpn(drafts));
        moves.addAll(publishPorts(answers, drafts, previousPorts));

        SecretStore secrets = new SecretStore(previousSecrets);
        Wiring wiring = new Wiring(answers, drafts, secrets, generator, hasher);
        wiring.decideApiKeys();
        for (ServiceDraft d : drafts.values()) {
            mount(answers, d);
            wiring.wire(d);
        }
        new DependencyOrder(catalog, drafts).apply();

        List<PlannedService> services = drafts.values().stream().map(ServiceDraft::build).toList();
        TreeSet<String> named = new TreeSet<>();
        services.forEach(s -> s.mounts().stream().filter(m -> m.type() == Mount.Type.VOLUME).forEach(m -> named.add(m.source())));
        return new StackPlan(answers, services, List.copyOf(additions), resolution.suggestions(), List.copyOf(moves),
                secrets.used(), DataTree.directories(services), List.copyOf(named));
    }

    /**
     * One exporter for each app whose catalog entry names one, when Prometheus runs (or the
     * exporter was chosen itself): each instance reads one app's API.
     */
    private List<Addition> addExporters(Answers answers, List<String> ids, Map<String, ServiceDraft> drafts) {
        List<Addition> added = new ArrayList<>();
        for (ServiceDraft app : ChosenOrder.of(answers.services(), List.copyOf(drafts.values()), d -> d.name)) {
            MetricsSpec metrics = app.def.metrics();
            if (metrics != null && (answers.monitoring().prometheus() || ids.contains(metrics.exporter()))) {
                ServiceDefinition exporter = catalog.get(metrics.exporter());
                ServiceDraft instance = ServiceDraft.exporterFor(app, exporter);
                drafts.put(instance.name, instance);
                added.add(new Addition(instance.name, "Added because you chose monitoring: it lets Prometheus read "
                        + app.def.name() + "'s " + exporter.exporter().reads() + "."));
            }
        }
        return added;
    }

    /**
     * Domain names ignore case, but not every file that holds one does: Authelia compares its
     * cookie domain and rules with the host a browser sends, which is lower case. So the plan,
     * and every file and proxy host made from it, uses the domain in lower case.
     */
    static Answers withLowerCaseDomain(Answers answers) {
        AccessAnswers a = answers.access();
        String domain = lowerCaseDomain(a.domain());
        return domain == null || domain.equals(a.domain()) ? answers
                : answers.withAccess(new AccessAnswers(a.mode(), domain, a.letsEncrypt(), a.npm(), a.authelia(), a.fail2ban()));
    }

    /** The domain as the stack writes it: lower case; null stays null. */
    public static String lowerCaseDomain(String domain) {
        return domain == null ? null : domain.toLowerCase(java.util.Locale.ROOT);
    }

    private static void place(Answers answers, Map<String, ServiceDraft> drafts) {
        for (ServiceDraft d : drafts.values()) {
            if (d.def.run().hostNetwork()) {
                d.placement = Placement.HOST;
            } else if (answers.vpn().enabled() && answers.vpn().routedServices().contains(d.name)) {
                d.placement = Placement.VPN;
            }
        }
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

    private List<PortMove> publishPorts(Answers answers, Map<String, ServiceDraft> drafts, PreviousPorts previousPorts) {
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
    static boolean guardedByAuthelia(Answers answers, ServiceDraft d) {
        return answers.access().authelia().enabled() && answers.access().authelia().protectedServices().contains(d.name);
    }

    private static void mount(Answers answers, ServiceDraft d) {
        String configDir = answers.storage().configRoot() + "/" + d.name;
        String data = answers.storage().dataRoot();
        for (VolumeSpec v : d.def.volumes()) {
            Mount m = switch (v.kind()) {
                case CONFIG -> Mount.bind(v.source() == null ? configDir : configDir + "/" + v.source(), v.target(), v.readOnly());
                case DATA -> Mount.bind(data, v.target(), v.readOnly());
                case TORRENTS -> Mount.bind(data + "/torrents", v.target(), v.readOnly());
                case USENET -> Mount.bind(data + "/usenet", v.target(), v.readOnly());
                case MEDIA -> Mount.bind(data + "/media", v.target(), v.readOnly());
                case GENERATED -> Mount.bind("./config/" + d.def.id() + "/" + v.source(), v.target(), v.readOnly());
                case NAMED -> new Mount(Mount.Type.VOLUME, v.source(), v.target(), v.readOnly());
                case HOST -> Mount.bind(v.source(), v.target(), v.readOnly());
            };
            d.mounts.add(m);
        }
    }
}
