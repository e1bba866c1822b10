package dev.berth.wizardsteps.done;

import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.layout.GridPane;

/** A grid with an entry (a row or two) per item of a ViewModel's list, redrawn when the list changes. */
final class ListGrid {
    /** Adds one item's nodes from {@code row} on. */
    @FunctionalInterface
    interface Entry<T> {
        void add(GridPane grid, int row, T item);
    }

    private ListGrid() {
    }

    static <T> GridPane of(String id, double hgap, String styleClass, ObservableList<T> items, Entry<T> entry) {
        GridPane grid = new GridPane();
        grid.setId(id);
        grid.setHgap(hgap);
        grid.setVgap(8);
        grid.getStyleClass().add(styleClass);
        Runnable fill = () -> {
            grid.getChildren().clear();
            items.forEach(item -> entry.add(grid, grid.getRowCount(), item));
        };
        items.addListener((ListChangeListener<T>) c -> fill.run());
        fill.run();
        return grid;
    }
}
