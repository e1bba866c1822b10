package dev.berth.catalog;

import java.util.Set;

/**
 * The checks of a service's {@code placement} section, for {@link DefinitionChecker}: the plan shows
 * the reason beside the host, and a media server reaches over NFS only the media folder. Whether the
 * ids in {@code with} exist is {@link RelationChecker}'s check.
 */
final class PlacementChecks {
    /** The volume kinds that are the data tree: one file system, so only on the storage host. */
    static final Set<VolumeSpec.Kind> DATA_TREE = Set.of(VolumeSpec.Kind.DATA, VolumeSpec.Kind.TORRENTS, VolumeSpec.Kind.USENET,
            VolumeSpec.Kind.MEDIA);

    private final ServiceDefinition def;
    private final DefinitionChecker checker;

    PlacementChecks(ServiceDefinition def, DefinitionChecker checker) {
        this.def = def;
        this.checker = checker;
    }

    void check() {
        PlacementSpec placement = def.placement();
        if (placement == PlacementSpec.FREE) {
            return;
        }
        for (int i = 0; i < placement.with().size(); i++) {
            String id = placement.with().get(i);
            checker.require(id != null && !id.equals(def.id()), "placement.with[" + i + "]",
                    "must name another service (a service is always on its own host)");
        }
        if (placement.with().isEmpty()) {
            checker.require(placement.reason() == null, "placement.reason",
                    "explains 'with': list the services it must share a host with, or leave 'reason' out");
        } else {
            checker.require(DefinitionChecker.notBlank(placement.reason()) && placement.reason().lines().count() == 1
                            && placement.reason().length() <= 120, "placement.reason",
                    "is required with 'with': one line the plan shows beside the host, saying why they share it"
                            + " (e.g. Prometheus reads it through its own host's gateway)");
        }
        if (placement.mediaOverNfs()) {
            boolean media = def.volumes().stream().anyMatch(v -> v.kind() == VolumeSpec.Kind.MEDIA);
            boolean moreOfTheTree = def.volumes().stream().anyMatch(v -> DATA_TREE.contains(v.kind()) && v.kind() != VolumeSpec.Kind.MEDIA);
            checker.require(media && !moreOfTheTree, "placement.mediaOverNfs",
                    "is for a service that mounts the media folder (a 'media' volume) and no other part of the data tree"
                            + " (downloads need the storage host's file system for hardlinks); leave it out");
        }
    }
}
