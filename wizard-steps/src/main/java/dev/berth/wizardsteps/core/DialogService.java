package dev.berth.wizardsteps.core;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Every question the wizard puts to the person in a window of its own, behind one interface so
 * ViewModels never open a window themselves and tests can answer for the person. Each method may
 * be called from any thread and blocks until answered (the SSH login asks about host keys from
 * its own thread).
 */
public interface DialogService {
    /** A yes/no question; true for {@code confirm}. */
    boolean confirm(String title, String message, String confirm, String cancel);

    /**
     * An unknown server key, shown with its fingerprint as OpenSSH prints it, so the person can
     * compare it with the one the server shows ({@code ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub}).
     */
    boolean trustHostKey(String host, int port, String keyType, String fingerprint);

    /** A password or passphrase; empty when the person cancels. */
    Optional<String> askSecret(String title, String question);

    /**
     * A line of text the person types in plain sight, such as a name typed back to confirm a
     * deletion; empty when they cancel. Dialog services without a text field of their own ask
     * through {@link #askSecret}.
     */
    default Optional<String> askText(String title, String question) {
        return askSecret(title, question);
    }

    /** A folder on this computer; empty when the person cancels. */
    Optional<Path> chooseFolder(String title, Path start);

    /**
     * A file to open on this computer; empty when the person cancels.
     *
     * @param patterns e.g. {@code *.yaml}
     */
    Optional<Path> chooseFile(String title, Path start, String kind, List<String> patterns);

    /**
     * A file to write on this computer (Save answers); empty when the person cancels. The dialog
     * itself asks before replacing a file. Services that have no save dialog offer their open one.
     *
     * @param suggestedName the name filled in, e.g. {@code berth.yaml}
     */
    default Optional<Path> chooseSaveFile(String title, Path start, String suggestedName, String kind, List<String> patterns) {
        return chooseFile(title, start, kind, patterns);
    }

    /** Opens a web address in the person's browser (a service on the Done page). */
    default void openInBrowser(String url) {
        throw new UnsupportedOperationException("this dialog service cannot open " + url + " in a browser");
    }

    /** Something went wrong that the person should know about, with details they can copy. */
    void showError(String title, String message, Throwable details);

    /** Puts text on the clipboard (a fix command, a fingerprint). */
    void copyToClipboard(String text);
}
