package dev.berth.wizardsteps.apps;

import dev.berth.wizardsteps.view.Fields;
import dev.berth.wizardsteps.view.Page;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.TilePane;
import javafx.scene.layout.VBox;

/** Step 5's page: the memory estimate on top, then one row of cards per category, then the options for watching when they matter. */
public final class AppsView extends Page {
    public AppsView(AppsViewModel vm) {
        ProgressBar bar = new ProgressBar();
        bar.progressProperty().bind(vm.ramShareProperty());
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.getStyleClass().add("ram-bar");
        Label ram = new Label();
        ram.setId("ram-total");
        ram.setWrapText(true);
        ram.textProperty().bind(vm.ramTextProperty());
        Label problem = Fields.messageLabel(vm.problemProperty());
        problem.setId("apps-problem");
        VBox top = new VBox(6, ram, bar, problem);
        getChildren().add(top);

        for (var entry : vm.cardsByCategory().entrySet()) {
            TilePane row = new TilePane(12, 12);
            row.setPrefColumns(3);
            row.setTileAlignment(javafx.geometry.Pos.TOP_LEFT);
            for (AppCard card : entry.getValue()) {
                row.getChildren().add(new AppCardView(card));
            }
            getChildren().add(new VBox(10, Fields.heading(entry.getKey().title()), row));
        }

        Label others = new Label();
        others.setWrapText(true);
        Runnable showOthers = () -> others.setText(String.join("\n", vm.alsoRunning()));
        vm.alsoRunning().addListener((ListChangeListener<String>) c -> showOthers.run());
        showOthers.run();
        VBox also = new VBox(8, Fields.heading("Also running"), others);
        also.visibleProperty().bind(others.textProperty().isNotEmpty());
        also.managedProperty().bind(also.visibleProperty());
        getChildren().add(also);
        getChildren().add(WatchingSection.of(vm));
    }
}
