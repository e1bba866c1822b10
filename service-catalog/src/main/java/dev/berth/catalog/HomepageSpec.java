package dev.berth.catalog;

import java.util.List;
import java.util.Map;

/**
 * The service's tile on the Homepage start page.
 *
 * @param widget the Homepage widget type that shows the app's live figures (e.g. {@code sonarr});
 *               it is given the app's internal URL and, when the app has one, its API key as {@code key}
 * @param fields the widget's other settings by their name in Homepage's docs: a plain value (the
 *               user name), or {@code { secret: <name> }} for one of the app's own passwords, which
 *               Homepage reads from a file (qBittorrent's {@code password}); empty: none
 * @param blocks the widget's count blocks for each kind of media ({@code library.category} → the
 *               widget's field names: Jellyfin's {@code tv} → {@code [series, episodes]}); Berth
 *               writes the widget's {@code fields} with the blocks of the kinds the stack keeps, so
 *               a stack without Lidarr shows no songs. Empty: every block the widget has
 */
public record HomepageSpec(String widget, Map<String, WidgetField> fields, Map<String, List<String>> blocks) {
    public HomepageSpec {
        fields = fields == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fields));
        blocks = blocks == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(blocks));
    }
}
