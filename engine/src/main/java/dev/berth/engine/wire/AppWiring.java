package dev.berth.engine.wire;

import java.util.List;

/**
 * Everything Berth wants set in one app's HTTP API, worked out from the plan and the catalog
 * ({@code WiringPlan}) and applied by {@code AppSync}, which matches each wanted entry to what the
 * app already has by name.
 *
 * @param service     the compose service name ("sonarr")
 * @param displayName the app's name for links and messages ("Sonarr")
 * @param apiPath     the API's base path, from the catalog ({@code /api/v3}, {@code /api/v1})
 * @param apiKey      the key Berth preset for the app (sent as {@code X-Api-Key}; never logged)
 * @param wanted      in the order to apply: tags before the providers that name them
 */
public record AppWiring(String service, String displayName, String apiPath, String apiKey, List<Wanted> wanted) {
    public AppWiring {
        wanted = List.copyOf(wanted);
    }

    @Override
    public String toString() {
        return "AppWiring[" + service + " " + apiPath + ", " + wanted.size() + " wanted]"; // no key
    }
}
