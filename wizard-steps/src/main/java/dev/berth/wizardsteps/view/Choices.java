package dev.berth.wizardsteps.view;

import javafx.beans.property.ObjectProperty;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.VBox;

/** Radio buttons shown as cards (a bold title, a line of help), bound both ways to a ViewModel property. */
public final class Choices<T> {
    private final ToggleGroup group = new ToggleGroup();
    private final ObjectProperty<T> value;

    public Choices(ObjectProperty<T> value) {
        this.value = value;
        group.selectedToggleProperty().addListener((o, was, now) -> {
            if (now != null) {
                @SuppressWarnings("unchecked")
                T chosen = (T) now.getUserData();
                value.set(chosen);
            }
        });
        value.addListener(o -> select());
    }

    /**
     * @param title with {@code _} before the mnemonic letter
     * @param id    the radio button's id, for tests
     */
    public VBox card(T choice, String title, String help, String id) {
        RadioButton radio = new RadioButton(title);
        radio.setMnemonicParsing(true);
        radio.setToggleGroup(group);
        radio.setUserData(choice);
        radio.setId(id);
        radio.getStyleClass().add("choice-title");
        radio.setWrapText(true); // cards share a row; a long title takes a second line rather than an ellipsis
        radio.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        Label text = Fields.hint(help);
        VBox card = new VBox(6, radio, text);
        card.getStyleClass().add("choice-card");
        card.setOnMouseClicked(e -> radio.setSelected(true));
        select();
        return card;
    }

    private void select() {
        group.getToggles().stream().filter(t -> java.util.Objects.equals(t.getUserData(), value.get()))
                .findFirst().ifPresent(group::selectToggle);
    }
}
