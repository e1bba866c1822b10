package dev.berth.catalog;

/**
 * An API key Berth generates (32 hex digits, the form the *arr apps make themselves) and presets,
 * so other services can be given the same key before the app has ever started.
 *
 * @param secret       the secret's name under {@code secrets/} (e.g. {@code sonarr_api_key})
 * @param fileVariable the environment variable that gives the app the key from its file under
 *                     {@code /run/secrets/} (LinuxServer images: {@code FILE__} before the app's
 *                     own variable, e.g. {@code FILE__SONARR__AUTH__APIKEY}); null when the app takes it
 *                     only from its settings file (SABnzbd reads no key variable)
 */
public record ApiKey(String secret, String fileVariable) {
}
