package dev.berth.plan;

import dev.berth.catalog.PortSpec.Protocol;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The host ports the stack that already exists publishes, read from its {@code compose.yaml}: a
 * service that runs keeps its port when the answers change, and a newcomer that wants the same
 * port is the one that moves.
 *
 * <p>A port is known by the container that publishes it, the port inside and the protocol:
 * {@code gluetun 9091/tcp} for an app routed through the VPN, {@code authelia 9091/tcp} for
 * Authelia. What cannot be read (a file edited by hand into something else) is left out: it is a
 * hint for the planner, never a reason to refuse the answers.
 *
 * @param hostPorts {@code publisher/containerPort/protocol} → host port
 */
public record PreviousPorts(Map<String, Integer> hostPorts) {
    /** A new stack: nothing runs yet. */
    public static final PreviousPorts NONE = new PreviousPorts(Map.of());

    /** Compose's short port syntax as Berth writes it: {@code [ip:]host:container[/protocol]}. */
    private static final Pattern SHORT = Pattern.compile("(?:.*:)?(\\d{1,5}):(\\d{1,5})(?:/(tcp|udp))?");

    public PreviousPorts {
        hostPorts = Collections.unmodifiableMap(new TreeMap<>(hostPorts));
    }

    /** The ports in a compose.yaml's text; {@link #NONE} when there is none or it is not a compose file. */
    public static PreviousPorts fromCompose(String composeYaml) {
        if (composeYaml == null || composeYaml.isBlank()) {
            return NONE;
        }
        Object root;
        try {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(composeYaml);
        } catch (RuntimeException e) {
            return NONE;
        }
        if (!(root instanceof Map<?, ?> top) || !(top.get("services") instanceof Map<?, ?> services)) {
            return NONE;
        }
        Map<String, Integer> ports = new TreeMap<>();
        services.forEach((name, service) -> {
            if (service instanceof Map<?, ?> s && s.get("ports") instanceof List<?> list) {
                for (Object entry : list) {
                    Matcher m = SHORT.matcher(String.valueOf(entry));
                    if (m.matches()) {
                        Protocol protocol = "udp".equals(m.group(3)) ? Protocol.UDP : Protocol.TCP;
                        ports.putIfAbsent(key(String.valueOf(name), Integer.parseInt(m.group(2)), protocol), Integer.parseInt(m.group(1)));
                    }
                }
            }
        });
        return new PreviousPorts(ports);
    }

    /** The host port this container published for that port inside, if it did. */
    public Optional<Integer> hostPort(String publisher, int containerPort, Protocol protocol) {
        return Optional.ofNullable(hostPorts.get(key(publisher, containerPort, protocol)));
    }

    private static String key(String publisher, int containerPort, Protocol protocol) {
        return publisher + "/" + containerPort + "/" + protocol.key();
    }
}
