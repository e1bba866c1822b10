package dev.berth.wizardsteps.checks;

import atlantafx.base.theme.Styles;
import dev.berth.engine.check.Status;
import dev.berth.wizardsteps.view.StatusIcon;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * One check: status mark, title and summary; details and the fix command (with Copy) on expand.
 * The expanded part is built the first time it is opened: eleven rows of text fields and buttons
 * nobody opened would cost the FX thread a noticeable moment when the page first appears.
 */
final class CheckRowView extends VBox {
    private final Consumer<CheckRow> copyFix;
    private final StatusIcon icon = new StatusIcon();
    private final Label title = new Label();
    private final Label summary = new Label();
    private final Hyperlink toggle = new Hyperlink("Details");
    private final Button install = new Button("Install Docker…");
    /** The port check's "Use port 8097" (or the way back): its text comes from the row. */
    private final Button ports = new Button();
    private Expanded expanded;
    private CheckRow row;

    /** The details and the fix, once built. */
    private final class Expanded extends VBox {
        private final Label details = new Label();
        private final TextField fix = new TextField();
        private final Button copy = new Button("Copy");
        private final HBox fixRow;

        Expanded() {
            super(8);
            details.setWrapText(true);
            details.getStyleClass().add("code");
            fix.setEditable(false);
            fix.getStyleClass().add("code");
            HBox.setHgrow(fix, Priority.ALWAYS);
            copy.getStyleClass().add(Styles.SMALL);
            copy.setOnAction(e -> {
                copyFix.accept(row);
                copy.setText("Copied");
            });
            fixRow = new HBox(8, fix, copy);
            fixRow.setAlignment(Pos.CENTER_LEFT);
            getChildren().addAll(details, fixRow);
            setPadding(new Insets(4, 0, 0, 34));
            managedProperty().bind(visibleProperty());
        }

        void show(CheckRow r) {
            details.setText(r.details());
            details.setVisible(!r.details().isBlank());
            details.setManaged(details.isVisible());
            fix.setText(r.fix());
            fixRow.setVisible(!r.fix().isBlank());
            fixRow.setManaged(fixRow.isVisible());
            copy.setText("Copy");
        }
    }

    CheckRowView(Consumer<CheckRow> copyFix, Runnable installDocker) {
        this(copyFix, installDocker, row -> { });
    }

    CheckRowView(Consumer<CheckRow> copyFix, Runnable installDocker, Consumer<CheckRow> portAction) {
        super(6);
        this.copyFix = copyFix;
        ports.setId("port-action");
        ports.getStyleClass().add(Styles.SMALL);
        ports.setMinWidth(Region.USE_PREF_SIZE);
        ports.managedProperty().bind(ports.visibleProperty());
        ports.setVisible(false);
        ports.setOnAction(e -> portAction.accept(row));
        install.setId("install-docker");
        install.getStyleClass().add(Styles.SMALL);
        install.setMinWidth(Region.USE_PREF_SIZE);
        install.managedProperty().bind(install.visibleProperty());
        install.setVisible(false);
        install.setOnAction(e -> installDocker.run());
        getStyleClass().add("check-row");
        title.getStyleClass().add(Styles.TEXT_BOLD);
        summary.setWrapText(true);
        summary.getStyleClass().add(Styles.TEXT_MUTED);
        VBox text = new VBox(2, title, summary);
        HBox.setHgrow(text, Priority.ALWAYS);
        HBox head = new HBox(12, icon, text, new Region(), install, ports, toggle);
        head.setAlignment(Pos.CENTER_LEFT);
        toggle.setMinWidth(Region.USE_PREF_SIZE);
        toggle.setOnAction(e -> setOpen(expanded == null || !expanded.isVisible()));
        getChildren().add(head);
    }

    void show(CheckRow r) {
        this.row = r;
        setId("check-" + r.id());
        icon.show(r.status());
        title.setText(r.title());
        summary.setText(r.summary());
        install.setVisible(r.offersDockerInstall());
        ports.setVisible(r.portAction() != null);
        ports.setText(r.portAction() == null ? "" : r.portAction().label());
        ports.getStyleClass().remove(Styles.ACCENT);
        if (r.portAction() != null && r.portAction().takes()) {
            ports.getStyleClass().add(Styles.ACCENT);
        }
        boolean anything = !r.details().isBlank() || !r.fix().isBlank();
        toggle.setVisible(anything);
        if (expanded != null) {
            expanded.show(r);
        }
        if (!anything) {
            setOpen(false);
        } else if (r.status() == Status.FAIL && !r.fix().isBlank()) {
            setOpen(true); // a failure's fix is what the person needs first
        }
    }

    private void setOpen(boolean open) {
        if (open && expanded == null) {
            expanded = new Expanded();
            expanded.show(row);
            getChildren().add(expanded);
        }
        if (expanded != null) {
            expanded.setVisible(open);
        }
        toggle.setText(open ? "Hide" : "Details");
    }
}
