package dev.berth.wizardsteps.done;

import atlantafx.base.theme.Styles;
import dev.berth.wizardsteps.view.Fields;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The sign-ins Berth set up: user, the password hidden until Show (Copy works without showing it),
 * and the file it is kept in; one handed over before shows only where it is kept.
 */
final class SignInsSection {
    private static final String HIDDEN = "••••••••••••";

    private SignInsSection() {
    }

    static VBox of(DoneViewModel vm) {
        GridPane grid = ListGrid.of("sign-ins", 12, "summary-card", vm.signIns(), (g, row, s) -> addRow(vm, g, row, s));
        Label note = Fields.hint("sign-ins-note", vm.signInsNoteProperty());
        VBox box = new VBox(10, Fields.heading("Sign-ins Berth set up"), grid, note);
        Fields.shownWhen(box, Bindings.isNotEmpty(vm.signIns()));
        return box;
    }

    private static void addRow(DoneViewModel vm, GridPane grid, int row, SignInRow s) {
        String id = s.service().toLowerCase(java.util.Locale.ROOT).replace(' ', '-');
        Label service = new Label(s.service());
        service.getStyleClass().add(Styles.TEXT_BOLD);
        Label user = new Label(s.username());
        user.getStyleClass().add(Styles.TEXT_MUTED);
        Label kept = Fields.hint("kept in " + s.storedAt());
        if (!s.handsOver()) {
            grid.addRow(row, service, user);
            grid.add(kept, 2, row, 3, 1);
            return;
        }
        TextField password = new TextField(HIDDEN);
        password.setId("sign-in-password-" + id);
        password.setEditable(false);
        password.getStyleClass().addAll("code", "credential-value");
        password.setPrefColumnCount(22);
        GridPane.setHgrow(password, Priority.ALWAYS);
        Button show = new Button("Show");
        show.setId("sign-in-show-" + id);
        show.getStyleClass().add(Styles.SMALL);
        show.setOnAction(e -> vm.reveal(s, !s.revealedProperty().get()));
        Runnable shown = () -> {
            boolean revealed = s.revealedProperty().get();
            password.setText(revealed ? s.shownPassword() : HIDDEN);
            show.setText(revealed ? "Hide" : "Show");
        };
        s.revealedProperty().addListener(o -> shown.run());
        shown.run();
        Button copy = new Button("Copy");
        copy.setId("sign-in-copy-" + id);
        copy.getStyleClass().add(Styles.SMALL);
        copy.setOnAction(e -> {
            vm.copy(s);
            copy.setText("Copied");
        });
        grid.addRow(row, service, user, password, show, copy);
        grid.add(kept, 1, row + 1, 4, 1);
    }
}
