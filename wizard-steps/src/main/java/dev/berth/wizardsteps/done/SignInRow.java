package dev.berth.wizardsteps.done;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

/**
 * A sign-in Berth set up in an app (qBittorrent's web page, an *arr app's forms sign-in), on the
 * Done page. Its password is there only on the visit that hands it over, and hidden until the
 * person asks to see it; after that only where it is kept.
 */
public final class SignInRow {
    private final String service;
    private final String username;
    private final String password;
    private final String storedAt;
    private final ReadOnlyBooleanWrapper revealed = new ReadOnlyBooleanWrapper(this, "revealed", false);

    /**
     * @param password the password to hand over now, or null when it was handed over before
     * @param storedAt where it is kept on the target, e.g. /opt/berth/secrets/qbittorrent_password
     */
    SignInRow(String service, String username, String password, String storedAt) {
        this.service = service;
        this.username = username;
        this.password = password;
        this.storedAt = storedAt;
    }

    /** The app, by the name a person knows ("qBittorrent"). */
    public String service() {
        return service;
    }

    public String username() {
        return username;
    }

    /** Whether this visit hands the password over (Show and Copy); otherwise only where it is kept. */
    public boolean handsOver() {
        return password != null;
    }

    /** The password while revealed; empty while hidden, and always for one handed over before. */
    public String shownPassword() {
        return revealed.get() && password != null ? password : "";
    }

    public String storedAt() {
        return storedAt;
    }

    /** True after Show, until Hide. */
    public ReadOnlyBooleanProperty revealedProperty() {
        return revealed.getReadOnlyProperty();
    }

    /** For Copy, which works while hidden too. */
    String password() {
        return password;
    }

    void reveal(boolean show) {
        revealed.set(show && password != null);
    }

    @Override
    public String toString() {
        // Never the password: this ends up in test messages and logs.
        return "SignInRow[" + service + ", " + username + ", " + storedAt + (handsOver() ? ", handed over now" : "") + "]";
    }
}
