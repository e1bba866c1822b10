package dev.berth.wizardsteps.done;

import dev.berth.engine.wire.Link;

/**
 * One row of the Done page's Links table: "Sonarr → qBittorrent" with its mark and, when it needs
 * attention, the app's own words and what to do.
 *
 * @param label  "Sonarr → qBittorrent", "qBittorrent sign-in"
 * @param status whether the app's own test passed
 * @param detail what the person reads beside it: empty when it works; the app's words when it needs attention;
 *               "left as you set it" for an entry Berth left alone
 */
public record LinkRow(String label, Link.Status status, String detail) {
    static LinkRow of(Link link) {
        String detail = switch (link.status()) {
            case OK -> "";
            case NEEDS_ATTENTION -> link.detail();
            case LEFT_ALONE -> "left as you set it";
        };
        return new LinkRow(link.label(), link.status(), detail);
    }
}
