package dev.berth.engine.vpn;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a container's network looks like from inside: which network namespace it is in, its
 * interfaces (up or not) and the interfaces its routes leave through. Read by one
 * {@code docker exec} of {@link #SCRIPT}, which uses only {@code sh}, {@code ls} and {@code cat}:
 * Gluetun's image and the apps' images (Alpine, Debian, Ubuntu) all have them, and no image has to
 * carry {@code ip}.
 *
 * @param namespace  the namespace as the kernel names it ({@code net:[4026532251]}); empty when not shown
 * @param interfaces every interface in {@code /sys/class/net} and whether it is up ({@code IFF_UP})
 * @param routes     the interface of each IPv4 route ({@code /proc/net/route}, the main table)
 * @param ipv6Routes the interface of each IPv6 route ({@code /proc/net/ipv6_route}; none when IPv6 is off)
 */
record NetworkView(Optional<String> namespace, Map<String, Boolean> interfaces, List<String> routes, List<String> ipv6Routes) {
    /**
     * Prints one section per fact. {@code /proc/self} is the reading program itself, which is in the
     * container's namespace; {@code /proc/net} is the reader's namespace's, always current, while
     * {@code /sys/class/net} is what sysfs showed when the container was started in it.
     */
    static final String SCRIPT = """
            echo '[netns]'; ls -l /proc/self/ns/net
            echo '[interfaces]'
            for i in /sys/class/net/*; do [ -r "$i/flags" ] && read f < "$i/flags" && echo "${i##*/} $f"; done
            echo '[route]'; cat /proc/net/route 2>/dev/null
            echo '[ipv6_route]'; cat /proc/net/ipv6_route 2>/dev/null
            true
            """;

    private static final Pattern NAMESPACE = Pattern.compile("net:\\[\\d+]");
    private static final String LOOPBACK = "lo";
    private static final int IFF_UP = 0x1;

    NetworkView {
        interfaces = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(interfaces));
        routes = List.copyOf(routes);
        ipv6Routes = List.copyOf(ipv6Routes);
    }

    /** The argv that prints what {@link #parse} reads, run in one container. */
    static List<String> probe(String containerId) {
        return List.of("docker", "exec", containerId, "sh", "-c", SCRIPT);
    }

    /** Reads what {@link #SCRIPT} printed; lines it does not know are ignored. */
    static NetworkView parse(String output) {
        Optional<String> namespace = Optional.empty();
        Map<String, Boolean> interfaces = new LinkedHashMap<>();
        List<String> routes = new ArrayList<>();
        List<String> ipv6Routes = new ArrayList<>();
        String section = "";
        for (String raw : output.lines().toList()) {
            String line = raw.strip();
            if (line.startsWith("[") && line.endsWith("]") && !line.contains(" ")) {
                section = line;
                continue;
            }
            String[] cols = line.isEmpty() ? new String[0] : line.split("\\s+");
            switch (section) {
                case "[netns]" -> {
                    Matcher m = NAMESPACE.matcher(line);
                    if (m.find()) {
                        namespace = Optional.of(m.group());
                    }
                }
                case "[interfaces]" -> {
                    if (cols.length == 2) {
                        flags(cols[1]).ifPresent(f -> interfaces.put(cols[0], (f & IFF_UP) != 0));
                    }
                }
                // Iface Destination Gateway Flags ...: the first line is the header.
                case "[route]" -> {
                    if (cols.length >= 8 && !cols[0].equals("Iface")) {
                        routes.add(cols[0]);
                    }
                }
                // dest dest_len src src_len next_hop metric refcnt use flags iface: no header.
                case "[ipv6_route]" -> {
                    if (cols.length == 10) {
                        ipv6Routes.add(cols[9]);
                    }
                }
                default -> {
                    // before the first section: nothing of ours
                }
            }
        }
        return new NetworkView(namespace, interfaces, routes, ipv6Routes);
    }

    private static Optional<Long> flags(String hex) {
        try {
            return Optional.of(Long.parseLong(hex.replaceFirst("^0[xX]", ""), 16));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Interfaces other than the loopback that are up. */
    List<String> upBesidesLoopback() {
        return interfaces.entrySet().stream().filter(e -> e.getValue() && !e.getKey().equals(LOOPBACK))
                .map(Map.Entry::getKey).toList();
    }

    /** Routes (IPv4 and IPv6) that leave through an interface other than the loopback, by interface. */
    List<String> routesBesidesLoopback() {
        List<String> out = new ArrayList<>();
        routes.stream().filter(i -> !i.equals(LOOPBACK)).map(i -> "IPv4 via " + i).forEach(out::add);
        ipv6Routes.stream().filter(i -> !i.equals(LOOPBACK)).map(i -> "IPv6 via " + i).forEach(out::add);
        return out.stream().distinct().toList();
    }

    /**
     * No way out: no route leaves through an interface but the loopback and the tunnel's. A tunnel
     * interface left behind (WireGuard's, when Gluetun was killed) carries only encrypted traffic to
     * the VPN server, and that has no route out once the engine took the namespace's eth0 away; an
     * interface that is up but has no route sends nothing.
     *
     * @param tunnel the tunnel's interface names ({@code tun0}, {@code wg0})
     */
    boolean cutOff(java.util.Collection<String> tunnel) {
        return routes.stream().allMatch(i -> i.equals(LOOPBACK) || tunnel.contains(i))
                && ipv6Routes.stream().allMatch(i -> i.equals(LOOPBACK) || tunnel.contains(i));
    }

    /** What was seen, for a check's detail: "interfaces up: lo; routes: none". */
    String describe() {
        List<String> up = interfaces.entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey).toList();
        List<String> out = routesBesidesLoopback();
        return "interfaces up: " + (up.isEmpty() ? "none" : String.join(", ", up))
                + "; routes: " + (out.isEmpty() ? "none" : String.join(", ", out));
    }
}
