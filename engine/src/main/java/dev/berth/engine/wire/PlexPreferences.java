package dev.berth.engine.wire;

import dev.berth.engine.target.RemoteFiles;
import dev.berth.engine.target.TargetException;
import dev.berth.plan.PlannedService;
import java.io.IOException;
import java.util.Optional;
import org.w3c.dom.Element;

/**
 * Plex's own settings file on the target, {@code Preferences.xml} in its config folder. Plex's
 * local API wants a token, and the only one Berth can know is the one Plex keeps there as
 * {@code PlexOnlineToken} once it is linked to a Plex account (claimed); the file itself appears
 * on Plex's first start.
 */
final class PlexPreferences {
    /** Where Plex keeps the file inside its config folder (the image's PLEX_MEDIA_SERVER_APPLICATION_SUPPORT_DIR). */
    static final String IN_CONFIG = "/Library/Application Support/Plex Media Server/Preferences.xml";

    /** What the file says about the link to a Plex account. */
    sealed interface State {
    }

    /** No file yet: Plex has not started once with this config folder. */
    record Missing(String path) implements State {
    }

    /** Plex started but is linked to no account: no token. */
    record Unclaimed(String path) implements State {
    }

    /** Linked: the token its local API accepts. Never logged or shown. */
    record Claimed(String token) implements State {
        @Override
        public String toString() {
            return "Claimed[token hidden]";
        }
    }

    private PlexPreferences() {
    }

    /** The file's place on the target: the host folder mounted as the app's {@code /config}. */
    static Optional<String> path(PlannedService plex) {
        return plex.hostFolder("/config").map(folder -> folder.replaceAll("/+$", "") + IN_CONFIG);
    }

    static State read(RemoteFiles files, String path) throws TargetException, IOException {
        if (files.stat(path).isEmpty()) {
            return new Missing(path);
        }
        Element root = PlexXml.parse(files.read(path)).getDocumentElement();
        String token = root.getAttribute("PlexOnlineToken");
        return token.isBlank() ? new Unclaimed(path) : new Claimed(token);
    }
}
