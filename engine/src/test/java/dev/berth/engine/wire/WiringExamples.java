package dev.berth.engine.wire;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The full example's wiring, written by hand (the planner's {@code WiringPlan} makes these from
 * the answers and the catalog): Sonarr, Radarr and Lidarr with qBittorrent (behind Gluetun) and
 * SABnzbd, Prowlarr with the three apps, FlareSolverr as an indexer proxy with its tag, and the
 * download clients; every app with a forms sign-in. Secrets are recognisable, so tests can
 * search every string for them.
 */
final class WiringExamples {
    static final String QBIT_PASSWORD = "qbtPASSWORDx7Kq2";
    static final String SABNZBD_KEY = "sabKEY9f8e7d6c5b4a39281706f5e4d3c";
    static final String SIGN_IN_PASSWORD = "signinPASSWORDz3Vw";
    static final Map<ArrApp, String> KEYS = Map.of(
            ArrApp.SONARR, "sonarrKEYa1b2c3d4e5f60718293a4b5c6",
            ArrApp.RADARR, "radarrKEYb1b2c3d4e5f60718293a4b5c6",
            ArrApp.LIDARR, "lidarrKEYc1b2c3d4e5f60718293a4b5c6",
            ArrApp.PROWLARR, "prowlarrKEYd1b2c3d4e5f60718293a4b5");
    private static final Map<ArrApp, Integer> PORTS = Map.of(ArrApp.SONARR, 8989, ArrApp.RADARR, 7878, ArrApp.LIDARR, 8686);

    private WiringExamples() {
    }

    /** Every secret in the examples: none may appear in a link, a message or a toString. */
    static List<String> secrets() {
        List<String> all = new ArrayList<>(List.of(QBIT_PASSWORD, SABNZBD_KEY, SIGN_IN_PASSWORD));
        all.addAll(KEYS.values());
        return all;
    }

    static AppWiring of(ArrApp app) {
        return app == ArrApp.PROWLARR ? prowlarr(true) : library(app, qbittorrent(app), sabnzbd(app));
    }

    /** Sonarr, Radarr or Lidarr with these download clients. */
    static AppWiring library(ArrApp app, Wanted.Provider... clients) {
        List<Wanted> wanted = new ArrayList<>();
        String category = category(app);
        String folder = "/data/media/" + category;
        wanted.add(new Wanted.RootFolder(folder, app == ArrApp.LIDARR
                ? Map.of("name", "Music", "defaultMetadataProfileId", 1, "defaultQualityProfileId", 1)
                : Map.of()));
        wanted.add(signIn());
        wanted.addAll(List.of(clients));
        return wiring(app, wanted);
    }

    static AppWiring prowlarr(boolean withFlareSolverr) {
        List<Wanted> wanted = new ArrayList<>();
        wanted.add(signIn());
        if (withFlareSolverr) {
            wanted.add(new Wanted.Tag("flaresolverr"));
            wanted.add(new Wanted.Provider(Wanted.Kind.INDEXER_PROXY, "FlareSolverr", "FlareSolverr", "FlareSolverrSettings",
                    Map.of("host", "http://flaresolverr:8191/", "requestTimeout", 60), Set.of(), Map.of(),
                    List.of("flaresolverr"), "FlareSolverr"));
        }
        for (ArrApp app : List.of(ArrApp.SONARR, ArrApp.RADARR, ArrApp.LIDARR)) {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("prowlarrUrl", "http://prowlarr:9696");
            fields.put("baseUrl", "http://" + app.name().toLowerCase() + ":" + PORTS.get(app));
            fields.put("apiKey", KEYS.get(app));
            fields.put("syncCategories", switch (app) {
                case SONARR -> List.of(5000, 5010, 5020, 5030, 5040, 5045, 5050, 5090);
                case RADARR -> List.of(2000, 2010, 2020, 2030, 2040, 2045, 2050, 2060, 2070, 2080, 2090);
                default -> List.of(3000, 3010, 3030, 3040, 3050, 3060);
            });
            wanted.add(new Wanted.Provider(Wanted.Kind.APPLICATION, app.displayName(), app.displayName(),
                    app.displayName() + "Settings", fields, Set.of("apiKey"), Map.of("syncLevel", "fullSync"), List.of(),
                    app.displayName()));
        }
        wanted.add(qbittorrent(ArrApp.PROWLARR));
        wanted.add(sabnzbd(ArrApp.PROWLARR));
        return wiring(ArrApp.PROWLARR, wanted);
    }

    static Wanted.Provider qbittorrent(ArrApp app) {
        return client(app, "qBittorrent", "QBittorrent", Map.of("host", "gluetun", "port", 8080, "username", "admin",
                "password", QBIT_PASSWORD), Set.of("password"), "torrent");
    }

    static Wanted.Provider transmission(ArrApp app) {
        return client(app, "Transmission", "Transmission", Map.of("host", "gluetun", "port", 9091, "username", "admin",
                "password", QBIT_PASSWORD), Set.of("password"), "torrent");
    }

    static Wanted.Provider sabnzbd(ArrApp app) {
        return client(app, "SABnzbd", "Sabnzbd", Map.of("host", "sabnzbd", "port", 8080, "apiKey", SABNZBD_KEY),
                Set.of("apiKey"), "usenet");
    }

    private static Wanted.Provider client(ArrApp app, String name, String implementation, Map<String, Object> settings,
                                          Set<String> secrets, String protocol) {
        Map<String, Object> fields = new LinkedHashMap<>(settings);
        fields.put(switch (app) {
            case SONARR -> "tvCategory";
            case RADARR -> "movieCategory";
            case LIDARR -> "musicCategory";
            case PROWLARR -> "category";
        }, category(app));
        return new Wanted.Provider(Wanted.Kind.DOWNLOAD_CLIENT, name, implementation, implementation + "Settings", fields,
                secrets, Map.of("protocol", protocol, "priority", 1, "enable", true), List.of(), name);
    }

    static String category(ArrApp app) {
        return switch (app) {
            case SONARR -> "tv";
            case RADARR -> "movies";
            case LIDARR -> "music";
            case PROWLARR -> "prowlarr";
        };
    }

    private static Wanted.SignIn signIn() {
        return new Wanted.SignIn("forms", "berth", SIGN_IN_PASSWORD);
    }

    private static AppWiring wiring(ArrApp app, List<Wanted> wanted) {
        return new AppWiring(app.name().toLowerCase(), app.displayName(), app.apiPath(), KEYS.get(app), wanted);
    }
}
