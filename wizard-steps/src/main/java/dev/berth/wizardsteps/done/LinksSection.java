package dev.berth.wizardsteps.done;

import atlantafx.base.theme.Styles;
import dev.berth.engine.check.Status;
import dev.berth.wizardsteps.view.Fields;
import dev.berth.wizardsteps.view.StatusIcon;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The Done page's Links table: a mark, the link and what the app said, with Retry (and Cancel while it runs). */
final class LinksSection {
    private LinksSection() {
    }

    static VBox of(DoneViewModel vm) {
        GridPane table = ListGrid.of("links", 12, "step-list", vm.links(), LinksSection::addRow);

        Label summary = Fields.hint("links-summary", vm.linksSummaryProperty());

        Button retry = new Button("_Retry");
        retry.setId("retry-wiring");
        retry.setMnemonicParsing(true);
        retry.setOnAction(e -> vm.retry());
        Fields.shownWhen(retry, vm.canRetryProperty());
        HBox actions = TaskLine.of(retry, vm.retryingProperty(), vm.retryProgressProperty(), vm::cancelRetry,
                vm.retryMessageProperty(), "retry");

        VBox box = new VBox(10, Fields.heading("Links between the apps"), summary, table, actions);
        Fields.shownWhen(box, Bindings.isNotEmpty(vm.links()));
        return box;
    }

    private static void addRow(GridPane table, int row, LinkRow l) {
        StatusIcon mark = new StatusIcon();
        mark.show(switch (l.status()) {
            case OK -> Status.PASS;
            case NEEDS_ATTENTION -> Status.WARN;
            case LEFT_ALONE -> Status.SKIP;
        });
        Label label = new Label(l.label());
        label.getStyleClass().add(Styles.TEXT_BOLD);
        label.setMinWidth(Label.USE_PREF_SIZE);
        Label detail = new Label(l.detail());
        detail.setWrapText(true);
        detail.getStyleClass().add(switch (l.status()) {
            case NEEDS_ATTENTION -> Styles.WARNING;
            case OK, LEFT_ALONE -> Styles.TEXT_MUTED;
        });
        GridPane.setHgrow(detail, Priority.ALWAYS);
        table.addRow(row, mark, label, detail);
    }
}
