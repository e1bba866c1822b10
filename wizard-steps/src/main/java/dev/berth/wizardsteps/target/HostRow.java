package dev.berth.wizardsteps.target;

import dev.berth.answers.HostAnswers;
import dev.berth.answers.TargetAnswers;
import dev.berth.answers.TargetAnswers.Kind;
import java.util.List;
import javafx.beans.Observable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One more machine of a stack on several hosts, as typed on the Target page: its name, how Berth
 * reaches it (a server over SSH, or this computer when the first host is a server) and the
 * address the other hosts reach it at.
 */
public final class HostRow {
    private final TargetForm target = new TargetForm();
    private final StringProperty name = new SimpleStringProperty(this, "name", "");
    private final StringProperty address = new SimpleStringProperty(this, "address", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");

    HostRow() {
        target.kind.set(Kind.SSH);
    }

    public StringProperty nameProperty() {
        return name;
    }

    public ObjectProperty<Kind> kindProperty() {
        return target.kind;
    }

    public StringProperty hostProperty() {
        return target.host;
    }

    public StringProperty portProperty() {
        return target.port;
    }

    public StringProperty userProperty() {
        return target.user;
    }

    public StringProperty keyFileProperty() {
        return target.keyFile;
    }

    public StringProperty addressProperty() {
        return address;
    }

    /** What is wrong with the row and what to do, or empty. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    void setMessage(String m) {
        message.set(m);
    }

    List<Observable> all() {
        List<Observable> all = new java.util.ArrayList<>(target.all());
        all.add(name);
        all.add(address);
        return all;
    }

    TargetAnswers targetAnswers() {
        return target.build();
    }

    boolean badPort() {
        return target.badPort();
    }

    HostAnswers build() {
        return new HostAnswers(name.get().strip(), target.build(), address.get().isBlank() ? null : address.get().strip());
    }

    void fill(HostAnswers h) {
        name.set(h.name() == null ? "" : h.name());
        target.fill(h.target() == null ? TargetAnswers.LOCAL : h.target());
        address.set(h.address() == null ? "" : h.address());
    }
}
