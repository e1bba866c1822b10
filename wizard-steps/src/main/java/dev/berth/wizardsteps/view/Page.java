package dev.berth.wizardsteps.view;

import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.layout.VBox;

/** The body of a step page: a column of sections with even spacing, width capped for reading. */
public class Page extends VBox {
    public Page(Node... children) {
        super(20, children);
        getStyleClass().add("step-page");
        setPadding(new Insets(0, 0, 24, 0));
        setMaxWidth(820);
        setFillWidth(true);
    }
}
