package dev.berth.wizardsteps.access;

import dev.berth.answers.AutheliaUser;
import dev.berth.answers.Problem;
import dev.berth.wizardsteps.core.FieldMessages;
import dev.berth.wizardsteps.core.Touches;
import java.util.List;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** One person who may sign in through Authelia, as typed in a row of the Access page, with each field's message. */
public final class UserRow {
    /** The fields, as named in the answers. */
    public static final List<String> FIELDS = List.of("username", "displayName", "email", "password");

    private final StringProperty username = new SimpleStringProperty(this, "username", "");
    private final StringProperty displayName = new SimpleStringProperty(this, "displayName", "");
    private final StringProperty email = new SimpleStringProperty(this, "email", "");
    private final StringProperty password = new SimpleStringProperty(this, "password", "");
    private final BooleanProperty admin = new SimpleBooleanProperty(this, "admin");
    private final FieldMessages messages = new FieldMessages("user", FIELDS.toArray(String[]::new));
    private final Touches touches = new Touches();

    UserRow(AutheliaUser user, Runnable edited) {
        if (user != null) {
            username.set(blank(user.username()));
            displayName.set(blank(user.displayName()));
            email.set(blank(user.email()));
            password.set(blank(user.password()));
            admin.set(user.admin());
            touches.addAll();
        }
        for (Observable field : List.of(username, displayName, email, password, admin)) {
            field.addListener(o -> edited.run());
        }
    }

    public StringProperty usernameProperty() {
        return username;
    }

    public StringProperty displayNameProperty() {
        return displayName;
    }

    public StringProperty emailProperty() {
        return email;
    }

    /** Optional: Berth makes one when empty. Kept in the secrets folder, never in berth.yaml. */
    public StringProperty passwordProperty() {
        return password;
    }

    /** Member of the admins group. */
    public BooleanProperty adminProperty() {
        return admin;
    }

    public ReadOnlyStringProperty messageProperty(String field) {
        return messages.messageProperty(field);
    }

    AutheliaUser build() {
        return new AutheliaUser(stripped(username), stripped(displayName), stripped(email), admin.get(),
                password.get().isEmpty() ? null : password.get()); // a password is taken as typed
    }

    /**
     * Shows this row's problems.
     *
     * @param problems with paths under {@code user}, e.g. {@code user.email}
     * @return whether there are none
     */
    boolean show(List<Problem> problems) {
        boolean clean = messages.show(problems);
        touchFilled();
        touches.applyTo(messages);
        return clean;
    }

    /** The fields still empty that need a value, for "Still needed". */
    List<String> unmarked(List<Problem> problems) {
        return messages.unmarked(problems);
    }

    private void touchFilled() {
        if (!username.get().isBlank()) {
            touches.add("username");
        }
        if (!displayName.get().isBlank()) {
            touches.add("displayName");
        }
        if (!email.get().isBlank()) {
            touches.add("email");
        }
        if (!password.get().isEmpty()) {
            touches.add("password");
        }
    }

    private static String stripped(StringProperty p) {
        return p.get().isBlank() ? null : p.get().strip();
    }

    private static String blank(String s) {
        return s == null ? "" : s;
    }
}
