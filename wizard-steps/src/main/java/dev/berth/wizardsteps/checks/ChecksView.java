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
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** Step 3's page: the check list, live, with Run again; for several machines, one list per machine and their sum. */
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
            CheckRowView v = new CheckRowView(vm::copyFix, () -> vm.installDocker().ifPresent(m -> DockerInstallDialog.open(this, m)),
                    vm::portAction);
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
        Fields.shownWhen(list, vm.severalHostsProperty().not());
        VBox machines = new VBox(16);
        machines.setId("host-checks");
        vm.hostSections().addListener((ListChangeListener<HostSection>) c -> machines.getChildren().setAll(
                vm.hostSections().stream().map(h -> hostSection(vm, h)).toList()));
        Label together = new Label();
        together.setId("hosts-together");
        together.setWrapText(true);
        together.textProperty().bind(Bindings.concat("All machines together: ", vm.togetherProperty()));
        Fields.shownWhen(together, vm.togetherProperty().isNotEmpty());
        VBox several = new VBox(16, machines, together);
        Fields.shownWhen(several, vm.severalHostsProperty());
        getChildren().addAll(top, problem, list, several,
                Fields.hint("A failed check blocks Next until it is fixed; warnings do not. The checks run again by themselves "
                        + "when an answer they depend on changes."));
    }

    /** One machine: its name, what stops its checks, each check as the single machine's page shows it, and its resources. */
    private VBox hostSection(ChecksViewModel vm, HostSection h) {
        VBox box = new VBox(8, Fields.heading(h.heading()));
        box.setId("host-" + h.name());
        if (!h.problem().isEmpty()) {
            Label problem = new Label(h.problem());
            problem.setWrapText(true);
            problem.getStyleClass().addAll(Styles.TEXT_BOLD, Styles.DANGER);
            box.getChildren().add(problem);
        }
        for (CheckRow row : h.rows()) {
            CheckRowView v = new CheckRowView(vm::copyFix, () -> { });
            v.show(row);
            box.getChildren().add(v);
        }
        Label resources = new Label(h.resources().isEmpty() ? "Resources: being measured…" : "Resources: " + h.resources());
        resources.setWrapText(true);
        resources.getStyleClass().add(Styles.TEXT_MUTED);
        box.getChildren().add(resources);
        return box;
    }
}
