package dev.berth.plan;

import dev.berth.catalog.Healthcheck;
import dev.berth.catalog.Image;
import dev.berth.catalog.ServiceDefinition;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * One container as it will run.
 *
 * @param name        the compose service name (usually the catalog id; {@code exportarr-sonarr} for instances)
 * @param definition  the catalog entry it comes from
 * @param placement   its network
 * @param ports       host ports it publishes (for gluetun: also those of the apps routed through it)
 * @param mounts      its mounts, in order
 * @param environment its environment, in order; values are literal (the renderer escapes {@code $})
 * @param secrets     names of the secrets mounted at {@code /run/secrets/<name>}
 * @param dependsOn   service name to Compose condition ({@code service_healthy} or {@code service_started})
 * @param user        {@code uid:gid} to run as, or null for the image default
 * @param command     the container command, or empty for the image default
 * @param extraHosts  extra {@code /etc/hosts} entries, e.g. {@code host.docker.internal:host-gateway}
 * @param devices     host devices passed in
 * @param labels      container labels
 * @param webPort     the port the app listens on inside its network (after any move), or 0 without web UI
 * @param hostWebPort the host port of the web UI, or 0 when not published
 * @param healthcheck how Docker checks it
 * @param exportedApp for an exporter instance, the name of the app whose figures it serves; null otherwise
 */
public record PlannedService(
        String name,
        ServiceDefinition definition,
        Placement placement,
        List<PublishedPort> ports,
        List<Mount> mounts,
        Map<String, String> environment,
        List<String> secrets,
        SortedMap<String, String> dependsOn,
        String user,
        List<String> command,
        List<String> extraHosts,
        List<String> devices,
        SortedMap<String, String> labels,
        int webPort,
        int hostWebPort,
        Healthcheck healthcheck,
        String exportedApp) {

    /** The image it runs: the catalog's, or the one an update pinned (see {@code dev.berth.engine.update}). */
    public Image image() {
        return definition.image();
    }

    /** The host name other containers use to reach it: gluetun for VPN-routed apps. */
    public String address() {
        return placement.addressOf(name);
    }

    /** {@code http://<address>:<webPort>} as seen from another container of the stack. */
    public String internalUrl() {
        return "http://" + address() + ":" + webPort;
    }

    public String displayName() {
        String base = definition.name();
        return name.equals(definition.id()) ? base : base + " (" + name.substring(definition.id().length() + 1) + ")";
    }

    /**
     * The host folder bind-mounted at {@code containerPath}: for {@code /config}, where the app keeps
     * its own files (settings Berth merges, a token or flag Berth reads back on the target).
     */
    public java.util.Optional<String> hostFolder(String containerPath) {
        return mounts().stream().filter(m -> m.type() == Mount.Type.BIND && m.target().equals(containerPath))
                .map(Mount::source).findFirst();
    }
}
