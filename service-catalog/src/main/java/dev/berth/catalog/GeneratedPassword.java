package dev.berth.catalog;

/**
 * A password Berth generates for the service (24 letters and digits) and keeps across runs, given
 * to the app as a file so it never appears in compose.yaml, or written into the app's own settings
 * file (a download client's {@code settingsFiles}).
 *
 * @param secret       the secret's name under {@code secrets/} (e.g. {@code transmission_password})
 * @param fileVariable the environment variable that gives the app the password from its file under
 *                     {@code /run/secrets/} (LinuxServer images: {@code FILE__PASS}; Grafana:
 *                     {@code GF_SECURITY_ADMIN_PASSWORD__FILE}); null when the app takes it only from
 *                     its settings file (qBittorrent reads no password variable)
 */
public record GeneratedPassword(String secret, String fileVariable) {
}
