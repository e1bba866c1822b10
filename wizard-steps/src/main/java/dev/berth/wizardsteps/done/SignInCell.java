package dev.berth.wizardsteps.done;

import atlantafx.base.theme.Styles;
import dev.berth.wizardsteps.view.Fields;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * A sign-in Berth made, in its app's row: user, the password hidden until Show (Copy works without
 * showing it), and the file it is kept in; one handed over before shows only where it is kept.
 */
final class SignInCell {
    private static final String HIDDEN = "••••••••••••";

    private SignInCell() {
    }

    static VBox of(DoneViewModel vm, SignInRow s) {
        String id = s.service().toLowerCase(java.util.Locale.ROOT).replace(' ', '-');
        Label user = new Label(s.username());
        user.setId("sign-in-user-" + id);
        user.getStyleClass().add(Styles.TEXT_MUTED);
        Label kept = Fields.hint("kept in " + s.storedAt());
        if (!s.handsOver()) {
            HBox line = new HBox(12, user, kept);
            line.setAlignment(Pos.BASELINE_LEFT);
            return new VBox(4, line);
        }
        TextField password = new TextField(HIDDEN);
        password.setId("sign-in-password-" + id);
        password.setEditable(false);
        password.getStyleClass().addAll("code", "credential-value");
        password.setPrefColumnCount(22);
        HBox.setHgrow(password, Priority.ALWAYS);
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
        HBox line = new HBox(10, user, password, show, copy);
        line.setAlignment(Pos.CENTER_LEFT);
        return new VBox(4, line, kept);
    }
}
