package dev.berth.answers;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * Keeping an eye on the stack.
 *
 * @param prometheus Prometheus and Grafana with node-exporter, cAdvisor and an exportarr per *arr app
 * @param tautulli   Plex statistics (only with Plex)
 * @param uptimeKuma uptime checks with notifications
 * @param homepage   a start page linking every app
 * @param watchtower whether images are checked for updates, and what happens then
 */
@JsonPropertyOrder({"prometheus", "tautulli", "uptimeKuma", "homepage", "watchtower"})
public record MonitoringAnswers(boolean prometheus, boolean tautulli, boolean uptimeKuma, boolean homepage,
                                Watchtower watchtower) {
    public static final MonitoringAnswers NONE = new MonitoringAnswers(false, false, false, false, Watchtower.OFF);

    public MonitoringAnswers {
        watchtower = watchtower == null ? Watchtower.OFF : watchtower;
    }

    public enum Watchtower {
        /** No Watchtower. */
        OFF,
        /** Watchtower checks for new images and only reports them. */
        NOTIFY,
        /**
         * Chosen before Berth applied updates itself: now the same as {@link #NOTIFY} (Watchtower
         * only reports; {@code berth update} applies them, pinned and undoable). Kept so older
         * answers files still read.
         */
        UPDATE;

        @com.fasterxml.jackson.annotation.JsonValue
        public String key() {
            return Enums.key(this);
        }

        @com.fasterxml.jackson.annotation.JsonCreator
        public static Watchtower fromKey(String key) {
            return Enums.parse(Watchtower.class, key);
        }
    }
}
