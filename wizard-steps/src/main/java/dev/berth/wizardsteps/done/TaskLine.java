package dev.berth.wizardsteps.done;

import atlantafx.base.theme.Styles;
import dev.berth.wizardsteps.view.Fields;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableNumberValue;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/** A Done page action that runs as a task (Retry, Back up now): its button, a bar and Cancel while it runs, then how it ended. */
final class TaskLine {
    private TaskLine() {
    }

    /**
     * @param action   the button that starts it
     * @param idPrefix the ids of Cancel ({@code cancel-<prefix>}) and of the message ({@code <prefix>-message})
     */
    static HBox of(Button action, ObservableBooleanValue running, ObservableNumberValue progress, Runnable cancel,
                   ObservableStringValue message, String idPrefix) {
        ProgressBar bar = new ProgressBar();
        bar.progressProperty().bind(progress);
        bar.getStyleClass().add(Styles.SMALL);
        bar.setPrefWidth(160);
        Button stop = new Button("Cancel");
        stop.setId("cancel-" + idPrefix);
        stop.setOnAction(e -> cancel.run());
        HBox whileRunning = new HBox(10, bar, stop);
        whileRunning.setAlignment(Pos.CENTER_LEFT);
        Fields.shownWhen(whileRunning, running);
        Label said = new Label();
        said.setId(idPrefix + "-message");
        said.setWrapText(true);
        said.textProperty().bind(message);
        HBox.setHgrow(said, Priority.ALWAYS);
        HBox line = new HBox(12, action, whileRunning, said);
        line.setAlignment(Pos.CENTER_LEFT);
        return line;
    }
}
