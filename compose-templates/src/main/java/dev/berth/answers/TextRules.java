package dev.berth.answers;

import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules behind the answer constraints, in one place so the GUI can reuse them for hints.
 * Each rule decides what may reach a generated file: a value either round-trips exactly or is
 * refused here with a message.
 */
public final class TextRules {
    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?");
    private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:]{2,39}");
    // The two forms Authelia 4.39's configuration schema gives for notifier.smtp.sender.
    private static final String MAIL_ADDRESS = "[a-zA-Z0-9._~!#$%&'*/=?^{|}+-]+@[a-zA-Z0-9.-]+\\.[a-zA-Z0-9-]+";
    private static final Pattern MAIL_SENDER = Pattern.compile(MAIL_ADDRESS + "|[^<>]*[^<>\\s]\\s<" + MAIL_ADDRESS + ">");
    private static final Pattern BASE64_32 = Pattern.compile("[A-Za-z0-9+/]{43}=");

    /** Gluetun's VPN_SERVICE_PROVIDER values (kept in the catalog, which gluetun.yaml is checked against). */
    public static final List<String> VPN_PROVIDERS = dev.berth.catalog.GluetunProviders.ALL;

    /** Providers with native WireGuard support in Gluetun; the others need OpenVPN (or 'custom'). */
    public static final Set<String> WIREGUARD_PROVIDERS = Set.of(
            "airvpn", "custom", "fastestvpn", "ivpn", "mullvad", "nordvpn", "protonvpn", "surfshark", "windscribe");

    private TextRules() {
    }

    /**
     * One line of text that every generated file can hold as it is: no control characters or line
     * breaks, and nothing YAML cannot print. SnakeYAML writes a string holding the non-characters
     * U+FFFE or U+FFFF as {@code !!binary} (base64), and cannot write an unpaired surrogate at all.
     */
    public static boolean singleLine(String v) {
        return v.codePoints().noneMatch(c -> Character.isISOControl(c) || c == 0x2028 || c == 0x2029 || c == 0x85
                || c == 0xFFFE || c == 0xFFFF || (c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE));
    }

    /**
     * Absolute, normalised, not the root, one line, and nothing the {@code .env} file cannot hold.
     * It single-quotes paths so that spaces and {@code $} stay literal, but docker-compose 1.29
     * reads it with python-dotenv, which even inside single quotes turns {@code \\} into
     * {@code \}, takes {@code \'} for a quote and expands {@code ${NAME}}; Compose v2 does none of
     * that. So no single quote, no backslash and no <code>${</code>.
     */
    /** Whether the normalised absolute path {@code path} is {@code folder} or lies inside it. */
    public static boolean within(String path, String folder) {
        return path.equals(folder) || path.startsWith(folder.endsWith("/") ? folder : folder + "/");
    }

    public static boolean absolutePath(String v) {
        if (!v.startsWith("/") || v.length() < 2 || v.length() > 1024 || !singleLine(v) || v.indexOf('\'') >= 0
                || v.indexOf('\\') >= 0 || v.contains("${")) {
            return false;
        }
        if (v.endsWith("/") || v.contains("//")) {
            return false;
        }
        for (String part : v.substring(1).split("/", -1)) {
            if (part.isEmpty() || part.equals(".") || part.equals("..")) {
                return false;
            }
        }
        // A ':' would be read as a volume separator by tools that use the short volume syntax.
        return v.indexOf(':') < 0;
    }

    public static boolean hostName(String v) {
        if (IPV4.matcher(v).matches()) {
            return true;
        }
        if (v.indexOf(':') >= 0) {
            return IPV6.matcher(v).matches() && ipv6(v);
        }
        if (v.length() > 253 || v.endsWith(".")) {
            return false;
        }
        for (String label : v.split("\\.", -1)) {
            if (!LABEL.matcher(label).matches()) {
                return false;
            }
        }
        return true;
    }

    /** RFC 1123 with at least two labels, a top-level label that is not all digits. */
    public static boolean domainName(String v) {
        if (v.length() > 253 || !hostName(v) || IPV4.matcher(v).matches() || v.indexOf(':') >= 0) {
            return false;
        }
        String[] labels = v.split("\\.");
        return labels.length >= 2 && !labels[labels.length - 1].chars().allMatch(Character::isDigit);
    }

    public static boolean timeZone(String v) {
        return java.time.ZoneId.getAvailableZoneIds().contains(v) && v.contains("/") || v.equals("UTC");
    }

    public static boolean cidr(String v) {
        int slash = v.indexOf('/');
        if (slash < 0) {
            return false;
        }
        String ip = v.substring(0, slash);
        String bits = v.substring(slash + 1);
        if (!bits.matches("\\d{1,3}")) {
            return false;
        }
        int prefix = Integer.parseInt(bits);
        if (IPV4.matcher(ip).matches()) {
            return prefix <= 32;
        }
        return ip.indexOf(':') >= 0 && IPV6.matcher(ip).matches() && ipv6(ip) && prefix <= 128;
    }

    public static boolean wireGuardKey(String v) {
        if (!BASE64_32.matcher(v).matches()) {
            return false;
        }
        try {
            return Base64.getDecoder().decode(v).length == 32;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** A From address: {@code auth@example.com} or {@code Authelia <auth@example.com>}. */
    public static boolean mailSender(String v) {
        return singleLine(v) && MAIL_SENDER.matcher(v).matches();
    }

    public static boolean vpnProvider(String v) {
        return VPN_PROVIDERS.contains(v);
    }

    public static boolean password(String v) {
        int length = v.codePointCount(0, v.length());
        return length >= 12 && length <= 128 && singleLine(v);
    }

    private static boolean ipv6(String v) {
        try {
            return java.net.InetAddress.ofLiteral(v) instanceof java.net.Inet6Address;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
