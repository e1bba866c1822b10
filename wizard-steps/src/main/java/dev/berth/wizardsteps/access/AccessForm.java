package dev.berth.wizardsteps.access;

import dev.berth.answers.AccessAnswers;
import dev.berth.answers.AccessAnswers.Mode;
import dev.berth.answers.AccessAnswers.Policy;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Access page's fields as typed, and the {@link AccessAnswers} they make. On the home network
 * only the answers are {@link AccessAnswers#LAN_ONLY}: the proxy, sign-in page and Fail2Ban all
 * need a domain. The fields keep what was typed, so choosing the domain again brings it back.
 */
final class AccessForm {
    final ObjectProperty<Mode> mode = new SimpleObjectProperty<>(this, "mode", Mode.LAN);
    final StringProperty domain = new SimpleStringProperty(this, "domain", "");
    final BooleanProperty letsEncrypt = new SimpleBooleanProperty(this, "letsEncrypt", true);
    final StringProperty adminEmail = new SimpleStringProperty(this, "adminEmail", "");
    final StringProperty adminPassword = new SimpleStringProperty(this, "adminPassword", "");
    final BooleanProperty authelia = new SimpleBooleanProperty(this, "authelia");
    final ObjectProperty<Policy> policy = new SimpleObjectProperty<>(this, "policy", Policy.TWO_FACTOR);
    final ObservableList<UserRow> users = FXCollections.observableArrayList();
    final BooleanProperty fail2ban = new SimpleBooleanProperty(this, "fail2ban");
    final SmtpForm smtp = new SmtpForm();

    /** The fields to listen to for edits (each user row reports its own). */
    List<Observable> all() {
        List<Observable> all = new ArrayList<>(List.of(mode, domain, letsEncrypt, adminEmail, adminPassword, authelia,
                policy, users, fail2ban));
        all.addAll(smtp.all());
        return all;
    }

    /** @param guarded the apps ticked for the sign-in page */
    AccessAnswers build(List<String> guarded) {
        if (mode.get() != Mode.DOMAIN) {
            return AccessAnswers.LAN_ONLY;
        }
        AccessAnswers.Npm npm = new AccessAnswers.Npm(stripped(adminEmail), adminPassword.get().isEmpty() ? null : adminPassword.get());
        AccessAnswers.Authelia signIn = authelia.get()
                ? new AccessAnswers.Authelia(true, policy.get(), users.stream().map(UserRow::build).toList(), guarded, smtp.build())
                : AccessAnswers.Authelia.OFF;
        return new AccessAnswers(Mode.DOMAIN, stripped(domain), letsEncrypt.get(), npm, signIn, fail2ban.get());
    }

    /** Fills the fields from answers; the ViewModel ticks the protected apps and makes the user rows. */
    void fill(AccessAnswers a) {
        mode.set(a.mode() == null ? Mode.LAN : a.mode());
        boolean domainMode = a.mode() == Mode.DOMAIN;
        domain.set(a.domain() == null ? "" : a.domain());
        letsEncrypt.set(!domainMode || a.letsEncrypt());
        adminEmail.set(a.npm() == null || a.npm().adminEmail() == null ? "" : a.npm().adminEmail());
        adminPassword.set(a.npm() == null || a.npm().adminPassword() == null ? "" : a.npm().adminPassword());
        authelia.set(a.authelia().enabled());
        policy.set(a.authelia().policy());
        smtp.fill(a.authelia().smtp());
        fail2ban.set(a.fail2ban());
    }

    /** The text of a field, by its name in {@link AccessViewModel#FIELDS}; empty for choices. */
    String text(String field) {
        return switch (field) {
            case "domain" -> domain.get();
            case "adminEmail" -> adminEmail.get();
            case "adminPassword" -> adminPassword.get();
            default -> smtp.text(field);
        };
    }

    private static String stripped(StringProperty p) {
        return p.get().isBlank() ? null : p.get().strip();
    }
}
