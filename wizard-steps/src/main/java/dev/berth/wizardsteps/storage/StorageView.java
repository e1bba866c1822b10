package dev.berth.wizardsteps.storage;

import dev.berth.wizardsteps.core.CheckLine;
import dev.berth.wizardsteps.view.Fields;
import dev.berth.wizardsteps.view.Page;
import dev.berth.wizardsteps.view.StatusIcon;
import javafx.beans.property.StringProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** Step 4's page: the three folders (with pickers on this computer), ids and time zone, the tree preview and the hardlink result. */
public final class StorageView extends Page {
    public StorageView(StorageViewModel vm) {
        VBox folders = new VBox(12, Fields.heading("Folders"),
                path(vm, "dataRoot", "_Media and downloads (data root)", vm.dataRootProperty(), "/srv/media"),
                path(vm, "configRoot", "App _settings (config root)", vm.configRootProperty(), "/opt/berth/config"),
                path(vm, "stackDir", "Stack _folder (compose.yaml, secrets)", vm.stackDirProperty(), "/opt/berth"),
                projectName(vm), result(vm.folders(), "folders-result"), result(vm.hardlinks(), "hardlink-result"));

        GridPane owner = new GridPane();
        owner.setHgap(16);
        owner.setVgap(12);
        owner.add(Fields.field("P_UID", Fields.text(vm.puidProperty(), "1000", "puid"), vm.messageProperty("puid")), 0, 0);
        owner.add(Fields.field("P_GID", Fields.text(vm.pgidProperty(), "1000", "pgid"), vm.messageProperty("pgid")), 1, 0);
        owner.add(Fields.field("_Time zone", Fields.text(vm.timeZoneProperty(), "Europe/Berlin", "timeZone"), vm.messageProperty("timeZone")), 2, 0);
        CheckBox transcoding = new CheckBox("_Hardware transcoding (pass /dev/dri to the media server)");
        transcoding.setMnemonicParsing(true);
        transcoding.selectedProperty().bindBidirectional(vm.hardwareTranscodingProperty());
        VBox ids = new VBox(12, Fields.heading("Owner and time"), owner,
                Fields.hint("Every container writes files as this user and group; taken from the target's user. "
                        + "The time zone makes schedules and logs match your clock."), transcoding);

        Label treeText = new Label();
        treeText.getStyleClass().add("code");
        Runnable drawTree = () -> treeText.setText(String.join("\n", vm.tree()));
        vm.tree().addListener((ListChangeListener<String>) c -> drawTree.run());
        drawTree.run();
        VBox treeBox = new VBox(treeText);
        treeBox.getStyleClass().add("tree-preview");
        Label treeNote = Fields.hint("");
        treeNote.textProperty().bind(vm.treeNoteProperty());

        VBox preview = new VBox(10, Fields.heading("Folders Berth creates"), treeBox, treeNote);

        getChildren().addAll(folders, ids, preview);
    }

    /** The stack's name, why Berth chose it when it is not the usual one, and whether another stack has it. */
    private static VBox projectName(StorageViewModel vm) {
        TextField f = Fields.text(vm.projectNameProperty(), "berth", "projectName");
        f.focusedProperty().addListener((o, was, now) -> {
            if (!now) {
                vm.pathLeft();
            }
        });
        Label note = Fields.hint("");
        note.setId("projectName-note");
        note.textProperty().bind(vm.projectNameNoteProperty());
        Fields.shownWhen(note, vm.projectNameNoteProperty().isNotEmpty());
        return new VBox(6, Fields.field("Stack _name (names its containers; one stack per name on the target)", f,
                vm.projectNameMessageProperty()), note, result(vm.projectNameCheck(), "projectName-result"));
    }

    private static HBox result(CheckLine line, String id) {
        StatusIcon icon = new StatusIcon();
        line.statusProperty().addListener((o, was, now) -> icon.show(now));
        icon.show(line.statusProperty().get());
        Label label = new Label();
        label.setWrapText(true);
        label.setId(id);
        label.textProperty().bind(line.textProperty());
        HBox row = new HBox(10, icon, label);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private static VBox path(StorageViewModel vm, String field, String label, StringProperty value, String prompt) {
        TextField f = Fields.text(value, prompt, field);
        f.focusedProperty().addListener((o, was, now) -> {
            if (!now) {
                vm.pathLeft();
            }
        });
        Button browse = new Button("Browse…");
        browse.setOnAction(e -> vm.chooseFolder(field));
        Fields.shownWhen(browse, vm.localProperty());
        HBox row = new HBox(8, f, browse);
        HBox.setHgrow(f, Priority.ALWAYS);
        return Fields.field(label, f, row, vm.messageProperty(field));
    }
}
