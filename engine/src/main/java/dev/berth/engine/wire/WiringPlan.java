package dev.berth.engine.wire;

import dev.berth.catalog.DownloadClientSpec;
import dev.berth.catalog.GeneratedPassword;
import dev.berth.catalog.IndexerProxySpec;
import dev.berth.catalog.LibrarySpec;
import dev.berth.catalog.ServiceDefinition;
import dev.berth.plan.PlannedService;
import dev.berth.plan.StackPlan;
import dev.berth.render.Links;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What Berth wires in a stack, worked out from the plan and the catalog alone (pure): for each *arr
 * app with a library its root folder, every chosen download client with the app's category, and
 * its sign-in; for the indexer manager (Prowlarr) every such app as an application, the indexer
 * proxy (FlareSolverr) with its tag, and the download clients; the download clients' own sign-ins
 * Berth checks; and the sign-ins it hands over to the person.
 *
 * <p>Every address is the one the other container uses ({@link PlannedService#address()}:
 * {@code gluetun} and the port inside the VPN for a routed app), since the apps call each other
 * on the stack's network, never through the host.
 *
 * @param apps          in the order to apply: the *arr apps first, then the indexer manager (its
 *                      application test asks the app, which should be set up by then)
 * @param clientSignIns the download clients Berth signs in to, to prove what it generated works
 * @param credentials   the sign-ins Berth made for the person
 * @param setups        the apps set up through their own API ({@link AppSetups}): media servers
 *                      before the *arr apps, Seerr and Bazarr after ({@link AppSetup#phase()})
 */
public record WiringPlan(List<AppWiring> apps, List<ClientSignIn> clientSignIns, List<Credential> credentials,
                         List<AppSetup> setups) {
    /** The user of every forms sign-in Berth sets in an *arr app. */
    public static final String SIGN_IN_USER = "admin";
    /** How long, in seconds, Prowlarr waits for FlareSolverr to solve a challenge (FlareSolverr's own default). */
    static final int PROXY_REQUEST_TIMEOUT = 60;

    public WiringPlan {
        apps = List.copyOf(apps);
        clientSignIns = List.copyOf(clientSignIns);
        credentials = List.copyOf(credentials);
        setups = List.copyOf(setups);
    }

    /** The wiring of the *arr apps and download clients alone. */
    public WiringPlan(List<AppWiring> apps, List<ClientSignIn> clientSignIns, List<Credential> credentials) {
        this(apps, clientSignIns, credentials, List.of());
    }

    /**
     * A download client Berth signs in to, with the names of its secrets (never their values).
     *
     * @param service        the compose service ("qbittorrent")
     * @param displayName    "qBittorrent"
     * @param client         the catalog's facts: protocol, user, URL base
     * @param username       the user, or null for an API key only
     * @param passwordSecret the secret holding the password, or null
     * @param apiKeySecret   the secret holding the API key (SABnzbd), or null
     */
    public record ClientSignIn(String service, String displayName, DownloadClientSpec client, String username,
                               String passwordSecret, String apiKeySecret) {
    }

    /**
     * The part of this wiring that runs on one host of a multi-host stack: the apps, download
     * clients and setups among {@code services}, with their sign-ins handed over. What each app is
     * told stays the whole stack's (a download client on another host keeps its service name,
     * which the overlay network resolves), so only where the wiring runs changes.
     */
    public WiringPlan on(java.util.Collection<String> services) {
        List<AppWiring> keptApps = apps.stream().filter(a -> services.contains(a.service())).toList();
        List<ClientSignIn> keptSignIns = clientSignIns.stream().filter(c -> services.contains(c.service())).toList();
        // A credential carries the display name of the app or client that made it.
        Set<String> shown = new java.util.HashSet<>();
        keptApps.forEach(a -> shown.add(a.displayName()));
        keptSignIns.forEach(c -> shown.add(c.displayName()));
        return new WiringPlan(keptApps, keptSignIns, credentials.stream().filter(c -> shown.contains(c.service())).toList(),
                setups.stream().filter(s -> services.contains(s.service())).toList());
    }

    /** Nothing to wire: no *arr app, no indexer manager, no download client with a sign-in, no app to set up. */
    public boolean isEmpty() {
        return apps.isEmpty() && clientSignIns.isEmpty() && setups.isEmpty();
    }

    /**
     * The wiring of a plan.
     *
     * @param previousSecrets the stack's secrets before this run: a sign-in whose password was not among them was
     *                        made now and is handed over with its password ({@link Credential#isNew()})
     */
    public static WiringPlan of(StackPlan plan, Map<String, String> previousSecrets) {
        List<PlannedService> arrApps = plan.servicesInChosenOrder().stream().filter(s -> s.definition().library() != null).toList();
        List<PlannedService> clients = plan.servicesInChosenOrder().stream().filter(s -> s.definition().downloadClient() != null).toList();
        Optional<PlannedService> indexerManager = plan.servicesInChosenOrder().stream()
                .filter(s -> s.definition().relations().provides().contains(ServiceDefinition.INDEXER_MANAGER)
                        && s.definition().api() != null && s.definition().api().path() != null)
                .findFirst();
        List<PlannedService> proxies = plan.servicesInChosenOrder().stream().filter(s -> s.definition().indexerProxy() != null).toList();

        List<AppWiring> apps = new ArrayList<>();
        for (PlannedService app : arrApps) {
            apps.add(arrApp(plan, app, clients));
        }
        indexerManager.ifPresent(prowlarr -> apps.add(indexerManager(plan, prowlarr, arrApps, clients, proxies)));

        List<ClientSignIn> signIns = new ArrayList<>();
        List<Credential> credentials = new ArrayList<>();
        for (PlannedService c : clients) {
            DownloadClientSpec spec = c.definition().downloadClient();
            signIns.add(new ClientSignIn(c.name(), c.displayName(), spec, spec.username(), spec.passwordSecret(),
                    c.definition().apiKey().map(k -> k.secret()).orElse(null)));
            if (spec.username() != null) {
                credentials.add(new Credential(c.displayName(), Links.url(plan, c), spec.username(), spec.passwordSecret(),
                        !previousSecrets.containsKey(spec.passwordSecret())));
            }
        }
        for (PlannedService app : arrApps) {
            signInSecret(app).filter(secret -> formsSignIn(plan, app)).ifPresent(secret -> credentials.add(
                    new Credential(app.displayName(), Links.url(plan, app), SIGN_IN_USER, secret, !previousSecrets.containsKey(secret))));
        }
        return new WiringPlan(apps, signIns, credentials, AppSetups.of(plan));
    }

    private static AppWiring arrApp(StackPlan plan, PlannedService app, List<PlannedService> clients) {
        LibrarySpec library = app.definition().library();
        List<Wanted> wanted = new ArrayList<>();
        wanted.add(new Wanted.RootFolder(library.rootFolder(), library.rootFolderProperties()));
        for (PlannedService client : clients) {
            wanted.add(downloadClient(plan, client, Map.of(library.categoryField(), library.category())));
        }
        Optional<String> secret = signInSecret(app);
        if (formsSignIn(plan, app) && secret.isPresent()) {
            wanted.add(new Wanted.SignIn("forms", SIGN_IN_USER, secretValue(plan, secret.get())));
        } else if (!formsSignIn(plan, app)) {
            wanted.add(new Wanted.SignIn("external", null, null));
        }
        return wiring(plan, app, wanted);
    }

    private static AppWiring indexerManager(StackPlan plan, PlannedService prowlarr, List<PlannedService> arrApps,
                                            List<PlannedService> clients, List<PlannedService> proxies) {
        List<Wanted> wanted = new ArrayList<>();
        for (PlannedService proxy : proxies) {
            wanted.add(new Wanted.Tag(proxy.definition().indexerProxy().tag()));
        }
        for (PlannedService app : arrApps) {
            String implementation = app.definition().library().prowlarrApplication();
            if (implementation == null) {
                continue;
            }
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("prowlarrUrl", prowlarr.internalUrl()); // how the app reaches Prowlarr
            fields.put("baseUrl", app.internalUrl());          // how Prowlarr reaches the app
            fields.put("apiKey", apiKey(plan, app));
            wanted.add(new Wanted.Provider(Wanted.Kind.APPLICATION, app.displayName(), implementation,
                    implementation + "Settings", fields, Set.of("apiKey"), Map.of("syncLevel", "fullSync"), List.of(),
                    app.displayName()));
        }
        for (PlannedService proxy : proxies) {
            IndexerProxySpec spec = proxy.definition().indexerProxy();
            wanted.add(new Wanted.Provider(Wanted.Kind.INDEXER_PROXY, proxy.displayName(), spec.implementation(),
                    spec.configContract(), Map.of("host", proxy.internalUrl() + "/", "requestTimeout", PROXY_REQUEST_TIMEOUT),
                    Set.of(), Map.of(), List.of(spec.tag()), proxy.displayName()));
        }
        for (PlannedService client : clients) {
            // Prowlarr's own clients take their category in "category"; its default ("prowlarr") is kept.
            wanted.add(downloadClient(plan, client, Map.of()));
        }
        return wiring(plan, prowlarr, wanted);
    }

    /** A download client as an *arr app or Prowlarr adds it: at the address other containers use, with Berth's credentials. */
    private static Wanted.Provider downloadClient(StackPlan plan, PlannedService client, Map<String, Object> category) {
        DownloadClientSpec spec = client.definition().downloadClient();
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("host", client.address());
        fields.put("port", client.webPort());
        fields.put("useSsl", false);
        if (spec.urlBase() != null) {
            fields.put("urlBase", spec.urlBase());
        }
        List<String> secret = new ArrayList<>();
        if (spec.username() != null) {
            fields.put("username", spec.username());
            fields.put("password", secretValue(plan, spec.passwordSecret()));
            secret.add("password");
        }
        if (client.definition().apiKey().isPresent()) {
            fields.put("apiKey", apiKey(plan, client));
            secret.add("apiKey");
        }
        fields.putAll(category);
        Map<String, Object> properties = Map.of("enable", true, "protocol", spec.protocol(), "priority", 1);
        return new Wanted.Provider(Wanted.Kind.DOWNLOAD_CLIENT, client.displayName(), spec.implementation(),
                spec.configContract(), fields, Set.copyOf(secret), properties, List.of(), client.displayName());
    }

    /**
     * Forms sign-in with Berth's password, unless Authelia guards the app and it publishes no host
     * port: then every way in passes Authelia's sign-in already, and a second one is only in the way.
     */
    static boolean formsSignIn(StackPlan plan, PlannedService app) {
        var authelia = plan.answers().access().authelia();
        boolean guarded = authelia.enabled() && authelia.protectedServices().contains(app.name()) && plan.has("authelia");
        return !(guarded && app.hostWebPort() == 0);
    }

    /** The app's sign-in password: its first generated password that no container reads (the catalog's {@code passwords}). */
    private static Optional<String> signInSecret(PlannedService app) {
        return app.definition().passwords().stream().filter(p -> p.fileVariable() == null).map(GeneratedPassword::secret).findFirst();
    }

    private static AppWiring wiring(StackPlan plan, PlannedService app, List<Wanted> wanted) {
        return new AppWiring(app.name(), app.displayName(), app.definition().api().path(), apiKey(plan, app), wanted);
    }

    private static String apiKey(StackPlan plan, PlannedService app) {
        return secretValue(plan, app.definition().apiKey().orElseThrow().secret());
    }

    private static String secretValue(StackPlan plan, String name) {
        String value = plan.secrets().get(name);
        if (value == null) {
            throw new IllegalArgumentException("the plan has no secret " + name + ": plan the stack with its catalog before wiring it");
        }
        return value;
    }
}
