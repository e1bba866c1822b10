package dev.berth.catalog;

/**
 * The checks of a service's {@code swarm} section, for {@link DefinitionChecker}: a service Swarm may
 * move to another node must keep nothing on its host (see {@link SwarmSpec}), so each thing that ties
 * it to one host is refused with what ties it.
 */
final class SwarmChecks {
    private static final String FIX = "; Swarm would restart it on another node without it. Leave 'swarm' out (Compose then runs it on its host)";

    private final ServiceDefinition def;
    private final DefinitionChecker checker;

    SwarmChecks(ServiceDefinition def, DefinitionChecker checker) {
        this.def = def;
        this.checker = checker;
    }

    void check() {
        if (!def.swarm().schedulable()) {
            return;
        }
        for (int i = 0; i < def.volumes().size(); i++) {
            VolumeSpec v = def.volumes().get(i);
            String why = v.kind() == VolumeSpec.Kind.CONFIG
                    ? "keeps its settings in a config folder on one host" : "mounts '" + v.kind().key() + "', which lives on one host";
            checker.require(false, "swarm.schedulable", "cannot be true: volumes[" + i + "] " + why + FIX);
        }
        RunOptions run = def.run();
        checker.require(run.networkMode() == null, "swarm.schedulable",
                "cannot be true: run.networkMode '" + run.networkMode() + "' shares a host's network" + FIX);
        checker.require(run.pidMode() == null, "swarm.schedulable",
                "cannot be true: run.pidMode '" + run.pidMode() + "' reads one host's processes" + FIX);
        checker.require(run.devices().isEmpty(), "swarm.schedulable",
                "cannot be true: run.devices " + run.devices() + " are one host's devices" + FIX);
        checker.require(!run.privileged() && run.capAdd().isEmpty(), "swarm.schedulable",
                "cannot be true: Swarm services of Docker 20.10 take neither run.privileged nor run.capAdd" + FIX);
        checker.require(def.vpnGateway() == null, "swarm.schedulable",
                "cannot be true: the VPN gateway's routed apps share its network namespace on its host" + FIX);
    }
}
