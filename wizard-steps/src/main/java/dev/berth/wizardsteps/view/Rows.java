package dev.berth.wizardsteps.view;

import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** Rows of cards side by side. */
public final class Rows {
    private Rows() {
    }

    private static final double GAP = 12;

    /**
     * Cards of equal width sharing the row, whatever their text. An HBox grows children from their
     * own preferred widths (the card with more text would be wider), and asks for their heights at
     * those widths (wrapped text would make every card tall); so each card's preferred width is
     * its share of the row.
     */
    public static HBox even(Region... cards) {
        HBox row = new HBox(GAP, cards);
        for (Region c : cards) {
            HBox.setHgrow(c, Priority.ALWAYS);
            c.setMinWidth(0);
            c.setMaxWidth(Double.MAX_VALUE);
            c.prefWidthProperty().bind(row.widthProperty().subtract(GAP * (cards.length - 1)).divide(cards.length));
        }
        return row;
    }
}
