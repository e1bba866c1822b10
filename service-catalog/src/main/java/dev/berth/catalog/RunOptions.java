package dev.berth.catalog;

import java.util.List;

/**
 * Container settings beyond image, ports and mounts.
 *
 * @param networkMode     {@code host} for services that must see the host network (node-exporter,
 *                        Fail2Ban); empty for the stack's own bridge network
 * @param pidMode         {@code host} for exporters that read host processes
 * @param runAsPuid       run as {@code PUID:PGID} (images that do not drop privileges themselves)
 * @param capAdd          Linux capabilities, e.g. {@code NET_ADMIN}
 * @param devices         host devices, e.g. {@code /dev/net/tun}
 * @param command         the container command, when the image default is not enough; {@value #STACK_DIR}
 *                        in an argument stands for the stack folder's absolute path on the target
 * @param init            run an init process (images without one, like Seerr)
 * @param stopGracePeriod Compose duration for a clean shutdown
 * @param privileged      full privileges (cAdvisor needs them on some hosts)
 * @param extraHosts      extra {@code /etc/hosts} entries ({@code host.docker.internal:host-gateway}
 *                        for Prometheus, which scrapes node-exporter on the host network)
 * @param autoUpdate      whether Watchtower may replace it on its own; null means yes. False for
 *                        the services a surprise upgrade could lock a person out with (the proxy,
 *                        the sign-in, the VPN)
 */
public record RunOptions(String networkMode, String pidMode, boolean runAsPuid, List<String> capAdd,
                         List<String> devices, List<String> command, boolean init,
                         String stopGracePeriod, boolean privileged, List<String> extraHosts, Boolean autoUpdate) {
    /** The one placeholder a command may hold: the stack folder, for a helper that mounts it at its own path. */
    public static final String STACK_DIR = "{stackDir}";

    public static final RunOptions DEFAULT =
            new RunOptions(null, null, false, List.of(), List.of(), List.of(), false, null, false, List.of(), true);

    public RunOptions {
        extraHosts = extraHosts == null ? List.of() : List.copyOf(extraHosts);
        autoUpdate = autoUpdate == null || autoUpdate;
        capAdd = capAdd == null ? List.of() : List.copyOf(capAdd);
        devices = devices == null ? List.of() : List.copyOf(devices);
        command = command == null ? List.of() : List.copyOf(command);
    }

    public boolean hostNetwork() {
        return "host".equals(networkMode);
    }
}
