package dev.berth.plan;

import dev.berth.catalog.DownloadClientSpec;
import dev.berth.catalog.ForwardedPortSpec;
import dev.berth.catalog.VolumeSpec;
import java.util.List;
import java.util.Map;

/**
 * Gluetun's port-forwarding hooks, which push the forwarded port into the torrent client at every
 * change: the client's script (chosen by the catalog's {@code forwardedPort.hook}) in the stack's
 * {@code config/gluetun/berth/}, mounted read-only into Gluetun's config folder, and the up and
 * down commands that run it with Gluetun's template variables. The client is reached on Gluetun's
 * loopback, since both share its network namespace, and signs in as usual: its password secret is
 * mounted into Gluetun too (no "bypass authentication for localhost": every routed app shares it).
 */
public final class ForwardedPortHook {
    /** The hooks there is a script for ({@code forwarded-port-<hook>.sh} beside the renderer). */
    static final List<String> HOOKS = List.of("qbittorrent", "transmission");
    /** The folder, inside the gateway's config folder, that holds Berth's script. */
    private static final String FOLDER = "berth";
    private static final String SCRIPT = "forwarded-port.sh";

    private ForwardedPortHook() {
    }

    /** Where the script is in the stack's files ({@code config/gluetun/berth/forwarded-port.sh}). */
    public static String renderedPath(PortForwarding forwarding) {
        return renderedFolder(forwarding) + "/" + SCRIPT;
    }

    private static String renderedFolder(PortForwarding forwarding) {
        return "config/" + gateway(forwarding) + "/" + FOLDER;
    }

    /** The client's script, by the catalog's {@code forwardedPort.hook}: one Berth has a script for. */
    public static String hook(PortForwarding forwarding) {
        return hook(forwarding.client().definition().id(), forwarding.client().definition().forwardedPort());
    }

    /**
     * Gluetun gets the commands, the script's folder and the client's password; the client loses
     * the variable that would set its peer port back at every start.
     */
    static void wire(PortForwarding forwarding, Map<String, ServiceDraft> drafts) {
        PlannedService client = forwarding.client();
        ForwardedPortSpec spec = client.definition().forwardedPort();
        hook(forwarding); // a hook without a script is refused before anything is planned for it
        ServiceDraft gateway = drafts.get(gateway(forwarding));
        String configTarget = gateway.def.volumes().stream().filter(v -> v.kind() == VolumeSpec.Kind.CONFIG)
                .map(VolumeSpec::target).findFirst()
                .orElseThrow(() -> new IllegalStateException("catalog " + gateway.def.id() + ".yaml has no config volume for Berth's script"));
        String folder = configTarget + "/" + FOLDER;
        gateway.mounts.add(Mount.bind("./" + renderedFolder(forwarding), folder, true));
        DownloadClientSpec api = client.definition().downloadClient();
        String url = "http://127.0.0.1:" + client.webPort() + (api.urlBase() == null ? "" : api.urlBase());
        gateway.secrets.add(api.passwordSecret());
        // Gluetun splits the command into arguments itself (no shell) and fills in {{PORT}} and {{VPN_INTERFACE}}.
        String arguments = "{{PORT}} {{VPN_INTERFACE}} " + url + " " + api.username() + " /run/secrets/" + api.passwordSecret();
        gateway.env.put("VPN_PORT_FORWARDING_UP_COMMAND", "/bin/sh " + folder + "/" + SCRIPT + " up " + arguments);
        gateway.env.put("VPN_PORT_FORWARDING_DOWN_COMMAND", "/bin/sh " + folder + "/" + SCRIPT + " down " + arguments);
        if (spec.peerPortVariable() != null) {
            drafts.get(client.name()).env.remove(spec.peerPortVariable());
        }
    }

    /** The gateway's service name: the routed client's address (gluetun). */
    private static String gateway(PortForwarding forwarding) {
        return forwarding.client().address();
    }

    private static String hook(String service, ForwardedPortSpec spec) {
        if (!HOOKS.contains(spec.hook())) {
            throw new IllegalStateException("catalog " + service + ".yaml: field 'forwardedPort.hook': '" + spec.hook()
                    + "' has no script in Berth; use one of " + HOOKS + ", or write forwarded-port-" + spec.hook()
                    + ".sh beside the others in compose-templates (src/main/resources/dev/berth/render/vpn/)");
        }
        return spec.hook();
    }
}
