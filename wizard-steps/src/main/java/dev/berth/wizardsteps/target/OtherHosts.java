package dev.berth.wizardsteps.target;

import dev.berth.answers.HostAnswers;
import dev.berth.answers.TargetAnswers;
import dev.berth.answers.TargetAnswers.Kind;
import dev.berth.wizardsteps.core.WizardModel;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Target page's "Several machines" part (issue 17): the machines besides the target above
 * it, and the target's own name and address once there are any. With no rows the stack is on one
 * machine and the answers have no {@code hosts:}, exactly as before. The rows are checked here,
 * as typed; every change is written to the model's hosts (the first being the target).
 */
public final class OtherHosts {
    private static final String NAME = "[a-z][a-z0-9-]{0,30}";

    private final WizardModel model;
    private final ObservableList<HostRow> rows = FXCollections.observableArrayList();
    private final StringProperty firstName = new SimpleStringProperty(this, "firstName", "");
    private final StringProperty firstAddress = new SimpleStringProperty(this, "firstAddress", "");
    private final ReadOnlyStringWrapper firstMessage = new ReadOnlyStringWrapper(this, "firstMessage", "");
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(this, "valid", true);
    /** Up while the rows are filled from the model: those changes are not edits to write back. */
    private boolean filling;

    OtherHosts(WizardModel model) {
        this.model = model;
        firstName.addListener(o -> edited());
        firstAddress.addListener(o -> edited());
        model.targetProperty().addListener(o -> edited());
        model.hostsProperty().addListener((o, was, now) -> {
            if (!filling && !now.equals(build())) {
                fill(now);
            }
        });
        fill(model.hostsProperty().get());
    }

    public ObservableList<HostRow> rows() {
        return FXCollections.unmodifiableObservableList(rows);
    }

    /** The target's name among the hosts, e.g. {@code nas}. */
    public StringProperty firstNameProperty() {
        return firstName;
    }

    /** The address the other hosts reach the target at (needed when it is this computer). */
    public StringProperty firstAddressProperty() {
        return firstAddress;
    }

    public ReadOnlyStringProperty firstMessageProperty() {
        return firstMessage.getReadOnlyProperty();
    }

    /** Whether every row (and the target's name and address) is good; true with no rows. */
    public ReadOnlyBooleanProperty validProperty() {
        return valid.getReadOnlyProperty();
    }

    public boolean several() {
        return !rows.isEmpty();
    }

    /** Adds an empty row for a server over SSH; names the target too when this is the first. */
    public HostRow add() {
        HostRow row = new HostRow();
        if (firstName.get().isBlank()) {
            firstName.set(model.targetProperty().get().kind() == Kind.LOCAL ? "main" : "manager");
        }
        row.all().forEach(o -> o.addListener(x -> edited()));
        rows.add(row);
        edited();
        return row;
    }

    public void remove(HostRow row) {
        rows.remove(row);
        edited();
    }

    private void fill(List<HostAnswers> hosts) {
        filling = true;
        try {
            rows.clear();
            firstName.set(hosts.isEmpty() ? "" : nullToEmpty(hosts.getFirst().name()));
            firstAddress.set(hosts.isEmpty() ? "" : nullToEmpty(hosts.getFirst().address()));
            for (HostAnswers h : hosts.stream().skip(1).toList()) {
                HostRow row = new HostRow();
                row.fill(h);
                row.all().forEach(o -> o.addListener(x -> edited()));
                rows.add(row);
            }
        } finally {
            filling = false;
        }
        validate();
    }

    /** The hosts the page describes: none for one machine, else the target first. */
    List<HostAnswers> build() {
        if (rows.isEmpty()) {
            return List.of();
        }
        List<HostAnswers> hosts = new ArrayList<>();
        hosts.add(new HostAnswers(firstName.get().strip(), model.targetProperty().get(),
                firstAddress.get().isBlank() ? null : firstAddress.get().strip()));
        rows.forEach(r -> hosts.add(r.build()));
        return hosts;
    }

    private void edited() {
        if (filling) {
            return;
        }
        validate();
        List<HostAnswers> hosts = build();
        if (!hosts.equals(model.hostsProperty().get())) {
            filling = true;
            try {
                model.setHosts(hosts);
            } finally {
                filling = false;
            }
        }
    }

    private void validate() {
        Set<String> names = new HashSet<>();
        boolean local = model.targetProperty().get().kind() == Kind.LOCAL;
        String first = rows.isEmpty() ? "" : problem(firstName.get(), model.targetProperty().get(), false, firstAddress.get(), names, false, false);
        firstMessage.set(first);
        boolean ok = first.isEmpty();
        for (HostRow r : rows) {
            boolean isLocal = r.kindProperty().get() == Kind.LOCAL;
            String m = problem(r.nameProperty().get(), r.targetAnswers(), r.badPort(), r.addressProperty().get(), names, isLocal && local, true);
            local |= isLocal;
            r.setMessage(m);
            ok &= m.isEmpty();
        }
        valid.set(ok);
    }

    /** The first thing wrong with one host, said so the person knows what to type; empty when it is good. */
    private static String problem(String name, TargetAnswers target, boolean badPort, String address, Set<String> names,
                                  boolean secondLocal, boolean server) {
        String n = name.strip();
        if (n.isEmpty()) {
            return "Give this machine a short name, e.g. nas.";
        }
        if (!n.matches(NAME)) {
            return "The name must be lower-case letters, digits or '-', starting with a letter (e.g. nas).";
        }
        if (!names.add(n)) {
            return "Another machine is called " + n + ": give each its own name.";
        }
        if (secondLocal) {
            return "Only one machine can be this computer: choose a server over SSH here.";
        }
        // The target's own server fields have their messages above, on the page's form.
        if (server && target.kind() == Kind.SSH && (target.host() == null || target.user() == null)) {
            return "A server needs a host and a user.";
        }
        if (badPort) {
            return "The port must be a number from 1 to 65535.";
        }
        if (target.kind() == Kind.LOCAL && address.isBlank()) {
            return "This computer needs the address the other machines reach it at, e.g. 192.168.1.30.";
        }
        return "";
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
