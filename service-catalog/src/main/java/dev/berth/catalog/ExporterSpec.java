package dev.berth.catalog;

/**
 * Marks a service as an exporter: it is never planned on its own, but once for each app whose
 * {@code metrics.exporter} names it, pointed at that app's API.
 *
 * @param urlVariable        the environment variable that takes the app's internal URL
 * @param apiKeyFileVariable the environment variable that takes the file holding the app's API key
 * @param reads              what it lets Prometheus read, for the reason shown to the person
 *                           ("queue and library figures")
 */
public record ExporterSpec(String urlVariable, String apiKeyFileVariable, String reads) {
}
