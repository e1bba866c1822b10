package dev.berth.engine.wire;

import java.util.Set;

/**
 * The *arr apps the test double stands in for, each at the release whose OpenAPI description
 * is in ../shared/schemas/arr-apis (the tags closest to the images in Berth's catalog).
 */
enum ArrApp {
    SONARR("Sonarr", "/api/v3", "sonarr-v4.0.15-api-v3.openapi.json", "4.0.15.2941",
            Set.of(Wanted.Kind.DOWNLOAD_CLIENT)),
    RADARR("Radarr", "/api/v3", "radarr-v6.0.3-api-v3.openapi.json", "6.0.3.10276",
            Set.of(Wanted.Kind.DOWNLOAD_CLIENT)),
    LIDARR("Lidarr", "/api/v1", "lidarr-v2.13.3-api-v1.openapi.json", "2.13.3.4711",
            Set.of(Wanted.Kind.DOWNLOAD_CLIENT)),
    PROWLARR("Prowlarr", "/api/v1", "prowlarr-v2.3.0-api-v1.openapi.json", "2.3.0.5236",
            Set.of(Wanted.Kind.DOWNLOAD_CLIENT, Wanted.Kind.APPLICATION, Wanted.Kind.INDEXER_PROXY));

    private final String displayName;
    private final String apiPath;
    private final String openApiFile;
    private final String version;
    private final Set<Wanted.Kind> kinds;

    ArrApp(String displayName, String apiPath, String openApiFile, String version, Set<Wanted.Kind> kinds) {
        this.displayName = displayName;
        this.apiPath = apiPath;
        this.openApiFile = openApiFile;
        this.version = version;
        this.kinds = kinds;
    }

    String displayName() {
        return displayName;
    }

    String apiPath() {
        return apiPath;
    }

    String openApiFile() {
        return openApiFile;
    }

    String version() {
        return version;
    }

    /** The provider lists this app has. */
    Set<Wanted.Kind> kinds() {
        return kinds;
    }

    /** Prowlarr keeps no library: no root folders. */
    boolean hasRootFolders() {
        return this != PROWLARR;
    }
}
