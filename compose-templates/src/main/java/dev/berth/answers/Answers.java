package dev.berth.answers;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import java.util.Map;

/**
 * Everything the person chose, as one immutable value. The GUI and the CLI both produce it;
 * nothing downstream knows which did. Round-trips to {@code berth.yaml}.
 *
 * @param schemaVersion the answers-file format version, so later Berth versions can migrate
 * @param projectName   the Compose project name (container and network prefix)
 * @param services      the apps chosen on the Apps screen; the planner adds what they need
 * @param portOverrides host ports the person (or the port check) picked, by service id
 * @param backup        restic backups of the stack and every app's settings; left out of berth.yaml while off
 * @param hosts         several machines the stack is placed across (issue 17); empty for one target
 * @param placement     the person's pins and Swarm-scheduled services when there are several hosts
 */
@JsonPropertyOrder({"schemaVersion", "projectName", "target", "storage", "services", "vpn", "access", "monitoring", "media", "portOverrides", "backup", "hosts", "placement"})
public record Answers(
        @NotNull(message = "is required (use 1)")
        @jakarta.validation.constraints.Min(value = 1, message = "this Berth reads answers files of version 1; use 1")
        @jakarta.validation.constraints.Max(value = 1, message = "this Berth reads answers files of version 1; this file was written by a newer Berth")
        Integer schemaVersion,
        @NotNull @Pattern(regexp = "[a-z0-9][a-z0-9_-]{0,62}",
                message = "must be lower-case letters, digits, '-' or '_', starting with a letter or digit (it names your containers)")
        String projectName,
        @NotNull(message = "say where the stack runs (target)") @Valid TargetAnswers target,
        @NotNull(message = "say where files go (storage)") @Valid StorageAnswers storage,
        @NotNull(message = "choose at least one app (services)")
        List<@NotNull @Pattern(regexp = "[a-z][a-z0-9-]{0,30}", message = "is not a service id") String> services,
        @NotNull @Valid VpnAnswers vpn,
        @NotNull @Valid AccessAnswers access,
        @NotNull @Valid MonitoringAnswers monitoring,
        // Left out of berth.yaml while nothing in it differs from the defaults.
        @JsonInclude(value = JsonInclude.Include.CUSTOM, valueFilter = MediaAnswers.WhenDefault.class)
        @NotNull @Valid MediaAnswers media,
        // Checked per service by AnswersValidator, so each problem names its key (portOverrides.jellyfin).
        Map<String, Integer> portOverrides,
        @JsonInclude(value = JsonInclude.Include.CUSTOM, valueFilter = BackupAnswers.WhenOff.class)
        @NotNull @Valid BackupAnswers backup,
        @JsonInclude(JsonInclude.Include.NON_EMPTY)
        List<@NotNull @Valid HostAnswers> hosts,
        @JsonInclude(value = JsonInclude.Include.CUSTOM, valueFilter = PlacementAnswers.WhenEmpty.class)
        @NotNull @Valid PlacementAnswers placement) {

    public static final int SCHEMA_VERSION = 1;

    /** Answers without backups (the section most callers leave out). */
    public Answers(Integer schemaVersion, String projectName, TargetAnswers target, StorageAnswers storage, List<String> services,
                   VpnAnswers vpn, AccessAnswers access, MonitoringAnswers monitoring, MediaAnswers media,
                   Map<String, Integer> portOverrides) {
        this(schemaVersion, projectName, target, storage, services, vpn, access, monitoring, media, portOverrides, BackupAnswers.OFF);
    }

    /** Answers for one target (the hosts and placement most callers leave out). */
    public Answers(Integer schemaVersion, String projectName, TargetAnswers target, StorageAnswers storage, List<String> services,
                   VpnAnswers vpn, AccessAnswers access, MonitoringAnswers monitoring, MediaAnswers media,
                   Map<String, Integer> portOverrides, BackupAnswers backup) {
        this(schemaVersion, projectName, target, storage, services, vpn, access, monitoring, media, portOverrides, backup,
                List.of(), PlacementAnswers.NONE);
    }

    public Answers {
        services = services == null ? null : List.copyOf(services);
        portOverrides = portOverrides == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(portOverrides));
        vpn = vpn == null ? VpnAnswers.OFF : vpn;
        access = access == null ? AccessAnswers.LAN_ONLY : access;
        monitoring = monitoring == null ? MonitoringAnswers.NONE : monitoring;
        media = media == null ? MediaAnswers.DEFAULTS : media;
        projectName = projectName == null ? "berth" : projectName;
        backup = backup == null ? BackupAnswers.OFF : backup;
        hosts = hosts == null ? List.of() : List.copyOf(hosts);
        placement = placement == null ? PlacementAnswers.NONE : placement;
        // With several hosts the first is where the stack is opened from and the swarm's manager:
        // code that knows one target (the Welcome page, berth status) keeps working on it.
        if (target == null && !hosts.isEmpty() && hosts.get(0) != null) {
            target = hosts.get(0).target();
        }
    }

    /** Whether the stack is placed across several hosts ({@code hosts:} given). */
    @JsonIgnore
    public boolean isMultiHost() {
        return !hosts.isEmpty();
    }

    @JsonIgnore
    @AssertTrue(message = "Authelia needs a domain: choose 'domain' access and enter your domain, or turn Authelia off")
    public boolean isAutheliaHasDomain() {
        return access == null || !access.authelia().enabled() || access.mode() == AccessAnswers.Mode.DOMAIN;
    }


    public Answers withServices(List<String> newServices) {
        return new Answers(schemaVersion, projectName, target, storage, newServices, vpn, access, monitoring, media, portOverrides, backup, hosts, placement);
    }

    public Answers withStorage(StorageAnswers newStorage) {
        return new Answers(schemaVersion, projectName, target, newStorage, services, vpn, access, monitoring, media, portOverrides, backup, hosts, placement);
    }

    public Answers withVpn(VpnAnswers newVpn) {
        return new Answers(schemaVersion, projectName, target, storage, services, newVpn, access, monitoring, media, portOverrides, backup, hosts, placement);
    }

    public Answers withAccess(AccessAnswers newAccess) {
        return new Answers(schemaVersion, projectName, target, storage, services, vpn, newAccess, monitoring, media, portOverrides, backup, hosts, placement);
    }

    public Answers withMonitoring(MonitoringAnswers newMonitoring) {
        return new Answers(schemaVersion, projectName, target, storage, services, vpn, access, newMonitoring, media, portOverrides, backup, hosts, placement);
    }

    public Answers withMedia(MediaAnswers newMedia) {
        return new Answers(schemaVersion, projectName, target, storage, services, vpn, access, monitoring, newMedia, portOverrides, backup, hosts, placement);
    }

    public Answers withBackup(BackupAnswers newBackup) {
        return new Answers(schemaVersion, projectName, target, storage, services, vpn, access, monitoring, media, portOverrides, newBackup, hosts, placement);
    }

    public Answers withHosts(List<HostAnswers> newHosts, PlacementAnswers newPlacement) {
        return new Answers(schemaVersion, projectName, target, storage, services, vpn, access, monitoring, media, portOverrides, backup,
                newHosts, newPlacement);
    }

    public Answers withPortOverrides(Map<String, Integer> overrides) {
        return new Answers(schemaVersion, projectName, target, storage, services, vpn, access, monitoring, media, overrides, backup, hosts, placement);
    }
}
