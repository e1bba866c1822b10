package dev.berth.engine.wire;

import java.util.List;

/**
 * The wiring of one app (or one download client's sign-in check), as it goes: started, then done
 * with its links. For the CLI's lines and the Deploy page's rows; holds no secret.
 *
 * @param app   the app's display name ("Sonarr")
 * @param done  false when it starts, true with its links
 * @param links empty until done
 */
public record WiringProgress(String app, boolean done, List<Link> links) {
    public WiringProgress {
        links = List.copyOf(links);
    }

    public static WiringProgress started(String app) {
        return new WiringProgress(app, false, List.of());
    }

    public static WiringProgress done(String app, List<Link> links) {
        return new WiringProgress(app, true, links);
    }
}
