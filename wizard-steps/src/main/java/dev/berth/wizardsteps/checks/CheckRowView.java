package dev.berth.wizardsteps.checks;

import atlantafx.base.theme.Styles;
import dev.berth.wizardsteps.view.StatusIcon;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** One check: status mark, title and summary; details and the fix command (with Copy) on expand. */
final class CheckRowView extends VBox {
    private final StatusIcon icon = new StatusIcon();
    private final Label title = new Label();
    private final Label summary = new Label();
    private final Hyperlink toggle = new Hyperlink("Details");
    private final Label details = new Label();
    private final TextField fix = new TextField();
    private final Button copy = new Button("Copy");
    private final VBox more = new VBox(8);
    private final HBox fixRow;
    private CheckRow row;

    CheckRowView(Consumer<CheckRow> copyFix) {
        super(6);
        getStyleClass().add("check-row");
        title.getStyleClass().add(Styles.TEXT_BOLD);
        summary.setWrapText(true);
        summary.getStyleClass().add(Styles.TEXT_MUTED);
        VBox text = new VBox(2, title, summary);
        HBox.setHgrow(text, Priority.ALWAYS);
        Region gap = new Region();
        HBox head = new HBox(12, icon, text, gap, toggle);
        head.setAlignment(Pos.CENTER_LEFT);
        toggle.setMinWidth(Region.USE_PREF_SIZE);
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
        more.getChildren().addAll(details, fixRow);
        more.setPadding(new javafx.geometry.Insets(4, 0, 0, 34));
        more.setVisible(false);
        more.managedProperty().bind(more.visibleProperty());
        toggle.setOnAction(e -> {
            more.setVisible(!more.isVisible());
            toggle.setText(more.isVisible() ? "Hide" : "Details");
        });
        getChildren().addAll(head, more);
    }

    void show(CheckRow r) {
        this.row = r;
        setId("check-" + r.id());
        icon.show(r.status());
        title.setText(r.title());
        summary.setText(r.summary());
        details.setText(r.details());
        details.setVisible(!r.details().isBlank());
        details.setManaged(details.isVisible());
        fix.setText(r.fix());
        fixRow.setVisible(!r.fix().isBlank());
        fixRow.setManaged(fixRow.isVisible());
        copy.setText("Copy");
        boolean anything = !r.details().isBlank() || !r.fix().isBlank();
        toggle.setVisible(anything);
        if (!anything) {
            more.setVisible(false);
        }
        if (r.status() == dev.berth.engine.check.Status.FAIL && !r.fix().isBlank() && !more.isVisible()) {
            more.setVisible(true); // a failure's fix is what the person needs first
            toggle.setText("Hide");
        }
    }
}
