package dev.berth.wizardsteps.deploy;

import atlantafx.base.theme.Styles;
import dev.berth.wizardsteps.view.Fields;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextArea;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** The Deploy page's rows: a step with its state mark, an image with its bar, a service with its state and log. */
final class DeployRows {
    private DeployRows() {
    }

    static HBox job(JobRow row) {
        Label mark = new Label();
        mark.getStyleClass().add("status-icon");
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(18, 18);
        spinner.setMaxSize(18, 18);
        StackPane icon = new StackPane(mark, spinner);
        icon.setMinWidth(24);
        Label text = new Label(row.description());
        text.setWrapText(true);
        Label detail = smallLine(row.detailProperty(), Styles.DANGER);
        Label note = smallLine(row.noteProperty(), Styles.TEXT_MUTED);
        VBox body = new VBox(2, text, note, detail);
        HBox line = new HBox(10, icon, body);
        line.getStyleClass().add("job-row");
        line.setAlignment(Pos.TOP_LEFT);
        Runnable show = () -> {
            JobRow.Status s = row.status();
            spinner.setVisible(s == JobRow.Status.RUNNING);
            mark.setVisible(s != JobRow.Status.RUNNING);
            mark.getStyleClass().removeAll("pass", "fail", "warn", "skip", "waiting");
            mark.getStyleClass().add(switch (s) {
                case WAITING -> "waiting";
                case RUNNING -> "skip";
                case DONE -> "pass";
                case FAILED, UNDO_FAILED -> "fail";
                case UNDONE -> "warn";
            });
            mark.setText(switch (s) {
                case WAITING, RUNNING -> "";
                case DONE -> "✓";
                case FAILED, UNDO_FAILED -> "✕";
                case UNDONE -> "↺";
            });
            text.getStyleClass().remove(Styles.TEXT_MUTED);
            if (s == JobRow.Status.WAITING || s == JobRow.Status.UNDONE) {
                text.getStyleClass().add(Styles.TEXT_MUTED);
            }
            line.setAccessibleText(row.description() + ": " + s.name().toLowerCase(java.util.Locale.ROOT));
        };
        row.statusProperty().addListener(o -> show.run());
        show.run();
        return line;
    }

    /** A small line under a step's name, taking no room while its text is empty. */
    private static Label smallLine(javafx.beans.value.ObservableStringValue text, String style) {
        Label l = new Label();
        l.setWrapText(true);
        l.getStyleClass().addAll(Styles.TEXT_SMALL, style);
        l.textProperty().bind(text);
        Fields.shownWhen(l, javafx.beans.binding.Bindings.isNotEmpty(text));
        return l;
    }

    /** The image's name, its bar and its words, as one row of a grid so the bars line up. */
    static void image(GridPane grid, int index, ImageRow row) {
        Label name = new Label(row.image());
        name.getStyleClass().add("code");
        ProgressBar bar = new ProgressBar();
        bar.progressProperty().bind(row.fractionProperty());
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.getStyleClass().add(Styles.SMALL);
        bar.setId("pull-" + index);
        GridPane.setHgrow(bar, Priority.ALWAYS);
        Label text = new Label();
        text.textProperty().bind(row.textProperty());
        text.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        grid.addRow(index, name, bar, text);
    }

    static VBox service(ServiceRow row) {
        Label name = new Label(row.name());
        name.getStyleClass().add(Styles.TEXT_BOLD);
        name.setMinWidth(150);
        Label state = new Label();
        state.getStyleClass().add("state-chip");
        state.setMinWidth(Region.USE_PREF_SIZE);
        state.setId("service-state-" + row.service());
        Label detail = new Label();
        detail.setWrapText(true);
        detail.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        detail.textProperty().bind(row.detailProperty());
        HBox.setHgrow(detail, Priority.ALWAYS);
        HBox head = new HBox(12, name, state, detail);
        head.setAlignment(Pos.CENTER_LEFT);
        TextArea log = new TextArea();
        log.setEditable(false);
        log.setPrefRowCount(8);
        log.getStyleClass().add("code");
        log.setId("log-" + row.service());
        Label logTitle = new Label("Last lines it printed");
        logTitle.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_BOLD);
        VBox logBox = new VBox(4, logTitle, log);
        VBox box = new VBox(8, head, logBox);
        box.getStyleClass().add("service-row");
        Runnable show = () -> {
            String s = row.stateText();
            state.setText(s);
            state.getStyleClass().removeAll("good", "bad", "busy");
            state.getStyleClass().add(row.failedProperty().get() ? "bad" : row.up() ? "good" : "busy");
            log.setText(String.join("\n", row.logTailProperty().get()));
            logBox.setVisible(!row.logTailProperty().get().isEmpty());
            logBox.setManaged(logBox.isVisible());
        };
        row.stateProperty().addListener(o -> show.run());
        row.answersProperty().addListener(o -> show.run());
        row.failedProperty().addListener(o -> show.run());
        row.logTailProperty().addListener(o -> show.run());
        show.run();
        return box;
    }
}
