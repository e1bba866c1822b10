package dev.berth.engine.npm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The proxy-host store of the NPM double, written after NPM 2.15.1's backend/internal/proxy-host.js
 * and internal/host.js, including their quirks: domain names are sorted; a name another host
 * has is "already in use"; with {@code certificate_id: "new"} the host is stored first and the
 * certificate asked for afterwards (a failure leaves the host, without certificate); HTTPS forcing
 * and HTTP/2 are switched off whenever there is no certificate at that moment (so a host created
 * with "new" ends up with ssl_forced false); nginx's result lands in meta after the answer.
 */
final class FakeNpmHosts {
    /** What NPM answers with, as its error handler would. */
    static class Failure extends RuntimeException {
        final int status;

        Failure(int status, String message) {
            super(message);
            this.status = status;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Map<Integer, ObjectNode> rows = new TreeMap<>();
    private final Map<Integer, ObjectNode> certificates = new TreeMap<>();
    private ObjectNode owner;
    private int nextId = 1;
    private int nextCertificateId = 1;
    private boolean certificatesFail;

    FakeNpmHosts() {
        owner("admin@example.com");
    }

    /** The admin user, shown as every host's owner. */
    void owner(String adminEmail) {
        owner = JSON.createObjectNode().put("id", 1).put("created_on", now()).put("modified_on", now()).put("is_disabled", false)
                .put("email", adminEmail).put("name", "Administrator").put("nickname", "Admin").put("avatar", "");
        owner.putArray("roles").add("admin");
    }

    void certificatesFail(boolean fail) {
        certificatesFail = fail;
    }

    /** GET /api/nginx/proxy-hosts: ordered by the domain names' JSON text, as NPM's SQL does. */
    ArrayNode all() {
        ArrayNode list = JSON.createArrayNode();
        rows.values().stream().sorted(Comparator.comparing(r -> r.get("domain_names").toString())).forEach(r -> list.add(r.deepCopy()));
        return list;
    }

    ObjectNode create(ObjectNode payload) {
        ObjectNode data = payload.deepCopy();
        boolean newCertificate = "new".equals(data.path("certificate_id").asText(null));
        if (newCertificate) {
            data.remove("certificate_id");
        }
        data.get("domain_names").forEach(n -> checkFree(n.asText(), 0));
        ObjectNode row = defaults();
        row.setAll(data);
        row.put("id", nextId++);
        cleanSslHsts(row);
        sortNames(row);
        rows.put(row.get("id").asInt(), row);
        if (newCertificate) {
            int certificate = certificate(row.get("domain_names")); // a failure here leaves the row, as NPM does
            ObjectNode patch = JSON.createObjectNode().put("certificate_id", certificate);
            row.setAll(patch);
            cleanSslHsts(row);
        }
        ObjectNode answer = expanded(row);
        configured(row);
        return answer; // NPM answers with the row fetched before nginx's result went into meta
    }

    ObjectNode update(int id, ObjectNode payload) {
        ObjectNode data = payload.deepCopy();
        boolean newCertificate = "new".equals(data.path("certificate_id").asText(null));
        if (newCertificate) {
            data.remove("certificate_id");
        }
        if (data.has("domain_names")) {
            data.get("domain_names").forEach(n -> checkFree(n.asText(), id));
        }
        ObjectNode row = get(id);
        if (newCertificate) {
            data.put("certificate_id", certificate(data.has("domain_names") ? data.get("domain_names") : row.get("domain_names")));
        }
        row.setAll(data);
        cleanSslHsts(row);
        sortNames(row);
        row.put("modified_on", now());
        if (row.get("enabled").asBoolean()) {
            configured(row);
        }
        return expanded(row);
    }

    void delete(int id) {
        get(id);
        rows.remove(id);
    }

    private ObjectNode get(int id) {
        ObjectNode row = rows.get(id);
        if (row == null) {
            throw new Failure(404, "Not Found - " + id);
        }
        return row;
    }

    private void checkFree(String name, int ignoreId) {
        for (ObjectNode r : rows.values()) {
            for (JsonNode existing : r.get("domain_names")) {
                if (existing.asText().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT)) && r.get("id").asInt() != ignoreId) {
                    throw new Failure(400, name + " is already in use");
                }
            }
        }
    }

    /** Let's Encrypt through certbot; its failure is a CommandError, which NPM hides as a 500 "Internal Error". */
    private int certificate(JsonNode domainNames) {
        if (certificatesFail) {
            throw new Failure(500, "Internal Error");
        }
        List<String> names = new ArrayList<>();
        domainNames.forEach(n -> names.add(n.asText()));
        names.sort(null);
        int id = nextCertificateId++;
        ObjectNode c = JSON.createObjectNode().put("id", id).put("created_on", now()).put("modified_on", now())
                .put("owner_user_id", 1).put("provider", "letsencrypt").put("nice_name", String.join(", ", names));
        ArrayNode list = c.putArray("domain_names");
        names.forEach(list::add);
        c.put("expires_on", Instant.now().plus(90, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString());
        c.putObject("meta");
        certificates.put(id, c);
        return id;
    }

    /** internalHost.cleanSslHstsData. */
    private static void cleanSslHsts(ObjectNode row) {
        if (row.path("certificate_id").asInt(0) == 0) {
            row.put("ssl_forced", false).put("http2_support", false);
        }
        if (!row.path("ssl_forced").asBoolean()) {
            row.put("hsts_enabled", false);
        }
        if (!row.path("hsts_enabled").asBoolean()) {
            row.put("hsts_subdomains", false);
        }
    }

    /** internalNginx.configure: the config tested fine, and meta says so. */
    private static void configured(ObjectNode row) {
        ObjectNode meta = row.get("meta").deepCopy();
        meta.put("nginx_online", true).putNull("nginx_err");
        row.set("meta", meta);
    }

    private ObjectNode expanded(ObjectNode row) {
        ObjectNode out = row.deepCopy();
        out.set("owner", owner.deepCopy());
        ObjectNode certificate = certificates.get(row.get("certificate_id").asInt());
        out.set("certificate", certificate == null ? JsonNodeFactory.instance.nullNode() : certificate.deepCopy());
        out.putNull("access_list");
        return out;
    }

    private static void sortNames(ObjectNode row) {
        List<String> names = new ArrayList<>();
        row.get("domain_names").forEach(n -> names.add(n.asText()));
        names.sort(null);
        ArrayNode sorted = row.putArray("domain_names");
        names.forEach(sorted::add);
    }

    /** The table's column defaults (migrations), and "" for advanced_config as create() sets it. */
    private static ObjectNode defaults() {
        ObjectNode row = JSON.createObjectNode().put("created_on", now()).put("modified_on", now()).put("owner_user_id", 1)
                .put("access_list_id", 0).put("certificate_id", 0).put("ssl_forced", false).put("caching_enabled", false)
                .put("block_exploits", false).put("advanced_config", "").put("allow_websocket_upgrade", false)
                .put("http2_support", false).put("forward_scheme", "http").put("enabled", true).put("hsts_enabled", false)
                .put("hsts_subdomains", false).put("trust_forwarded_proto", false);
        row.putObject("meta");
        row.putArray("locations");
        return row;
    }

    private static String now() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS).toString().replace("Z", ".000Z");
    }
}
