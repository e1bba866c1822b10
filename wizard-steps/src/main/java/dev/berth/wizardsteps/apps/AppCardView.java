package dev.berth.wizardsteps.apps;

import atlantafx.base.theme.Styles;
import javafx.css.PseudoClass;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** One app as a card: its check box, what it does, its memory, and why it was added (or cannot be). */
final class AppCardView extends VBox {
    private static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");
    private static final PseudoClass ADDED = PseudoClass.getPseudoClass("added");

    AppCardView(AppCard card) {
        getStyleClass().add("card");
        setId("app-" + card.id());
        setPrefWidth(232);
        setMinHeight(Region.USE_PREF_SIZE);
        CheckBox box = new CheckBox(card.name());
        box.setMnemonicParsing(false);
        box.getStyleClass().add("card-title");
        box.selectedProperty().bindBidirectional(card.chosenProperty());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        Label ram = new Label("≈ " + card.ramMb() + " MB");
        ram.getStyleClass().add("card-meta");
        // The name and the memory keep their whole width; the gap between them is what gives way.
        box.setMinWidth(Region.USE_PREF_SIZE);
        ram.setMinWidth(Region.USE_PREF_SIZE);
        HBox head = new HBox(8, box, gap, ram);
        // The whole description, wrapped: the card grows rather than cutting it off.
        Label description = new Label(card.description());
        description.setWrapText(true);
        description.setPrefWidth(204);
        description.getStyleClass().add(Styles.TEXT_SMALL);
        description.setMinHeight(Region.USE_PREF_SIZE);
        Label note = new Label();
        note.setWrapText(true);
        note.setPrefWidth(204);
        note.textProperty().bind(card.noteProperty());
        note.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_BOLD);
        note.visibleProperty().bind(card.noteProperty().isNotEmpty());
        note.managedProperty().bind(note.visibleProperty());
        note.setMinHeight(Region.USE_PREF_SIZE);
        getChildren().addAll(head, description, note);
        Runnable style = () -> {
            pseudoClassStateChanged(SELECTED, card.chosenProperty().get());
            pseudoClassStateChanged(ADDED, card.addedProperty().get());
            note.getStyleClass().removeAll(Styles.SUCCESS, Styles.DANGER);
            note.getStyleClass().add(card.addedProperty().get() ? Styles.SUCCESS : Styles.DANGER);
        };
        card.chosenProperty().addListener(o -> style.run());
        card.addedProperty().addListener(o -> style.run());
        style.run();
        setOnMouseClicked(e -> {
            if (e.getTarget() == this || e.getTarget() == description) {
                box.setSelected(!box.isSelected());
            }
        });
    }
}
