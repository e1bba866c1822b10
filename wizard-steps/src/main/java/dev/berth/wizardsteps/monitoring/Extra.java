package dev.berth.wizardsteps.monitoring;

import dev.berth.answers.MonitoringAnswers;
import dev.berth.answers.MonitoringAnswers.Watchtower;

/** One thing the Monitoring page can switch on, as the answers name it, with what the page says about it. */
public enum Extra {
    PROMETHEUS("prometheus", "_Prometheus and Grafana", "Graphs of the server's CPU, memory, disk and network, of each "
            + "container, and of your *arr apps' queues, with 30 days of history."),
    TAUTULLI("tautulli", "_Tautulli", "Plex statistics: who watched what and when, and how it streamed."),
    UPTIME_KUMA("uptimeKuma", "_Uptime Kuma", "Checks each app's page every minute and tells you (e-mail, Telegram, "
            + "and more) when one goes down."),
    HOMEPAGE("homepage", "_Homepage", "A start page with a link to each of your apps and their state at a glance.");

    private final String field;
    private final String title;
    private final String description;

    Extra(String field, String title, String description) {
        this.field = field;
        this.title = title;
        this.description = description;
    }

    /** Its name in the answers, e.g. {@code uptimeKuma}. */
    public String field() {
        return field;
    }

    /** With {@code _} before the mnemonic letter. */
    public String title() {
        return title;
    }

    public String description() {
        return description;
    }

    /** Answers with only this switched on: what it adds to the stack. */
    MonitoringAnswers alone() {
        return new MonitoringAnswers(this == PROMETHEUS, this == TAUTULLI, this == UPTIME_KUMA, this == HOMEPAGE, Watchtower.OFF);
    }

    boolean in(MonitoringAnswers m) {
        return switch (this) {
            case PROMETHEUS -> m.prometheus();
            case TAUTULLI -> m.tautulli();
            case UPTIME_KUMA -> m.uptimeKuma();
            case HOMEPAGE -> m.homepage();
        };
    }
}
