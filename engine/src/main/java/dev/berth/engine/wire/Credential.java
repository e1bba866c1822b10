package dev.berth.engine.wire;

/**
 * A sign-in Berth made for the person (qBittorrent's web page, an *arr app's forms sign-in).
 * Holds the secret's name, never its value: the value is read from the plan's secrets when it is
 * shown, once, at the end of the deploy that made it, and stays in {@code secrets/<secret>}.
 *
 * @param service  the app, by display name
 * @param url      where the person opens it
 * @param username the user name
 * @param secret   the secret under {@code secrets/} holding the password
 * @param isNew    made by this deploy: shown with its password now; later only where it is kept
 */
public record Credential(String service, String url, String username, String secret, boolean isNew) {
}
