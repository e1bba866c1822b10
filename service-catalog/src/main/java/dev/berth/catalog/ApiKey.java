package dev.berth.catalog;

/**
 * The key other services call the app's API with. Usually Berth generates it (32 hex digits, the
 * form the *arr apps make themselves) and presets it, so other services can be given the same key
 * before the app has ever started. Some apps cannot be given a key (Jellyfin, Emby): they make it
 * themselves when asked through their API, and Berth keeps what they made.
 *
 * @param secret       the secret's name under {@code secrets/} (e.g. {@code sonarr_api_key})
 * @param fileVariable the environment variable that gives the app the key from its file under
 *                     {@code /run/secrets/} (LinuxServer images: {@code FILE__} before the app's
 *                     own variable, e.g. {@code FILE__SONARR__AUTH__APIKEY}); null when the app takes it
 *                     only from its settings file (SABnzbd reads no key variable), or makes it itself
 * @param madeBy       {@link #BERTH} (the default, also when left out) or {@link #APP}: the app makes
 *                     the key when Berth sets it up after the deploy; until then its file is empty
 */
public record ApiKey(String secret, String fileVariable, String madeBy) {
    /** Berth generates the key before the first start. */
    public static final String BERTH = "berth";
    /** The app makes the key (asked by Berth's setup of the app); Berth keeps it in secrets/. */
    public static final String APP = "app";

    public ApiKey {
        madeBy = madeBy == null ? BERTH : madeBy;
    }

    /** The app makes the key: nothing to generate; its file stays empty until Berth set the app up. */
    public boolean madeByApp() {
        return APP.equals(madeBy);
    }
}
