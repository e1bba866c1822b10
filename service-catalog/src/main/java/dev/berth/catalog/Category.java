package dev.berth.catalog;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Where a service shows up on the Apps screen, and how the planner treats it. */
public enum Category {
    MEDIA_SERVER("media-server", "Media servers"),
    ARR("arr", "Library managers (*arr)"),
    INDEXER("indexer", "Indexers"),
    DOWNLOAD_CLIENT("download-client", "Download clients"),
    REQUESTS("requests", "Requests"),
    EXTRAS("extras", "Extras"),
    ACCESS("access", "Access and security"),
    VPN("vpn", "VPN"),
    MONITORING("monitoring", "Monitoring"),
    MAINTENANCE("maintenance", "Maintenance");

    private final String key;
    private final String title;

    Category(String key, String title) {
        this.key = key;
        this.title = title;
    }

    @JsonValue
    public String key() {
        return key;
    }

    public String title() {
        return title;
    }

    @JsonCreator
    public static Category fromKey(String key) {
        for (Category c : values()) {
            if (c.key.equals(key)) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown category '" + key + "'; use one of "
                + java.util.Arrays.stream(values()).map(Category::key).toList());
    }
}
