package dev.berth.plan;

import java.util.Locale;

/**
 * Homepage reads a widget's API key from the file named by a {@code HOMEPAGE_FILE_*} variable, and
 * services.yaml names that variable; both sides take its name from here.
 */
public final class HomepageKeys {
    private HomepageKeys() {
    }

    /** {@code HOMEPAGE_FILE_SONARR_KEY} for the service {@code sonarr}. */
    public static String variable(String service) {
        return "HOMEPAGE_FILE_" + service.toUpperCase(Locale.ROOT).replace('-', '_') + "_KEY";
    }
}
