package dev.berth.plan;

import dev.berth.answers.AccessAnswers;
import dev.berth.answers.Answers;
import dev.berth.answers.AnswersValidator;
import dev.berth.answers.InvalidAnswersException;
import dev.berth.catalog.Catalog;
import dev.berth.catalog.MetricsSpec;
import dev.berth.catalog.RunOptions;
import dev.berth.catalog.ServiceDefinition;
import dev.berth.catalog.VolumeSpec;
import dev.berth.secrets.Argon2idHasher;
import dev.berth.secrets.SecretGenerator;
import dev.berth.secrets.SecretStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
     * As {@link #plan(Answers, Map, PreviousPorts)}, with the images {@code berth update} pinned in
     * the stack: each service whose pin still holds ({@link ImagePin#holdsOver}) runs its pinned image.
     */
    public StackPlan plan(Answers answers, Map<String, String> previousSecrets, PreviousPorts previousPorts, ImagePins pins) {
        return validate(answers).plan(previousSecrets, previousPorts, pins);
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

        /**
         * The same answers with the backup started by {@code resolved}: what {@code scheduler: auto}
         * became on the target. Choosing a scheduler never makes valid answers invalid.
         */
        public Valid withBackupScheduler(dev.berth.answers.BackupAnswers.Scheduler resolved) {
            return new Valid(answers.withBackup(answers.backup().withScheduler(resolved)));
        }

        /** As {@link Planner#plan(Answers, Map, PreviousPorts)}, without validating again. */
        public StackPlan plan(Map<String, String> previousSecrets, PreviousPorts previousPorts) {
            return planValid(answers, previousSecrets, previousPorts, ImagePins.NONE);
        }

        /** As {@link Planner#plan(Answers, Map, PreviousPorts, ImagePins)}, without validating again. */
        public StackPlan plan(Map<String, String> previousSecrets, PreviousPorts previousPorts, ImagePins pins) {
            return planValid(answers, previousSecrets, previousPorts, pins);
        }
    }

    private StackPlan planValid(Answers answers, Map<String, String> previousSecrets, PreviousPorts previousPorts,
                                ImagePins pins) {
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
        List<PortMove> moves = HostPorts.hand(answers, drafts, previousPorts);

        SecretStore secrets = new SecretStore(previousSecrets);
        Wiring wiring = new Wiring(answers, drafts, secrets, generator, hasher);
        wiring.decideApiKeys();
        String stackDir = answers.storage().stackDir();
        for (ServiceDraft d : drafts.values()) {
            mount(answers, d);
            d.command = d.command.stream().map(arg -> arg.replace(RunOptions.STACK_DIR, stackDir)).toList();
            wiring.wire(d);
        }
        wiring.decidePasswordsWithoutFile();
        wiring.decideGatewayKeys();
        BackupPlanner.decideSecrets(answers.backup(), secrets, generator);
        new DependencyOrder(catalog, drafts).apply();
        Map<String, dev.berth.catalog.Image> catalogImages = new LinkedHashMap<>();
        drafts.forEach((name, d) -> catalogImages.put(name, d.def.image()));
        ImagePins held = pins.holding(catalogImages);

        StackPlan plan = assemble(answers, drafts, additions, resolution.suggestions(), moves, secrets, held);
        // Which client takes the forwarded port is decided on the plan (the engine asks the same question of it).
        Optional<PortForwarding> forwarding = PortForwarding.of(plan);
        if (forwarding.isPresent()) {
            forwarding.get().requireOpenVpnUser(plan);
            ForwardedPortHook.wire(forwarding.get(), drafts);
            plan = assemble(answers, drafts, additions, resolution.suggestions(), moves, secrets, held);
        }
        return plan;
    }

    private static StackPlan assemble(Answers answers, Map<String, ServiceDraft> drafts, List<Addition> additions,
                                      List<String> suggestions, List<PortMove> moves, SecretStore secrets, ImagePins pins) {
        List<PlannedService> services = drafts.values().stream().map(d -> d.build(pins)).toList();
        TreeSet<String> named = new TreeSet<>();
        services.forEach(s -> s.mounts().stream().filter(m -> m.type() == Mount.Type.VOLUME).forEach(m -> named.add(m.source())));
        return new StackPlan(answers, services, List.copyOf(additions), suggestions, List.copyOf(moves),
                secrets.used(), DataTree.directories(services), List.copyOf(named), pins);
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

    /** The host folder a service's {@code config} volume mounts: its own folder under the config root, or a sub-folder of it. */
    static String configFolder(Answers answers, String service, VolumeSpec config) {
        String configDir = answers.storage().configRoot() + "/" + service;
        return config.source() == null ? configDir : configDir + "/" + config.source();
    }

    private static void mount(Answers answers, ServiceDraft d) {
        String data = answers.storage().dataRoot();
        for (VolumeSpec v : d.def.volumes()) {
            Mount m = switch (v.kind()) {
                case CONFIG -> Mount.bind(configFolder(answers, d.name, v), v.target(), v.readOnly());
                case DATA -> Mount.bind(data, v.target(), v.readOnly());
                case TORRENTS -> Mount.bind(data + "/torrents", v.target(), v.readOnly());
                case USENET -> Mount.bind(data + "/usenet", v.target(), v.readOnly());
                case MEDIA -> Mount.bind(data + "/media", v.target(), v.readOnly());
                case GENERATED -> Mount.bind("./config/" + d.def.id() + "/" + v.source(), v.target(), v.readOnly());
                case NAMED -> new Mount(Mount.Type.VOLUME, v.source(), v.target(), v.readOnly());
                case HOST -> Mount.bind(v.source(), v.target(), v.readOnly());
                case STACK -> Mount.bind(answers.storage().stackDir(), answers.storage().stackDir(), v.readOnly());
            };
            d.mounts.add(m);
        }
    }
}
