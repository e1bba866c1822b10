package dev.berth.catalog;

import java.util.List;
import java.util.Map;

/**
 * One service as the catalog describes it: read from {@code services/<id>.yaml}.
 *
 * @param linuxserver a LinuxServer.io image: takes {@code PUID}, {@code PGID}, {@code TZ},
 *                    {@code UMASK} and reads any variable from a file with {@code FILE__}
 * @param vpnCapable  may be routed through the VPN (download clients, indexers)
 * @param ramMb       a typical resident memory estimate in MiB, for the RAM check and the Apps screen
 * @param passwords   passwords Berth generates for the service and gives it as files
 * @param api         the API other services call with a key Berth presets; null: none
 * @param metrics     the exporter that lets Prometheus read this app; null: none (or it exports itself)
 * @param exporter    present when this service is an exporter, planned once per app that names it
 * @param homepage    the widget on this app's Homepage tile; null: a plain tile
 * @param unpackerr   how Unpackerr serves this app; null: it does not
 * @param recyclarr   how Recyclarr serves this app; null: it does not
 * @param library     the library an *arr app files downloads into; null: it keeps none
 * @param downloadClient how the *arr apps and Berth talk to this download client; null: it is none
 * @param indexerProxy how the indexer manager (Prowlarr) sends requests through this service; null: it does not
 * @param setup       how Berth sets the app up through its own API once it runs; null: it does not
 * @param handOver    one or two sentences the Done page shows beside the app's address: how the
 *                    person signs in, or what is left to do and why; null: the address says it all
 * @param vpnGateway  present when this service is the VPN gateway other apps are routed through (Gluetun)
 * @param forwardedPort how a torrent client takes the port the VPN provider forwards; null: it does not
 * @param releaseNotes where a version's release notes are, an https link in which {@code {version}} stands for
 *                    the version a tag names ({@code 4.0.16} of {@code 4.0.16.2944-ls304}); null: none published
 * @param backup      what of the app's config folder the backup leaves out, and whether the app is
 *                    stopped for the snapshot; absent in the YAML: {@link BackupSpec#LIVE_COPY}
 * @param placement   which services it must share a host with, and whether a media server may reach the
 *                    media over NFS, on a stack across several hosts; absent: {@link PlacementSpec#FREE}
 */
public record ServiceDefinition(
        String id,
        String name,
        Category category,
        String description,
        Image image,
        List<String> architectures,
        int ramMb,
        WebEndpoint web,
        List<PortSpec> ports,
        List<VolumeSpec> volumes,
        Map<String, String> environment,
        boolean linuxserver,
        boolean vpnCapable,
        Healthcheck healthcheck,
        Relations relations,
        RunOptions run,
        List<GeneratedPassword> passwords,
        ApiSpec api,
        MetricsSpec metrics,
        ExporterSpec exporter,
        HomepageSpec homepage,
        UnpackerrSpec unpackerr,
        RecyclarrSpec recyclarr,
        LibrarySpec library,
        DownloadClientSpec downloadClient,
        IndexerProxySpec indexerProxy,
        SetupSpec setup,
        String handOver,
        VpnGatewaySpec vpnGateway,
        ForwardedPortSpec forwardedPort,
        String releaseNotes,
        BackupSpec backup,
        PlacementSpec placement) {

    public ServiceDefinition {
        architectures = architectures == null ? List.of() : List.copyOf(architectures);
        ports = ports == null ? List.of() : List.copyOf(ports);
        volumes = volumes == null ? List.of() : List.copyOf(volumes);
        environment = environment == null ? Map.of() : java.util.Collections.unmodifiableMap(
                new java.util.LinkedHashMap<>(environment));
        healthcheck = healthcheck == null ? new Healthcheck(false, List.of(), null, null, null, null) : healthcheck;
        relations = relations == null ? Relations.NONE : relations;
        run = run == null ? RunOptions.DEFAULT : run;
        passwords = passwords == null ? List.of() : List.copyOf(passwords);
        backup = backup == null ? BackupSpec.LIVE_COPY : backup;
        placement = placement == null ? PlacementSpec.FREE : placement;
    }

    /** The same service running {@code other}: an image {@code berth update} pinned. */
    public ServiceDefinition withImage(Image other) {
        return new ServiceDefinition(id, name, category, description, other, architectures, ramMb, web, ports, volumes,
                environment, linuxserver, vpnCapable, healthcheck, relations, run, passwords, api, metrics, exporter, homepage,
                unpackerr, recyclarr, library, downloadClient, indexerProxy, setup, handOver, vpnGateway, forwardedPort, releaseNotes,
                backup, placement);
    }

    /** The release notes of the version {@code tag} names, when the catalog knows where they are. */
    public java.util.Optional<String> releaseNotesFor(String tag) {
        if (releaseNotes == null) {
            return java.util.Optional.empty();
        }
        java.util.regex.Matcher version = VERSION.matcher(tag);
        return java.util.Optional.of(releaseNotes.replace("{version}", version.find() ? version.group() : tag));
    }

    /** The version a tag names: its first run of numbers and dots ({@code v3.1.0} → 3.1.0, {@code 7.4-alpine} → 7.4). */
    private static final java.util.regex.Pattern VERSION = java.util.regex.Pattern.compile("\\d+(\\.\\d+)*");

    public boolean hasWebUi() {
        return web != null;
    }

    /** The API key Berth presets for this app, when it has one. */
    public java.util.Optional<ApiKey> apiKey() {
        return java.util.Optional.ofNullable(api).map(ApiSpec::key);
    }

    /** The paths of this app's API that a reverse proxy lets through without signing in. */
    public List<String> publicApiPaths() {
        return api == null ? List.of() : api.publicPaths();
    }

    /** The capability of the app that keeps the indexers and shares them with the *arr apps (Prowlarr). */
    public static final String INDEXER_MANAGER = "indexer-manager";
    /** The capability of the app that fetches subtitles in the languages the person picks (Bazarr). */
    public static final String SUBTITLES = "subtitles";
    /** The capability of the app that keeps the chosen TRaSH quality profile in the apps it serves (Recyclarr). */
    public static final String QUALITY_SYNC = "quality-sync";

    public boolean supports(String architecture) {
        return architectures.contains(architecture);
    }

    /** Whether this service satisfies a requirement entry: by id or by a capability it provides. */
    public boolean satisfies(String idOrCapability) {
        return id.equals(idOrCapability) || relations.provides().contains(idOrCapability);
    }
}
