package dev.berth.catalog;

import java.util.List;

/**
 * How Prometheus reads a service's figures: through an exporter from the catalog, one instance per
 * app, named {@code <exporter>-<app>} (e.g. {@code exportarr-sonarr}), scraped as job {@code <app>}.
 *
 * @param exporter the id of the exporter service (one with an {@code exporter} section)
 * @param command  the exporter's command for this app (exportarr: the app's kind, {@code [sonarr]})
 */
public record MetricsSpec(String exporter, List<String> command) {
    public MetricsSpec {
        command = command == null ? List.of() : List.copyOf(command);
    }
}
