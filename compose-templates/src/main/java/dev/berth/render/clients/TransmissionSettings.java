package dev.berth.render.clients;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Transmission's {@code settings.json}: the folders under {@code /data/torrents}, the RPC sign-in
 * with the password in Transmission's salted form, the RPC port, the host names it answers to,
 * and port forwarding off (as for qBittorrent); for the client Gluetun gives the VPN's forwarded port,
 * no random peer port at start. Berth adds its names to {@code rpc-host-whitelist}
 * and keeps the person's; it leaves {@code rpc-host-whitelist-enabled} alone, because the
 * LinuxServer image sets it at every start, and with sign-in required Transmission accepts any
 * host name anyway (libtransmission rpc-server).
 */
final class TransmissionSettings implements SettingsFormat {
    /** libtransmission's salt characters and length (crypto-utils: tr_ssha1). */
    private static final String SALTER = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ./";
    private static final int SALT_LENGTH = 8;
    private static final int DIGEST_HEX = 40;
    private static final SecureRandom RANDOM = new SecureRandom();

    @Override
    public SettingsMerge merge(Optional<String> existing, String startFrom, ClientFacts facts) {
        ObjectNode root = JsonSettings.read(existing.orElse(startFrom == null ? "" : startFrom), "Transmission's settings.json");
        List<String> set = new ArrayList<>();
        text(root, set, "download-dir", facts.downloadFolder());
        text(root, set, "incomplete-dir", facts.downloadFolder() + "/incomplete");
        flag(root, set, "incomplete-dir-enabled", true);
        flag(root, set, "rpc-authentication-required", true);
        text(root, set, "rpc-username", facts.username());
        // The image writes the password in plain text at each start and Transmission salts it when it saves: both verify.
        String stored = root.path("rpc-password").asText("");
        if (!stored.equals(facts.password()) && !verifies(stored, facts.password())) {
            root.put("rpc-password", hash(facts.password()));
            set.add("rpc-password");
        }
        if (root.path("rpc-port").asInt(-1) != facts.webPort() || !root.path("rpc-port").isInt()) {
            root.set("rpc-port", IntNode.valueOf(facts.webPort()));
            set.add("rpc-port");
        }
        Set<String> hosts = new LinkedHashSet<>();
        for (String name : root.path("rpc-host-whitelist").asText("").split(",")) {
            if (!name.isBlank()) {
                hosts.add(name.strip());
            }
        }
        if (hosts.addAll(facts.hostNames())) {
            root.put("rpc-host-whitelist", String.join(",", hosts));
            set.add("rpc-host-whitelist");
        }
        flag(root, set, "port-forwarding-enabled", false);
        if (facts.forwardedPort()) {
            // Gluetun's hook sets the peer port; a random one at start would lose it until the next hook.
            flag(root, set, "peer-port-random-on-start", false);
        }
        return new SettingsMerge(set.isEmpty() && existing.isPresent() ? existing.get() : JsonSettings.write(root), set);
    }

    private static void text(ObjectNode root, List<String> set, String key, String value) {
        JsonNode now = root.get(key);
        if (now == null || !now.isTextual() || !now.asText().equals(value)) {
            root.put(key, value);
            set.add(key);
        }
    }

    private static void flag(ObjectNode root, List<String> set, String key, boolean value) {
        JsonNode now = root.get(key);
        if (now == null || !now.isBoolean() || now.asBoolean() != value) {
            root.put(key, value);
            set.add(key);
        }
    }

    /** {@code {} + sha1(password + salt) in hex + salt}, as tr_ssha1 makes it. */
    static String hash(String password) {
        StringBuilder salt = new StringBuilder();
        for (int i = 0; i < SALT_LENGTH; i++) {
            salt.append(SALTER.charAt(RANDOM.nextInt(SALTER.length())));
        }
        return salted(password, salt.toString());
    }

    /** Whether a stored {@code {…}} value is this password salted (tr_ssha1_matches). */
    static boolean verifies(String stored, String password) {
        if (!stored.startsWith("{") || stored.length() < 1 + DIGEST_HEX) {
            return false;
        }
        String salt = stored.substring(1 + DIGEST_HEX);
        return MessageDigest.isEqual(salted(password, salt).getBytes(StandardCharsets.UTF_8),
                stored.getBytes(StandardCharsets.UTF_8));
    }

    private static String salted(String password, String salt) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            sha1.update(password.getBytes(StandardCharsets.UTF_8));
            sha1.update(salt.getBytes(StandardCharsets.UTF_8));
            return "{" + HexFormat.of().formatHex(sha1.digest()) + salt;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is part of every JDK", e);
        }
    }
}
