package dev.berth.wizardsteps.checks;

import atlantafx.base.theme.Styles;
import dev.berth.wizardsteps.view.Fields;
import dev.berth.wizardsteps.view.Page;
import dev.berth.wizardsteps.view.StatusLine;
import java.util.HashMap;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Button;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** Step 3's page: the check list, live, with Run again. */
public final class ChecksView extends Page {
    private final Map<String, CheckRowView> byId = new HashMap<>();
    private final VBox list = new VBox(8);

    public ChecksView(ChecksViewModel vm) {
        Button again = new Button("_Run again");
        again.setId("run-checks-again");
        again.disableProperty().bind(vm.runningProperty());
        again.setOnAction(e -> vm.runAgain());
        StatusLine running = new StatusLine(Bindings.when(vm.runningProperty()).then("Checking…").otherwise(""), vm.runningProperty());
        HBox top = new HBox(16, again, running);
        top.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        var problem = Fields.messageLabel(vm.problemProperty());
        problem.getStyleClass().remove("field-message");
        problem.getStyleClass().add(Styles.TEXT_BOLD);

        for (CheckRow row : vm.rows()) {
            CheckRowView v = new CheckRowView(vm::copyFix, () -> vm.installDocker().ifPresent(m -> DockerInstallDialog.open(this, m)));
            v.show(row);
            byId.put(row.id(), v);
            list.getChildren().add(v);
        }
        vm.rows().addListener((ListChangeListener<CheckRow>) c -> vm.rows().forEach(r -> {
            CheckRowView v = byId.get(r.id());
            if (v != null) {
                v.show(r);
            }
        }));
        getChildren().addAll(top, problem, list,
                Fields.hint("A failed check blocks Next until it is fixed; warnings do not. The checks run again by themselves "
                        + "when an answer they depend on changes."));
    }
}
