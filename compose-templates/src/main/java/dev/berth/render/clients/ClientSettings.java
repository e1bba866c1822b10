package dev.berth.render.clients;

import dev.berth.plan.StackPlan;
import java.util.List;

/** The settings files of the plan's download clients, made from the catalog's {@code downloadClient} sections. */
public final class ClientSettings {
    private ClientSettings() {
    }

    /** One or more per planned download client, in the plan's order. */
    public static List<SettingsFile> of(StackPlan plan) {
        return List.of(); // filled in by the download-client settings work (issue 12, point 1)
    }
}
