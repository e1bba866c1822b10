package dev.berth.app.gui;

import atlantafx.base.controls.ToggleSwitch;
import dev.berth.wizardsteps.core.StepStatus;
import dev.berth.wizardsteps.core.StepViewModel;
import dev.berth.wizardsteps.core.WizardFlow;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The steps down the left: number or state mark, title, and the one-line summary of what was chosen. */
final class Sidebar extends VBox {
    private static final PseudoClass CURRENT = PseudoClass.getPseudoClass("current");

    Sidebar(WizardFlow flow, Theme theme) {
        getStyleClass().add("sidebar");
        setPrefWidth(260);
        setMinWidth(220);
        Label name = new Label("Berth");
        name.getStyleClass().add("app-name");
        getChildren().add(name);
        int number = 1;
        for (StepViewModel step : flow.steps()) {
            getChildren().add(entry(flow, step, number++));
        }
        Region spacer = new Region();
        VBox.setVgrow(spacer, Priority.ALWAYS);
        ToggleSwitch dark = new ToggleSwitch("Dark theme");
        dark.selectedProperty().bindBidirectional(theme.darkProperty());
        dark.setFocusTraversable(false);
        HBox bottom = new HBox(dark);
        bottom.setPadding(new javafx.geometry.Insets(0, 10, 0, 10));
        getChildren().addAll(spacer, bottom);
    }

    private static HBox entry(WizardFlow flow, StepViewModel step, int number) {
        Label marker = new Label(Integer.toString(number));
        marker.getStyleClass().add("step-marker");
        Label title = new Label(step.title());
        title.getStyleClass().add("entry-title");
        Label summary = new Label();
        summary.getStyleClass().add("entry-summary");
        summary.textProperty().bind(step.summaryProperty());
        summary.setWrapText(false);
        summary.setMaxWidth(190);
        VBox text = new VBox(2, title, summary);
        HBox row = new HBox(marker, text);
        row.setAlignment(Pos.CENTER_LEFT);
        row.getStyleClass().add("sidebar-entry");
        Tooltip tip = new Tooltip();
        Tooltip.install(row, tip);
        Runnable update = () -> {
            StepStatus s = flow.statusProperty(step).get();
            marker.getStyleClass().removeAll("complete", "attention");
            marker.setText(switch (s) {
                case NOT_VISITED -> Integer.toString(number);
                case COMPLETE -> "✓";
                case NEEDS_ATTENTION -> "!";
            });
            if (s == StepStatus.COMPLETE) {
                marker.getStyleClass().add("complete");
            } else if (s == StepStatus.NEEDS_ATTENTION) {
                marker.getStyleClass().add("attention");
            }
            tip.setText(step.title() + ": " + s.label() + (step.summaryProperty().get().isEmpty() ? "" : "\n" + step.summaryProperty().get()));
            row.pseudoClassStateChanged(CURRENT, flow.current() == step);
        };
        flow.statusProperty(step).addListener(o -> update.run());
        flow.currentProperty().addListener(o -> update.run());
        step.summaryProperty().addListener(o -> update.run());
        row.visibleProperty().bind(step.shownProperty());
        row.managedProperty().bind(step.shownProperty());
        row.setOnMouseClicked(e -> flow.jumpTo(step));
        row.setUserData(step);
        row.setId("sidebar-" + number);
        update.run();
        return row;
    }
}
