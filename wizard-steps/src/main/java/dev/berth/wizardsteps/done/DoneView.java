package dev.berth.wizardsteps.done;

import atlantafx.base.controls.Message;
import atlantafx.base.theme.Styles;
import dev.berth.wizardsteps.view.Fields;
import dev.berth.wizardsteps.view.Page;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The last page: the apps with their addresses, the VPN's proof, the links between them, the sign-ins and passwords Berth made, and the backups. */
public final class DoneView extends Page {
    public DoneView(DoneViewModel vm) {
        Message headline = new Message("Your stack is running", "");
        headline.setId("done-headline");
        headline.getStyleClass().add(Styles.SUCCESS);
        headline.descriptionProperty().bind(vm.headlineProperty());
        Fields.shownWhen(headline, Bindings.isNotEmpty(vm.services()));

        GridPane apps = ListGrid.of("service-links", 20, "step-list", vm.services(), (grid, row, l) -> link(vm, grid, row, l));
        Label appsHint = Fields.hint("apps-hint", vm.appsHintProperty());
        Label signInsNote = Fields.hint("sign-ins-note", vm.signInsNoteProperty());
        Fields.shownWhen(signInsNote, vm.signInsNoteProperty().isNotEmpty());
        VBox appsBox = new VBox(10, Fields.heading("Your apps"), apps, signInsNote, appsHint);
        Fields.shownWhen(appsBox, Bindings.isNotEmpty(vm.services()));

        GridPane secrets = ListGrid.of("credentials", 12, "summary-card", vm.credentials(),
                (grid, row, c) -> addCredential(vm, grid, row, c));
        Fields.shownWhen(secrets, Bindings.isNotEmpty(vm.credentials()));
        Label note = Fields.hint("credentials-note", vm.credentialsNoteProperty());
        VBox secretsBox = new VBox(10, Fields.heading("Passwords and keys Berth made"), secrets, note);
        Fields.shownWhen(secretsBox, vm.credentialsNoteProperty().isNotEmpty());

        getChildren().addAll(headline, appsBox, OneTimeLinkSection.of(vm), VpnSection.of(vm.vpn()), LinksSection.of(vm), secretsBox,
                BackupSection.of(vm));
    }

    /** The app's name and address, and under the address how to sign in (its sign-in, or its catalog's sentence). */
    private static void link(DoneViewModel vm, GridPane grid, int row, ServiceLink l) {
        Label name = new Label(l.name());
        name.getStyleClass().add(Styles.TEXT_BOLD);
        name.setMinWidth(Label.USE_PREF_SIZE); // the sign-in or sentence beside it takes the room left, never the name's
        String id = l.name().toLowerCase(java.util.Locale.ROOT).replace(' ', '-');
        if (l.hasPage()) {
            Hyperlink url = new Hyperlink(l.url());
            url.setId("open-" + id);
            url.setOnAction(e -> vm.open(l));
            grid.addRow(row, name, url);
        } else {
            grid.addRow(row, name, Fields.hint(l.handOver() instanceof HandOver.SignIn
                    ? "the deploy reported no address for it: berth status shows where it answers"
                    : "works in the background; no page of its own"));
        }
        switch (l.handOver()) {
            case HandOver.SignIn s -> grid.add(SignInCell.of(vm, s.row()), 1, row + 1);
            case HandOver.Note n -> {
                Label note = Fields.hint(n.text());
                note.setId("hand-over-" + id);
                note.setWrapText(true);
                GridPane.setHgrow(note, Priority.ALWAYS);
                grid.add(note, 1, row + 1);
            }
            case HandOver.AddressOnly a -> { }
        }
    }

    private static void addCredential(DoneViewModel vm, GridPane grid, int row, Credential c) {
        Label label = new Label(c.label());
        label.getStyleClass().add(Styles.TEXT_BOLD);
        Label user = new Label(c.user().isEmpty() ? "" : c.user());
        user.getStyleClass().add(Styles.TEXT_MUTED);
        TextField value = new TextField(c.value());
        value.setEditable(false);
        value.getStyleClass().addAll("code", "credential-value");
        value.setPrefColumnCount(26);
        GridPane.setHgrow(value, Priority.ALWAYS);
        Button copy = new Button("Copy");
        copy.getStyleClass().add(Styles.SMALL);
        copy.setOnAction(e -> {
            vm.copy(c);
            copy.setText("Copied");
        });
        grid.addRow(row, label, user, value, copy);
    }
}
