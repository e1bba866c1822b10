package dev.berth.plan;

import java.util.Locale;

/**
 * Homepage reads a widget's API key or password from the file named by a {@code HOMEPAGE_FILE_*}
 * variable, and services.yaml names that variable; both sides take its name from here.
 */
public final class HomepageKeys {
    private HomepageKeys() {
    }

    /** {@code HOMEPAGE_FILE_SONARR_KEY} for the service {@code sonarr}: its API key. */
    public static String variable(String service) {
        return variable(service, "key");
    }

    /** {@code HOMEPAGE_FILE_QBITTORRENT_PASSWORD} for the widget field {@code password} of {@code qbittorrent}. */
    public static String variable(String service, String field) {
        return "HOMEPAGE_FILE_" + service.toUpperCase(Locale.ROOT).replace('-', '_') + "_" + field.toUpperCase(Locale.ROOT);
    }
}
