package dev.berth.engine.check;

/** IPv4 networks in CIDR form: enough arithmetic to compare the LAN subnet with the answers. */
final class Ipv4 {
    private Ipv4() {
    }

    /** 192.168.1.20/24 → 192.168.1.0/24; a bare address is a /32. */
    static String network(String cidr) {
        int slash = cidr.indexOf('/');
        int prefix = slash < 0 ? 32 : Integer.parseInt(cidr.substring(slash + 1));
        long addr = address(slash < 0 ? cidr : cidr.substring(0, slash)) & mask(prefix);
        return format(addr) + "/" + prefix;
    }

    /** Whether every address of {@code inner} is in {@code outer}. */
    static boolean contains(String outer, String inner) {
        String o = network(outer);
        String i = network(inner);
        int op = prefix(o);
        int ip = prefix(i);
        return ip >= op && (address(i.substring(0, i.indexOf('/'))) & mask(op)) == address(o.substring(0, o.indexOf('/')));
    }

    private static int prefix(String cidr) {
        return Integer.parseInt(cidr.substring(cidr.indexOf('/') + 1));
    }

    private static long mask(int prefix) {
        return prefix == 0 ? 0 : (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
    }

    private static long address(String dotted) {
        String[] parts = dotted.split("\\.");
        if (parts.length != 4) {
            throw new IllegalArgumentException(dotted + " is not an IPv4 address");
        }
        long v = 0;
        for (String p : parts) {
            int b = Integer.parseInt(p);
            if (b < 0 || b > 255) {
                throw new IllegalArgumentException(dotted + " is not an IPv4 address");
            }
            v = (v << 8) | b;
        }
        return v;
    }

    private static String format(long v) {
        return ((v >> 24) & 255) + "." + ((v >> 16) & 255) + "." + ((v >> 8) & 255) + "." + (v & 255);
    }
}
