package dev.berth.engine.update;

import dev.berth.engine.target.Target;
import dev.berth.engine.target.TargetException;
import dev.berth.plan.StackPlan;
import java.util.List;
import java.util.function.BooleanSupplier;

/** Asks each image's registry for a newer tag on the same track; changes nothing. */
public interface UpdateFinder {
    /**
     * One status per service of the plan, in the plan's order. A registry that cannot be reached
     * gives its services' statuses an {@code unreachable} sentence; it never throws for that.
     */
    List<ImageStatus> find(Target target, StackPlan plan, BooleanSupplier cancelled)
            throws TargetException, InterruptedException;

    /**
     * Docker Hub, ghcr.io, lscr.io and any registry speaking the v2 API, over the network, asked
     * anonymously (Berth keeps no registry logins; every image of the catalog is public).
     */
    static UpdateFinder registries() {
        return new RegistryUpdateFinder(new RegistryClient(java.util.Map.of()));
    }
}
