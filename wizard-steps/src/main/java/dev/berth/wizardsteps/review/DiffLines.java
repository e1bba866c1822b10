package dev.berth.wizardsteps.review;

import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;

/** A unified diff, one line per row, added lines green and removed ones red, like a code review. */
final class DiffLines extends ListView<String> {
    DiffLines() {
        getStyleClass().addAll("diff-lines", "code");
        setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(String line, boolean empty) {
                super.updateItem(line, empty);
                getStyleClass().removeAll("added", "removed", "hunk", "header");
                if (empty || line == null) {
                    setText(null);
                    return;
                }
                setText(line.isEmpty() ? " " : line);
                if (line.startsWith("+++") || line.startsWith("---")) {
                    getStyleClass().add("header");
                } else if (line.startsWith("@@")) {
                    getStyleClass().add("hunk");
                } else if (line.startsWith("+")) {
                    getStyleClass().add("added");
                } else if (line.startsWith("-")) {
                    getStyleClass().add("removed");
                }
            }
        });
    }

    void show(String diff) {
        getItems().setAll(diff.lines().toList());
        scrollTo(0);
    }
}
