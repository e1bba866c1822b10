package dev.berth.plan;

import dev.berth.answers.Answers;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;

/**
 * What will run: the decisions made from the answers. A pure value; rendering it gives files.
 *
 * @param answers        the answers it was made from
 * @param services       every container, in a stable order
 * @param additions      services the person did not pick, and why they are there
 * @param suggestions    services that would make the chosen ones better, not added
 * @param portMoves      ports that could not be the defaults
 * @param secrets        every secret by name (file under secrets/)
 * @param dataDirectories the TRaSH folders under the data root, relative, parents first
 * @param namedVolumes   Docker named volumes
 * @param pins           the images {@code berth update} pinned that still stand; the services already run them
 * @param serviceAddresses on a stack across several hosts, service name → the address a browser reaches the
 *                       host it runs on at (set by the split, which knows the layout); empty on one host,
 *                       where every service is on the target
 */
public record StackPlan(
        Answers answers,
        List<PlannedService> services,
        List<Addition> additions,
        List<String> suggestions,
        List<PortMove> portMoves,
        SortedMap<String, String> secrets,
        List<String> dataDirectories,
        List<String> namedVolumes,
        ImagePins pins,
        Map<String, String> serviceAddresses) {

    public static final String NETWORK = "berth";

    public StackPlan {
        serviceAddresses = Map.copyOf(serviceAddresses);
    }

    /** A plan on one host: every service at the target's address. */
    public StackPlan(Answers answers, List<PlannedService> services, List<Addition> additions, List<String> suggestions,
                     List<PortMove> portMoves, SortedMap<String, String> secrets, List<String> dataDirectories,
                     List<String> namedVolumes, ImagePins pins) {
        this(answers, services, additions, suggestions, portMoves, secrets, dataDirectories, namedVolumes, pins, Map.of());
    }

    /** A plan without pinned images. */
    public StackPlan(Answers answers, List<PlannedService> services, List<Addition> additions, List<String> suggestions,
                     List<PortMove> portMoves, SortedMap<String, String> secrets, List<String> dataDirectories,
                     List<String> namedVolumes) {
        this(answers, services, additions, suggestions, portMoves, secrets, dataDirectories, namedVolumes, ImagePins.NONE);
    }

    /** This plan with each service's host address (a stack across several hosts). */
    public StackPlan withServiceAddresses(Map<String, String> addresses) {
        return new StackPlan(answers, services, additions, suggestions, portMoves, secrets, dataDirectories, namedVolumes, pins, addresses);
    }

    /** Where a browser reaches {@code service}'s host, when the stack spans several hosts and the split knew it. */
    public Optional<String> addressOf(String service) {
        return Optional.ofNullable(serviceAddresses.get(service));
    }

    public Optional<PlannedService> service(String name) {
        return services.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /**
     * The services in {@link ChosenOrder}: as the person chose them, then the ones added for them.
     * Files that list the apps a helper serves use it.
     */
    public List<PlannedService> servicesInChosenOrder() {
        return ChosenOrder.of(answers.services(), services, PlannedService::name);
    }

    /** The backup these answers ask for; empty while backups are off. */
    public Optional<BackupPlan> backup() {
        return BackupPlan.of(this);
    }

    public boolean has(String name) {
        return service(name).isPresent();
    }

    public String projectName() {
        return answers.projectName();
    }

    /** Every published host port, across all services, sorted by port. */
    public List<PublishedPort> publishedPorts() {
        return services.stream().flatMap(s -> s.ports().stream())
                .sorted(java.util.Comparator.comparingInt(PublishedPort::hostPort).thenComparing(PublishedPort::protocol))
                .toList();
    }
}
