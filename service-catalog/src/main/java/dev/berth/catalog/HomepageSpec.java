package dev.berth.catalog;

/**
 * The service's tile on the Homepage start page.
 *
 * @param widget the Homepage widget type that shows the app's live figures (e.g. {@code sonarr});
 *               it is given the app's internal URL and, when the app has one, its API key
 */
public record HomepageSpec(String widget) {
}
