package dev.berth.engine.wire;

import dev.berth.engine.target.RemoteFiles;
import dev.berth.plan.PlannedService;
import dev.berth.plan.StackPlan;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * What an {@link AppSetup} is given for one run.
 *
 * @param base      where the app answers from this computer ({@code http://127.0.0.1:<tunnel port>})
 * @param plan      the stack as planned
 * @param service   the app as planned
 * @param secrets   the stack's secrets by name, with those an earlier setup of this run made (a
 *                  media server's API key); never logged or put in a link
 * @param memory    what Berth last set in this app ({@link WiringMemory#of}); empty the first time
 * @param files     the target's files, for what an app keeps only in its own config (Plex's token in
 *                  Preferences.xml); empty where no target is known
 * @param cancelled asked between requests: a cancelled run stops at the next one
 */
public record SetupContext(URI base, StackPlan plan, PlannedService service, Map<String, String> secrets,
                           Map<String, String> memory, Optional<RemoteFiles> files, BooleanSupplier cancelled) {
    public SetupContext {
        secrets = Map.copyOf(secrets);
        memory = Map.copyOf(memory);
    }

    @Override
    public String toString() {
        return "SetupContext[" + service.name() + " at " + base + "]"; // no secrets
    }
}
