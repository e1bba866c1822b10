package dev.berth.wizardsteps.review;

import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** The generated files as a tree beside a read-only viewer: the whole file, or for a changed file its diff. */
final class FilesPane extends HBox {
    private final TreeView<FileTree> tree = new TreeView<>();

    FilesPane(ReviewViewModel vm) {
        super(12);
        getStyleClass().add("files-pane");
        FileViewer viewer = vm.viewer();
        tree.setId("file-tree");
        tree.setShowRoot(true);
        tree.setPrefWidth(260);
        tree.setMinWidth(220);
        tree.getStyleClass().addAll(Styles.DENSE, "file-tree");
        tree.setCellFactory(t -> new FileCell(vm));
        tree.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null && !now.getValue().folder()) {
                viewer.select(now.getValue().file().path());
            }
        });
        vm.treeProperty().addListener((o, was, now) -> tree.setRoot(now == null ? null : item(now)));

        Label name = new Label();
        name.getStyleClass().add(Styles.TEXT_BOLD);
        name.textProperty().bind(Bindings.createStringBinding(() -> viewer.selectedProperty().get() == null
                ? "Choose a file on the left" : viewer.selectedProperty().get().path(), viewer.selectedProperty()));
        ToggleGroup mode = new ToggleGroup();
        ToggleButton changes = toggle("Changes", mode, Styles.LEFT_PILL);
        ToggleButton whole = toggle("Whole file", mode, Styles.RIGHT_PILL);
        HBox modes = new HBox(changes, whole);
        modes.visibleProperty().bind(viewer.diffProperty().isNotEmpty());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox head = new HBox(8, name, gap, modes);
        head.setAlignment(Pos.CENTER_LEFT);

        TextArea text = new TextArea();
        text.setId("file-text");
        text.setEditable(false);
        text.setWrapText(false);
        text.getStyleClass().add("code");
        text.textProperty().bind(viewer.textProperty());
        DiffLines diff = new DiffLines();
        diff.setId("file-diff");
        viewer.diffProperty().addListener((o, was, now) -> {
            diff.show(now);
            mode.selectToggle(now.isEmpty() ? whole : changes);
        });
        diff.visibleProperty().bind(changes.selectedProperty().and(viewer.diffProperty().isNotEmpty()));
        text.visibleProperty().bind(diff.visibleProperty().not());
        mode.selectToggle(whole);
        mode.selectedToggleProperty().addListener((o, was, now) -> {
            if (now == null) {
                mode.selectToggle(was); // one of the two is always chosen
            }
        });
        StackPane body = new StackPane(text, diff);
        VBox.setVgrow(body, Priority.ALWAYS);
        VBox right = new VBox(8, head, body);
        HBox.setHgrow(right, Priority.ALWAYS);
        getChildren().addAll(tree, right);
        setPrefHeight(340);
        setMinHeight(260);
    }

    private static ToggleButton toggle(String text, ToggleGroup group, String pill) {
        ToggleButton b = new ToggleButton(text);
        b.setToggleGroup(group);
        b.getStyleClass().addAll(pill, Styles.SMALL);
        return b;
    }

    private static TreeItem<FileTree> item(FileTree node) {
        TreeItem<FileTree> item = new TreeItem<>(node);
        node.children().forEach(c -> item.getChildren().add(item(c)));
        item.setExpanded(!node.name().equals("secrets")); // rarely of interest, and never shown anyway
        return item;
    }

    /** A file's name, with a mark for what the deploy does to it (for a stack that is there already) and for a secret. */
    private static final class FileCell extends TreeCell<FileTree> {
        private final ReviewViewModel vm;

        FileCell(ReviewViewModel vm) {
            this.vm = vm;
            setContentDisplay(javafx.scene.control.ContentDisplay.RIGHT);
            setGraphicTextGap(8);
        }

        @Override
        protected void updateItem(FileTree node, boolean empty) {
            super.updateItem(node, empty);
            setGraphic(null);
            if (empty || node == null) {
                setText(null);
                return;
            }
            setText(node.folder() ? node.name() + "/" : node.name());
            if (node.folder()) {
                return;
            }
            ReviewedFile f = node.file();
            HBox marks = new HBox(4);
            if (f.change() != ReviewedFile.Change.UNCHANGED && !vm.firstInstallProperty().get()) {
                marks.getChildren().add(mark(f.change().label(), f.change().name()));
            }
            if (f.secret()) {
                marks.getChildren().add(mark("secret", "secret"));
            }
            setGraphic(marks.getChildren().isEmpty() ? null : marks);
        }

        private static Label mark(String text, String style) {
            Label l = new Label(text);
            l.getStyleClass().addAll("file-mark", style.toLowerCase(java.util.Locale.ROOT));
            return l;
        }
    }
}
