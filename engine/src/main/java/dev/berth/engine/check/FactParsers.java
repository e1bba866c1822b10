package dev.berth.engine.check;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Reading what target commands and files print. Pure functions, so each format is tested on its own. */
final class FactParsers {
    private FactParsers() {
    }

    /** KEY=value lines; values may be quoted. */
    static TargetFacts.OsInfo osRelease(String text) {
        Map<String, String> v = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0 && !line.startsWith("#")) {
                String value = line.substring(eq + 1).trim();
                if (value.length() >= 2 && (value.startsWith("\"") || value.startsWith("'")) && value.endsWith(value.substring(0, 1))) {
                    value = value.substring(1, value.length() - 1);
                }
                v.put(line.substring(0, eq).trim(), value);
            }
        }
        return new TargetFacts.OsInfo(v.getOrDefault("ID", ""), v.getOrDefault("VERSION_ID", ""),
                v.getOrDefault("PRETTY_NAME", v.getOrDefault("NAME", "")));
    }

    /** {@code uname -m} to the name image manifests use; null when it is none Berth knows. */
    static String dockerArch(String machine) {
        return switch (machine.trim()) {
            case "x86_64", "amd64" -> "amd64";
            case "aarch64", "arm64", "armv8l", "aarch64_be" -> "arm64";
            case "armv7l", "armv7", "armv6l", "armv6", "armhf", "arm" -> "arm";
            case "i386", "i486", "i586", "i686", "x86" -> "386";
            case "ppc64le", "s390x", "riscv64" -> machine.trim();
            default -> null;
        };
    }

    /** MemTotal in bytes (the file says kB, meaning KiB); 0 when absent. */
    static long memTotalBytes(String meminfo) {
        for (String line : meminfo.split("\n")) {
            if (line.startsWith("MemTotal:")) {
                String[] parts = line.substring(9).trim().split("\\s+");
                return Long.parseLong(parts[0]) * 1024L;
            }
        }
        return 0;
    }

    /** /etc/localtime links into .../zoneinfo/Area/City; the zone is what follows. */
    static Optional<String> zoneFromLink(String link) {
        int at = link.indexOf("zoneinfo/");
        if (at < 0) {
            return Optional.empty();
        }
        String zone = link.substring(at + "zoneinfo/".length()).trim();
        // posix/ and right/ hold the same zones with other leap-second handling.
        if (zone.startsWith("posix/") || zone.startsWith("right/")) {
            zone = zone.substring(6);
        }
        return zone.isEmpty() ? Optional.empty() : Optional.of(zone);
    }

    /**
     * The default route's interface, then that interface's directly connected network, from
     * {@code ip -o -4 route show}: "default via 192.168.1.1 dev eth0" and
     * "192.168.1.0/24 dev eth0 proto kernel scope link src 192.168.1.20".
     */
    static Optional<String> defaultInterface(String routes) {
        for (String line : routes.split("\n")) {
            String[] w = line.trim().split("\\s+");
            if (w.length > 0 && w[0].equals("default")) {
                return word(w, "dev");
            }
        }
        return Optional.empty();
    }

    static Optional<String> linkNetwork(String routes, String iface) {
        for (String line : routes.split("\n")) {
            String[] w = line.trim().split("\\s+");
            if (w.length > 0 && w[0].contains("/") && word(w, "dev").orElse("").equals(iface)
                    && word(w, "scope").orElse("").equals("link")) {
                return Optional.of(Ipv4.network(w[0]));
            }
        }
        return Optional.empty();
    }

    /** From {@code ip -o -4 addr show}: "2: eth0    inet 192.168.1.20/24 brd ... scope global eth0". */
    static Optional<String> addrNetwork(String addrs, String iface) {
        for (String line : addrs.split("\n")) {
            String[] w = line.trim().split("\\s+");
            if (w.length > 3 && w[1].equals(iface)) {
                return word(w, "inet").map(Ipv4::network);
            }
        }
        return Optional.empty();
    }

    private static Optional<String> word(String[] words, String key) {
        for (int i = 0; i + 1 < words.length; i++) {
            if (words[i].equals(key)) {
                return Optional.of(words[i + 1]);
            }
        }
        return Optional.empty();
    }
}
