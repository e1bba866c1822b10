package dev.berth.engine.vpn;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one container says about its network, gathered by one {@code docker exec … sh -c}
 * ({@link #SCRIPT}) with what the image has: {@code cat} of /proc files, {@code ip} where present.
 * Parsed here as a pure function, so the leak checks can be tested without a container. A part the
 * image could not read is empty, and the check that needs it says UNKNOWN.
 *
 * @param namespace    the network namespace ({@code net:[4026532180]})
 * @param nameservers  every {@code nameserver} of /etc/resolv.conf; empty when the file could not be read
 * @param route        what {@code ip route get} answered for an internet address
 * @param mainRoutes   the main routing table from /proc/net/route; empty when unreadable
 * @param ipv6Disabled /proc/sys/net/ipv6/conf/all/disable_ipv6; empty when unreadable (or no IPv6 in the kernel)
 * @param ipv6         the IPv6 addresses and routes; empty when /proc/net/if_inet6 could not be read
 */
public record NamespaceFacts(Optional<String> namespace, Optional<List<String>> nameservers, RouteLookup route,
                             Optional<List<Route4>> mainRoutes, Optional<Boolean> ipv6Disabled, Optional<Ipv6> ipv6) {

    /** The address whose route is looked up: any internet address does; this one is easy to recognise. */
    public static final String PROBE_ADDRESS = "1.1.1.1";

    /**
     * Prints every fact under a {@code @name} line. POSIX sh only (BusyBox, dash, bash): the
     * LinuxServer images, Gluetun's Alpine and the stand-ins all have it.
     */
    public static final String SCRIPT = String.join("\n",
            "echo @ns; readlink /proc/self/ns/net 2>/dev/null || ls -l /proc/self/ns/net 2>/dev/null",
            "echo @resolv; cat /etc/resolv.conf 2>/dev/null",
            "echo @routeget; if command -v ip >/dev/null 2>&1; then ip route get " + PROBE_ADDRESS + " 2>&1; else echo '!no-ip'; fi",
            "echo @route; cat /proc/net/route 2>/dev/null",
            "echo @disable_ipv6; cat /proc/sys/net/ipv6/conf/all/disable_ipv6 2>/dev/null",
            "echo @if_inet6; if [ -e /proc/net/if_inet6 ]; then cat /proc/net/if_inet6 2>/dev/null; else echo '!none'; fi",
            "echo @ipv6_route; cat /proc/net/ipv6_route 2>/dev/null",
            "echo @end");

    private static final Pattern NAMESPACE = Pattern.compile("net:\\[(\\d+)]");
    private static final Pattern DEVICE = Pattern.compile("\\bdev\\s+(\\S+)");
    /** RTF_REJECT: an "unreachable" route, which sends nothing anywhere. */
    private static final int RTF_REJECT = 0x0200;

    public NamespaceFacts {
        nameservers = nameservers.map(List::copyOf);
        mainRoutes = mainRoutes.map(List::copyOf);
    }

    /** How the kernel routes {@link #PROBE_ADDRESS}. */
    public sealed interface RouteLookup {
        /** Out through this interface. */
        record Device(String name) implements RouteLookup {
        }

        /** The kernel has no route (or said something else): its words. */
        record NoRoute(String said) implements RouteLookup {
        }

        /** The image has no {@code ip} (or the output was lost). */
        record Unread() implements RouteLookup {
        }
    }

    /** One IPv4 route of the main table. */
    public record Route4(String device, int destination, int mask, int flags) {
        /** Whether this route covers the address (host order). */
        boolean covers(int address) {
            return (address & mask) == (destination & mask);
        }
    }

    /** One IPv6 address ({@code scope} 0 is global) and one route ({@code prefix} 0 is a default route). */
    public record Ipv6(List<Address> addresses, List<Route> routes) {
        public Ipv6 {
            addresses = List.copyOf(addresses);
            routes = List.copyOf(routes);
        }

        public record Address(String address, int scope, String device) {
        }

        public record Route(int prefix, String device, boolean reject) {
        }
    }

    /** Parses what {@link #SCRIPT} printed; whatever is missing or garbled becomes empty, never an exception. */
    public static NamespaceFacts parse(String output) {
        Map<String, List<String>> sections = sections(output);
        Optional<String> ns = sections.getOrDefault("ns", List.of()).stream().map(NAMESPACE::matcher).filter(Matcher::find)
                .map(m -> "net:[" + m.group(1) + "]").findFirst();
        return new NamespaceFacts(ns, nameservers(sections.get("resolv")), routeLookup(sections.get("routeget")),
                mainRoutes(sections.get("route")), ipv6Disabled(sections.get("disable_ipv6")),
                ipv6(sections.get("if_inet6"), sections.get("ipv6_route")));
    }

    private static Map<String, List<String>> sections(String output) {
        Map<String, List<String>> sections = new LinkedHashMap<>();
        List<String> current = null;
        for (String line : (output == null ? "" : output).split("\\R")) {
            if (line.matches("@[a-z_0-9]+")) {
                current = new ArrayList<>();
                sections.put(line.substring(1), current);
            } else if (current != null && !line.isBlank()) {
                current.add(line.strip());
            }
        }
        // Only what the script finished: a section cut short by a lost connection is not trusted.
        if (!sections.containsKey("end")) {
            return Map.of();
        }
        return sections;
    }

    private static Optional<List<String>> nameservers(List<String> resolv) {
        if (resolv == null || resolv.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(resolv.stream().filter(l -> l.startsWith("nameserver")).map(l -> l.split("\\s+"))
                .filter(p -> p.length > 1).map(p -> p[1]).toList());
    }

    private static RouteLookup routeLookup(List<String> lines) {
        if (lines == null || lines.isEmpty() || lines.getFirst().equals("!no-ip")) {
            return new RouteLookup.Unread();
        }
        String text = String.join(" ", lines);
        Matcher m = DEVICE.matcher(text);
        return m.find() ? new RouteLookup.Device(m.group(1)) : new RouteLookup.NoRoute(text);
    }

    private static Optional<List<Route4>> mainRoutes(List<String> lines) {
        if (lines == null || lines.isEmpty()) {
            return Optional.empty();
        }
        List<Route4> routes = new ArrayList<>();
        for (String line : lines) {
            // Iface Destination Gateway Flags RefCnt Use Metric Mask …, addresses as little-endian hex.
            String[] f = line.split("\\s+");
            if (f.length < 8 || f[0].equals("Iface")) {
                continue;
            }
            try {
                routes.add(new Route4(f[0], Integer.reverseBytes(Integer.parseUnsignedInt(f[1], 16)),
                        Integer.reverseBytes(Integer.parseUnsignedInt(f[7], 16)), Integer.parseInt(f[3], 16)));
            } catch (NumberFormatException garbled) {
                return Optional.empty();
            }
        }
        return Optional.of(routes);
    }

    private static Optional<Boolean> ipv6Disabled(List<String> lines) {
        if (lines == null || lines.isEmpty()) {
            return Optional.empty();
        }
        return switch (lines.getFirst()) {
            case "1" -> Optional.of(true);
            case "0" -> Optional.of(false);
            default -> Optional.empty();
        };
    }

    private static Optional<Ipv6> ipv6(List<String> inet6, List<String> routes6) {
        if (inet6 == null) {
            return Optional.empty();
        }
        if (!inet6.isEmpty() && inet6.getFirst().equals("!none")) {
            // No /proc/net/if_inet6: the kernel has no IPv6 in this namespace at all.
            return Optional.of(new Ipv6(List.of(), List.of()));
        }
        List<Ipv6.Address> addresses = new ArrayList<>();
        List<Ipv6.Route> routes = new ArrayList<>();
        try {
            for (String line : inet6) {
                // address ifindex prefixlen scope flags device
                String[] f = line.split("\\s+");
                if (f.length >= 6) {
                    addresses.add(new Ipv6.Address(f[0], Integer.parseInt(f[3], 16), f[5]));
                }
            }
            for (String line : routes6 == null ? List.<String>of() : routes6) {
                // dest prefix src srcprefix nexthop metric refcnt use flags device
                String[] f = line.split("\\s+");
                if (f.length >= 10) {
                    routes.add(new Ipv6.Route(Integer.parseInt(f[1], 16), f[9],
                            (Integer.parseUnsignedInt(f[8], 16) & RTF_REJECT) != 0));
                }
            }
        } catch (NumberFormatException garbled) {
            return Optional.empty();
        }
        return Optional.of(new Ipv6(addresses, routes));
    }
}
