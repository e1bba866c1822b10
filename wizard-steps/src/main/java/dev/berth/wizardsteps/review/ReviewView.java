package dev.berth.wizardsteps.review;

import atlantafx.base.theme.Styles;
import dev.berth.engine.deploy.DeployOptions;
import dev.berth.wizardsteps.core.StepViewModel;
import dev.berth.wizardsteps.view.Fields;
import dev.berth.wizardsteps.view.Page;
import dev.berth.wizardsteps.view.StatusLine;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** Step 9's page: a moved root's choice, the choices, the services and files that change, the files with a viewer, the steps, save and export. */
public final class ReviewView extends Page {
    public ReviewView(ReviewViewModel vm) {
        StatusLine status = new StatusLine(vm.messageProperty(), vm.stateProperty().isEqualTo(ReviewViewModel.State.PREVIEWING));
        status.label().setId("review-message");
        vm.stateProperty().addListener((o, was, now) -> status.outcome(now == ReviewViewModel.State.FAILED ? Boolean.FALSE : null));
        CheckBox adopt = new CheckBox("_Take over this folder (Berth backs up each file it replaces)");
        adopt.setMnemonicParsing(true);
        adopt.setId("adopt");
        adopt.selectedProperty().bindBidirectional(vm.adoptProperty());
        Fields.shownWhen(adopt, vm.foreignProperty().or(vm.adoptProperty()));

        VBox choices = new VBox(10, Fields.heading("Your choices"), summaries(vm));

        VBox serviceLines = new VBox(6);
        serviceLines.setId("service-changes");
        bullets(serviceLines, vm.serviceChanges());
        VBox services = new VBox(8, Fields.heading("What happens to the services"), serviceLines);
        Fields.shownWhen(services, Bindings.isNotEmpty(vm.serviceChanges()));

        VBox settingsLines = new VBox(6);
        settingsLines.setId("client-settings");
        bullets(settingsLines, vm.clientSettings());
        VBox clientSettings = new VBox(8, Fields.heading("Download clients' settings"), settingsLines);
        Fields.shownWhen(clientSettings, Bindings.isNotEmpty(vm.clientSettings()));

        VBox folders = folderChoice(vm);

        FlowPane changed = new FlowPane(8, 8);
        changed.setId("changed-files");
        vm.changes().addListener((ListChangeListener<ReviewedFile>) c -> changed.getChildren().setAll(vm.changes().stream()
                .map(f -> changeLink(vm, f)).toList()));
        VBox changes = new VBox(8, Fields.heading("What changes"), changed,
                Fields.hint("Pick a file to see its changes. Secret files are named, never shown."));
        Fields.shownWhen(changes, Bindings.isNotEmpty(vm.changes()));

        VBox files = new VBox(10, Fields.heading("Files Berth writes"), new FilesPane(vm));
        Fields.shownWhen(files, vm.treeProperty().isNotNull());

        VBox jobList = new VBox(6);
        jobList.setId("job-list");
        vm.jobs().addListener((ListChangeListener<String>) c -> {
            jobList.getChildren().clear();
            for (int i = 0; i < vm.jobs().size(); i++) {
                jobList.getChildren().add(jobLine(i + 1, vm.jobs().get(i)));
            }
        });
        VBox steps = new VBox(10, Fields.heading("What happens when you deploy"), jobList,
                Fields.hint("If a step fails, Berth undoes the steps before it in reverse and your previous stack runs as it did."));
        Fields.shownWhen(steps, Bindings.isNotEmpty(vm.jobs()));

        getChildren().addAll(new VBox(8, status, adopt), folders, placement(vm.placement()), choices, services, clientSettings, changes, files, steps, actions(vm));
    }

    /**
     * Where each service runs on a stack on several machines: per machine its services, each with
     * its deciding reason and a choice of machine that pins it, and the placer's problem beside a pin it refuses.
     */
    private static VBox placement(HostPlacement placement) {
        VBox hosts = new VBox(12);
        hosts.setId("placement");
        Runnable fill = () -> {
            // Choosing a machine rebuilds the rows: the keyboard focus goes back to that app's new choice, so the
            // arrow keys keep working in it instead of the focus falling out of the page.
            String focused = hosts.getScene() != null && hosts.getScene().getFocusOwner() instanceof ComboBox<?> c
                    && c.getId() != null && c.getId().startsWith("host-of-") ? c.getId() : null;
            hosts.getChildren().clear();
            List<String> order = placement.rows().isEmpty() ? List.of() : placement.rows().getFirst().choices();
            for (String host : order) {
                List<PlacementRow> on = placement.rows().stream().filter(r -> r.host().equals(host)).toList();
                Label heading = new Label(placement.report().stream().filter(l -> l.startsWith(host + " ") || l.startsWith(host + ":"))
                        .findFirst().orElse(host));
                heading.getStyleClass().add(Styles.TEXT_BOLD);
                GridPane grid = new GridPane();
                grid.setHgap(12);
                grid.setVgap(6);
                // The name and the choice keep their width; the reason takes what is left and wraps.
                ColumnConstraints name = new ColumnConstraints();
                name.setMinWidth(120);
                ColumnConstraints choice = new ColumnConstraints();
                choice.setMinWidth(150);
                ColumnConstraints why = new ColumnConstraints();
                why.setHgrow(Priority.ALWAYS);
                grid.getColumnConstraints().addAll(name, choice, why);
                int row = 0;
                for (PlacementRow r : on) {
                    grid.addRow(row++, new Label(r.service()), hostChoice(placement, r), reason(r));
                }
                hosts.getChildren().add(new VBox(6, heading, grid));
            }
            if (focused != null) {
                hosts.getChildren().stream().flatMap(h -> ((VBox) h).getChildren().stream()).filter(GridPane.class::isInstance)
                        .flatMap(g -> ((GridPane) g).getChildren().stream()).filter(n -> focused.equals(n.getId()))
                        .findFirst().ifPresent(javafx.scene.Node::requestFocus);
            }
        };
        placement.rows().addListener((ListChangeListener<PlacementRow>) c -> fill.run());
        fill.run();
        Label basis = Fields.hint("placement-basis", placement.basisProperty());
        Label problem = Fields.messageLabel(placement.problemProperty());
        problem.setId("placement-problem");
        VBox box = new VBox(10, Fields.heading("Where each app runs"), basis, problem, hosts,
                Fields.hint("Choose a machine to pin an app there (placement.pins in the answers); Berth keeps the rules that "
                        + "cannot bend: the VPN's apps beside Gluetun, the download clients and *arr apps beside the data."));
        Fields.shownWhen(box, placement.basisProperty().isNotEmpty());
        return box;
    }

    /** The machine a service runs on; picking one pins it, "Berth chooses" lets the placer decide again. */
    private static ComboBox<String> hostChoice(HostPlacement placement, PlacementRow r) {
        ComboBox<String> choice = new ComboBox<>();
        choice.setId("host-of-" + r.service());
        choice.setMaxWidth(Double.MAX_VALUE);
        choice.getItems().add(BERTH_CHOOSES);
        choice.getItems().addAll(r.choices());
        choice.setValue(r.pinned() ? r.pinnedTo() : BERTH_CHOOSES);
        choice.setAccessibleText("Machine for " + r.service());
        choice.valueProperty().addListener((o, was, now) -> placement.pin(r.service(), BERTH_CHOOSES.equals(now) ? null : now));
        return choice;
    }

    private static final String BERTH_CHOOSES = "Berth chooses";

    private static Label reason(PlacementRow r) {
        Label reason = new Label(r.problem().isEmpty() ? r.reason() : r.problem());
        reason.setId("placement-reason-" + r.service());
        reason.setWrapText(true);
        if (r.problem().isEmpty()) {
            reason.getStyleClass().add(Styles.TEXT_MUTED);
        } else {
            reason.getStyleClass().add(Styles.DANGER);
        }
        return reason;
    }

    /** A moved app folder or data root: what it means, and move or keep, one of which must be chosen. */
    private static VBox folderChoice(ReviewViewModel vm) {
        Label what = new Label();
        what.setId("root-move");
        what.setWrapText(true);
        what.textProperty().bind(vm.rootMoveProperty());
        ToggleGroup group = new ToggleGroup();
        RadioButton move = new RadioButton("_Move the folders: stop the apps, move their folders to the new place, check, then start them");
        move.setId("move-folders");
        RadioButton keep = new RadioButton("_Keep the folders where they are: the apps start afresh with empty folders in the new place");
        keep.setId("keep-folders");
        for (RadioButton b : List.of(move, keep)) {
            b.setMnemonicParsing(true);
            b.setWrapText(true);
            b.setToggleGroup(group);
        }
        Runnable select = () -> group.selectToggle(switch (vm.foldersProperty().get()) {
            case MOVE -> move;
            case KEEP -> keep;
            case UNDECIDED -> null;
        });
        vm.foldersProperty().addListener(o -> select.run());
        select.run();
        move.setOnAction(e -> vm.foldersProperty().set(DeployOptions.FolderChoice.MOVE));
        keep.setOnAction(e -> vm.foldersProperty().set(DeployOptions.FolderChoice.KEEP));
        VBox box = new VBox(8, Fields.heading("A folder moves"), what, move, keep);
        box.setId("folder-choice");
        // Stays while a choice is made, so a move Berth refuses can still be switched to keep.
        Fields.shownWhen(box, vm.rootMoveProperty().isNotEmpty()
                .or(vm.foldersProperty().isNotEqualTo(DeployOptions.FolderChoice.UNDECIDED)));
        return box;
    }

    private static GridPane summaries(ReviewViewModel vm) {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("summary-card");
        grid.setHgap(20);
        grid.setVgap(10);
        ColumnConstraints title = new ColumnConstraints();
        title.setMinWidth(130);
        ColumnConstraints text = new ColumnConstraints();
        text.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(title, text);
        Runnable fill = () -> {
            grid.getChildren().clear();
            int row = 0;
            for (StepViewModel step : vm.reviewed()) {
                Label t = new Label(step.title());
                t.getStyleClass().add(Styles.TEXT_BOLD);
                t.setMinWidth(Region.USE_PREF_SIZE); // a longer step title widens the column rather than being cut off
                Label s = new Label();
                s.setWrapText(true);
                s.textProperty().bind(Bindings.when(step.summaryProperty().isEmpty()).then("—").otherwise(step.summaryProperty()));
                s.getStyleClass().add(Styles.TEXT_MUTED);
                Fields.shownWhen(t, step.shownProperty());
                Fields.shownWhen(s, step.shownProperty());
                grid.addRow(row++, t, s);
            }
        };
        vm.reviewed().addListener((ListChangeListener<StepViewModel>) c -> fill.run());
        fill.run();
        return grid;
    }

    private static Hyperlink changeLink(ReviewViewModel vm, ReviewedFile f) {
        Hyperlink link = new Hyperlink(f.path() + " · " + f.change().label());
        link.getStyleClass().addAll("change-chip", f.change().name().toLowerCase(java.util.Locale.ROOT));
        link.setOnAction(e -> vm.viewer().select(f.path()));
        return link;
    }

    private static HBox jobLine(int number, String description) {
        Label n = new Label(Integer.toString(number));
        n.getStyleClass().add("job-number");
        Label text = new Label(description);
        text.setWrapText(true);
        HBox line = new HBox(10, n, text);
        line.setAlignment(Pos.CENTER_LEFT);
        return line;
    }

    private static VBox actions(ReviewViewModel vm) {
        Button save = new Button("_Save answers…");
        save.setMnemonicParsing(true);
        save.setId("save-answers");
        save.setOnAction(e -> vm.saveAnswers());
        Button export = new Button("E_xport files…");
        export.setMnemonicParsing(true);
        export.setId("export-files");
        export.disableProperty().bind(vm.stateProperty().isNotEqualTo(ReviewViewModel.State.READY));
        export.setOnAction(e -> vm.exportFiles());
        Label message = new Label();
        message.setId("export-message");
        message.setWrapText(true);
        message.textProperty().bind(vm.exportMessageProperty());
        vm.exportFailedProperty().addListener((o, was, bad) -> message.pseudoClassStateChanged(Styles.STATE_DANGER, bad));
        message.getStyleClass().add("file-message");
        return new VBox(8, Fields.heading("Keep a copy"), new HBox(10, save, export),
                Fields.hint("The answers file (without passwords) opens again with berth --answers FILE. Exported files are the "
                        + "stack as Berth writes it, to read or to deploy by hand."), message);
    }

    /** Keeps {@code box} showing one wrapped "• line" label per line of {@code lines}. */
    private static void bullets(VBox box, ObservableList<String> lines) {
        lines.addListener((ListChangeListener<String>) c -> box.getChildren().setAll(lines.stream().map(line -> {
            Label l = new Label("• " + line);
            l.setWrapText(true);
            return l;
        }).toList()));
    }
}
