package dev.berth.wizardsteps.view;

import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * A secret (key, password) typed masked, with a Show toggle to check what was pasted. A masked
 * and a plain field share the ViewModel's property; the toggle swaps which one is shown.
 */
public final class SecretField extends HBox {
    private final PasswordField masked = new PasswordField();
    private final TextField plain = new TextField();
    private final ToggleButton show = new ToggleButton("Show");

    /** @param id the masked field's id; the plain one is {@code id-shown}, the toggle {@code id-show} */
    public SecretField(StringProperty value, String prompt, String id) {
        super(8);
        masked.setId(id);
        plain.setId(id + "-shown");
        show.setId(id + "-show");
        for (TextField f : new TextField[] {masked, plain}) {
            f.setPromptText(prompt);
            f.textProperty().bindBidirectional(value);
            f.setMaxWidth(Double.MAX_VALUE);
        }
        Fields.shownWhen(plain, show.selectedProperty());
        Fields.shownWhen(masked, show.selectedProperty().not());
        show.selectedProperty().addListener((o, was, now) -> {
            show.setText(now ? "Hide" : "Show");
            TextField focus = now ? plain : masked;
            focus.requestFocus();
            focus.end();
        });
        show.setTooltip(new Tooltip("Show or hide what you typed"));
        StackPane fields = new StackPane(masked, plain);
        HBox.setHgrow(fields, Priority.ALWAYS);
        getChildren().addAll(fields, show);
    }

    /**
     * A labelled secret with its validation message, like {@link Fields#field}.
     *
     * @param label with {@code _} before the mnemonic letter
     */
    public static VBox field(String label, SecretField secret, ObservableStringValue message) {
        Label l = new Label(label);
        l.setMnemonicParsing(true);
        l.setLabelFor(secret.masked);
        l.getStyleClass().add("field-label");
        l.setWrapText(true); // as Fields.field: a second line rather than an ellipsis
        l.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        VBox box = new VBox(4, l, secret);
        box.getStyleClass().add("field");
        if (message != null) {
            box.getChildren().add(Fields.messageLabel(message));
            Fields.decorate(secret.masked, message);
            Fields.decorate(secret.plain, message);
        }
        return box;
    }

    public PasswordField masked() {
        return masked;
    }

    public TextField plain() {
        return plain;
    }
}
