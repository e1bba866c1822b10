package dev.berth.render.clients;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * qBittorrent's {@code qBittorrent.conf} (Qt's INI: a key {@code Preferences/WebUI/Port} is
 * {@code WebUI\Port} under {@code [Preferences]}). Berth sets the WebUI user and password, the
 * WebUI port, the save path and automatic torrent management (so a category's save path is where
 * its downloads go), and turns port forwarding off: inside the VPN a home router must not open a
 * port, and outside it Berth publishes the peer port itself. It sets no separate incomplete
 * folder: the default one is already under the save path, and moving finished files costs I/O
 * for nothing (TRaSH's advice).
 */
final class QbittorrentConf implements SettingsFormat {
    private static final String PREFERENCES = "Preferences";
    private static final String PASSWORD_KEY = "WebUI\\Password_PBKDF2";
    private static final String USE_RANDOM_PORT = "Session\\UseRandomPort";
    /** As qBittorrent makes it (src/base/utils/password.cpp): PBKDF2-HMAC-SHA512, 100000 rounds, 16-byte salt, 64-byte key. */
    private static final int ITERATIONS = 100_000;
    private static final int SALT_BYTES = 16;
    private static final int KEY_BITS = 512;
    private static final SecureRandom RANDOM = new SecureRandom();

    @Override
    public SettingsMerge merge(Optional<String> existing, String startFrom, ClientFacts facts) {
        IniLines ini = new IniLines(existing.orElse(startFrom == null ? "" : startFrom), "=", false);
        List<String> set = new ArrayList<>();
        put(ini, set, PREFERENCES, "WebUI\\Username", facts.username());
        // The hash is salted afresh each time: one that already verifies the password is kept, so a re-run writes nothing.
        if (!ini.get(PREFERENCES, PASSWORD_KEY).map(stored -> verifies(stored, facts.password())).orElse(false)) {
            put(ini, set, PREFERENCES, PASSWORD_KEY, "\"@ByteArray(" + hash(facts.password()) + ")\"");
        }
        put(ini, set, PREFERENCES, "WebUI\\Port", Integer.toString(facts.webPort()));
        put(ini, set, PREFERENCES, "WebUI\\UseUPnP", "false");
        put(ini, set, "Network", "PortForwardingEnabled", "false");
        put(ini, set, "BitTorrent", "Session\\DefaultSavePath", facts.downloadFolder());
        put(ini, set, "BitTorrent", "Session\\DisableAutoTMMByDefault", "false");
        // Since 4.4 a random peer port is Session\Port=0 (which the down hook sets on the loopback on purpose);
        // the older Session\UseRandomPort=true is turned into that at start (src/app/upgrade.cpp) and removed,
        // so Berth switches it off where it is still there and the next run finds nothing to set.
        if (facts.forwardedPort() && ini.get("BitTorrent", USE_RANDOM_PORT).filter(v -> !v.strip().equals("false")).isPresent()) {
            put(ini, set, "BitTorrent", USE_RANDOM_PORT, "false");
        }
        return new SettingsMerge(ini.text(), set);
    }

    private static void put(IniLines ini, List<String> set, String section, String key, String value) {
        if (ini.set(section, key, value)) {
            set.add("[" + section + "] " + key);
        }
    }

    /** {@code salt:key}, both base64, as qBittorrent stores it inside {@code @ByteArray(…)}. */
    static String hash(String password) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        Base64.Encoder b64 = Base64.getEncoder();
        return b64.encodeToString(salt) + ":" + b64.encodeToString(pbkdf2(password, salt));
    }

    /** Whether a stored value ({@code "@ByteArray(salt:key)"}, quoted or not) is the hash of this password. */
    static boolean verifies(String stored, String password) {
        String value = stored.strip();
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1);
        }
        if (!value.startsWith("@ByteArray(") || !value.endsWith(")")) {
            return false;
        }
        String[] parts = value.substring("@ByteArray(".length(), value.length() - 1).split(":", -1);
        if (parts.length != 2) {
            return false;
        }
        try {
            Base64.Decoder b64 = Base64.getDecoder();
            return MessageDigest.isEqual(b64.decode(parts[1]), pbkdf2(password, b64.decode(parts[0])));
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
    }

    private static byte[] pbkdf2(String password, byte[] salt) {
        try {
            // PBEKeySpec takes chars; the JDK's PBKDF2 feeds them to HMAC as UTF-8, as qBittorrent does.
            PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, ITERATIONS, KEY_BITS);
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA512").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA512 is part of every JDK", e);
        }
    }
}
