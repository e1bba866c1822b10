package dev.berth.app.gui;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.ScrollPane;

/**
 * Scrolls a focused node into view. A JavaFX ScrollPane does not follow the focus, so a person
 * tabbing down a long page would type into a field they cannot see.
 */
final class FocusScroll {
    /** Room left above or below the node, so its label and focus ring show too. */
    private static final double MARGIN = 24;

    private FocusScroll() {
    }

    static void reveal(ScrollPane pane, Node focused) {
        Node content = pane.getContent();
        if (focused == null || content == null || !inside(focused, content)) {
            return;
        }
        double contentHeight = content.getLayoutBounds().getHeight();
        double viewport = pane.getViewportBounds().getHeight();
        double room = contentHeight - viewport;
        if (room <= 0) {
            return;
        }
        Bounds b = content.sceneToLocal(focused.localToScene(focused.getLayoutBounds()));
        double span = pane.getVmax() - pane.getVmin();
        double top = (pane.getVvalue() - pane.getVmin()) / span * room;
        double wanted = top;
        if (b.getMinY() - MARGIN < top) {
            wanted = b.getMinY() - MARGIN;
        } else if (b.getMaxY() + MARGIN > top + viewport) {
            wanted = Math.min(b.getMaxY() + MARGIN - viewport, b.getMinY() - MARGIN); // a node taller than the view: its top
        }
        if (wanted != top) {
            pane.setVvalue(pane.getVmin() + Math.clamp(wanted / room, 0.0, 1.0) * span);
        }
    }

    private static boolean inside(Node node, Node ancestor) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n == ancestor) {
                return true;
            }
        }
        return false;
    }
}
