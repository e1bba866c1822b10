package dev.berth.wizardsteps.view;

import atlantafx.base.theme.Styles;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;

/** A line saying how something under way is going: a spinner while busy, the message coloured by outcome. */
public final class StatusLine extends HBox {
    private final Label text = new Label();

    public StatusLine(ObservableStringValue message, ObservableBooleanValue busy) {
        super(8);
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(16, 16);
        spinner.setMaxSize(16, 16);
        Fields.shownWhen(spinner, busy);
        text.textProperty().bind(message);
        text.setWrapText(true);
        getChildren().addAll(spinner, text);
        setAlignment(javafx.geometry.Pos.CENTER_LEFT);
    }

    /** Colours the message: success, danger or neither. */
    public void outcome(Boolean good) {
        text.getStyleClass().removeAll(Styles.SUCCESS, Styles.DANGER);
        if (good != null) {
            text.getStyleClass().add(good ? Styles.SUCCESS : Styles.DANGER);
        }
    }

    public Label label() {
        return text;
    }
}
