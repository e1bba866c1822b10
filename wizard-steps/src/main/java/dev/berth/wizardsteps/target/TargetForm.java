package dev.berth.wizardsteps.target;

import dev.berth.answers.TargetAnswers;
import dev.berth.answers.TargetAnswers.Kind;
import java.util.List;
import java.util.stream.IntStream;
import javafx.beans.Observable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** The Target page's fields as typed (the port as text), and the {@link TargetAnswers} they make. */
final class TargetForm {
    /** The fields the answers hold, as their messages name them. */
    static final List<String> FIELDS = List.of("host", "port", "user", "keyFile");

    final ObjectProperty<Kind> kind = new SimpleObjectProperty<>(this, "kind", Kind.LOCAL);
    final StringProperty host = new SimpleStringProperty(this, "host", "");
    final StringProperty port = new SimpleStringProperty(this, "port", "");
    final StringProperty user = new SimpleStringProperty(this, "user", "");
    final StringProperty keyFile = new SimpleStringProperty(this, "keyFile", "");

    /** Every field, for listening to edits. */
    List<Observable> all() {
        return List.of(kind, host, port, user, keyFile);
    }

    /** The answers the fields describe (a port that is not a number counts as none; its own message says so). */
    TargetAnswers build() {
        if (kind.get() == Kind.LOCAL) {
            return TargetAnswers.LOCAL;
        }
        return new TargetAnswers(Kind.SSH, blankToNull(host.get()), parsePort(), blankToNull(user.get()), blankToNull(keyFile.get()));
    }

    void fill(TargetAnswers t) {
        kind.set(t.kind());
        host.set(t.host() == null ? "" : t.host());
        port.set(t.port() == null ? "" : t.port().toString());
        user.set(t.user() == null ? "" : t.user());
        keyFile.set(t.keyFile() == null ? "" : t.keyFile());
    }

    /** The server's fields that hold something (none for this computer). */
    List<String> filled() {
        List<StringProperty> typed = List.of(host, port, user, keyFile); // in the order of FIELDS
        return kind.get() != Kind.SSH ? List.of()
                : IntStream.range(0, FIELDS.size()).filter(i -> !typed.get(i).get().isBlank()).mapToObj(FIELDS::get).toList();
    }

    /** A port is typed that is not one. */
    boolean badPort() {
        return kind.get() == Kind.SSH && !port.get().isBlank() && parsePort() == null;
    }

    /** "media@nas.local", for the summary. */
    String describeSsh() {
        String h = host.get().isBlank() ? "a server over SSH" : host.get().strip();
        return (user.get().isBlank() ? "" : user.get().strip() + "@") + h;
    }

    private Integer parsePort() {
        String p = port.get().strip();
        if (p.isEmpty()) {
            return null;
        }
        try {
            int n = Integer.parseInt(p);
            return n >= 1 && n <= 65535 ? n : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
