package dev.berth.engine.wire;

/**
 * One connection Berth set up and then proved with the app's own test: "Sonarr → qBittorrent",
 * "Prowlarr → Radarr", "qBittorrent sign-in". A row of the Links table at the end of
 * {@code berth deploy}, in {@code berth status} and on the Done page.
 *
 * @param from   the app that holds the setting, by display name ("Sonarr"); for a sign-in, the app signed in to
 * @param to     the app it reaches ("qBittorrent"), or {@code "sign-in"}
 * @param status whether the app's own test passed
 * @param detail empty when {@link Status#OK}; else what the app said, in its own words, and what to do.
 *               Never a password, key or token.
 */
public record Link(String from, String to, Status status, String detail) {
    public enum Status {
        /** Set up, and the app's own test passed. */
        OK,
        /** Not set up, or its test failed: the detail says why; {@code berth wire} tries again. */
        NEEDS_ATTENTION,
        /** Left as the person set it by hand: Berth neither changed nor tested it. */
        LEFT_ALONE
    }

    public Link {
        detail = detail == null ? "" : detail;
    }

    /** "Sonarr → qBittorrent", as the table shows it. */
    public String label() {
        return to.equals("sign-in") ? from + " sign-in" : from + " → " + to;
    }
}
