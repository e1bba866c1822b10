package dev.berth.wizardsteps.access;

import dev.berth.answers.AccessAnswers;
import java.util.List;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The mail server fields under the sign-in page ("Send sign-in e-mails"), as typed (the port as
 * text), and the {@link AccessAnswers.Smtp} they make. Switched off, Authelia writes its one-time
 * codes to a file on the server instead; the fields keep what was typed.
 */
final class SmtpForm {
    /** The port most mail providers give for sending with STARTTLS. */
    static final String USUAL_PORT = "587";

    final BooleanProperty enabled = new SimpleBooleanProperty(this, "smtp");
    final StringProperty host = new SimpleStringProperty(this, "smtpHost", "");
    final StringProperty port = new SimpleStringProperty(this, "smtpPort", USUAL_PORT);
    final StringProperty username = new SimpleStringProperty(this, "smtpUsername", "");
    final StringProperty password = new SimpleStringProperty(this, "smtpPassword", "");
    final StringProperty sender = new SimpleStringProperty(this, "smtpSender", "");

    List<Observable> all() {
        return List.of(enabled, host, port, username, password, sender);
    }

    /** The answers' mail server, or null when switched off (a port that is not a number counts as none; its own message says so). */
    AccessAnswers.Smtp build() {
        if (!enabled.get()) {
            return null;
        }
        return new AccessAnswers.Smtp(stripped(host), parsePort(), stripped(username),
                password.get().isEmpty() ? null : password.get(), stripped(sender));
    }

    void fill(AccessAnswers.Smtp smtp) {
        enabled.set(smtp != null);
        if (smtp != null) {
            host.set(smtp.host() == null ? "" : smtp.host());
            port.set(smtp.port() == null ? "" : smtp.port().toString());
            username.set(smtp.username() == null ? "" : smtp.username());
            password.set(smtp.password() == null ? "" : smtp.password());
            sender.set(smtp.sender() == null ? "" : smtp.sender());
        }
    }

    /** A port is typed that is not a number. */
    boolean badPort() {
        return enabled.get() && !port.get().isBlank() && parsePort() == null;
    }

    /** The text of a field, by its name on the page ({@code smtpHost}, …); empty for others. */
    String text(String field) {
        return switch (field) {
            case "smtpHost" -> host.get();
            case "smtpPort" -> port.get();
            case "smtpUsername" -> username.get();
            case "smtpPassword" -> password.get();
            case "smtpSender" -> sender.get();
            default -> "";
        };
    }

    private Integer parsePort() {
        String p = port.get().strip();
        return p.matches("\\d{1,9}") ? Integer.valueOf(p) : null;
    }

    private static String stripped(StringProperty p) {
        return p.get().isBlank() ? null : p.get().strip();
    }
}
