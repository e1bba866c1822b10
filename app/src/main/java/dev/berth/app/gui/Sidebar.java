package dev.berth.app.gui;

import atlantafx.base.controls.ToggleSwitch;
import dev.berth.wizardsteps.core.StepStatus;
import dev.berth.wizardsteps.core.StepViewModel;
import dev.berth.wizardsteps.core.WizardFlow;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.AccessibleRole;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The steps down the left: number or state mark, title, and the summary of what was chosen. Each
 * row takes the keyboard focus (Tab) and goes to its page with Enter or Space, as a click does,
 * and only where the flow allows. The dark-theme switch is in the Tab order too.
 */
final class Sidebar extends VBox {
    private static final PseudoClass CURRENT = PseudoClass.getPseudoClass("current");
    /** The summary's width: the sidebar's less the marker, gaps and padding. It wraps there rather than being cut off. */
    private static final double TEXT_WIDTH = 180;

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
        dark.setId("dark-theme");
        dark.selectedProperty().bindBidirectional(theme.darkProperty());
        // AtlantaFX's switch answers only to the mouse: Space flips it, as it does a check box.
        dark.setAccessibleRole(AccessibleRole.TOGGLE_BUTTON);
        dark.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.SPACE) {
                e.consume();
                dark.setSelected(!dark.isSelected());
            }
        });
        HBox bottom = new HBox(dark);
        bottom.setPadding(new javafx.geometry.Insets(0, 10, 0, 10));
        getChildren().addAll(spacer, bottom);
    }

    private static HBox entry(WizardFlow flow, StepViewModel step, int number) {
        Label marker = new Label(Integer.toString(number));
        marker.getStyleClass().add("step-marker");
        marker.setMinWidth(Region.USE_PREF_SIZE);
        Label title = new Label(step.title());
        title.getStyleClass().add("entry-title");
        title.setWrapText(true);
        title.setMaxWidth(TEXT_WIDTH);
        title.setMinHeight(Region.USE_PREF_SIZE);
        Label summary = new Label();
        summary.getStyleClass().add("entry-summary");
        summary.textProperty().bind(step.summaryProperty());
        // The whole summary, over as many lines as it needs: a scrolling sidebar is better than a summary cut off.
        summary.setWrapText(true);
        summary.setMaxWidth(TEXT_WIDTH);
        summary.setMinHeight(Region.USE_PREF_SIZE);
        summary.visibleProperty().bind(summary.textProperty().isNotEmpty());
        summary.managedProperty().bind(summary.visibleProperty());
        VBox text = new VBox(2, title, summary);
        HBox row = new HBox(marker, text);
        row.setAlignment(Pos.CENTER_LEFT);
        row.getStyleClass().add("sidebar-entry");
        row.setFocusTraversable(true);
        row.setAccessibleRole(AccessibleRole.BUTTON);
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
            String said = step.title() + ": " + s.label() + (step.summaryProperty().get().isEmpty() ? "" : "\n" + step.summaryProperty().get());
            tip.setText(said);
            row.setAccessibleText(said);
            row.pseudoClassStateChanged(CURRENT, flow.current() == step);
        };
        flow.statusProperty(step).addListener(o -> update.run());
        flow.currentProperty().addListener(o -> update.run());
        step.summaryProperty().addListener(o -> update.run());
        row.visibleProperty().bind(step.shownProperty());
        row.managedProperty().bind(step.shownProperty());
        row.setOnMouseClicked(e -> flow.jumpTo(step));
        row.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER || e.getCode() == KeyCode.SPACE) {
                // Consumed even where the flow says no: Enter must not fall through to Next, the default button.
                e.consume();
                flow.jumpTo(step);
            }
        });
        row.setUserData(step);
        row.setId("sidebar-" + number);
        update.run();
        return row;
    }
}
