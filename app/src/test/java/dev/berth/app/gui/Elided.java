package dev.berth.app.gui;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.text.Text;

/**
 * The labels a window shows cut off: a Labeled whose skin renders an ellipsis ("…" or "...")
 * that its own text does not have. JavaFX elides silently when a label has less room than its
 * text; the rendered text is the skin's LabeledText child. Call on the FX thread, after layout.
 */
final class Elided {
    private Elided() {
    }

    /** Each elided label under the root that is shown, as "its text (shown as: …)". */
    static List<String> in(Node root) {
        List<String> out = new ArrayList<>();
        walk(root, out);
        return out;
    }

    private static void walk(Node node, List<String> out) {
        if (!node.isVisible()) {
            return; // nor anything inside it
        }
        if (node instanceof Labeled l && l.getText() != null && !l.getText().isEmpty()) {
            String rendered = rendered(l);
            if (rendered != null && !rendered.equals(l.getText()) && hasEllipsis(rendered, l) && !hasEllipsis(l.getText(), l)) {
                out.add("\"" + l.getText() + "\" (shown as \"" + rendered + "\")");
            }
        }
        if (node instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                walk(child, out);
            }
        }
    }

    private static boolean hasEllipsis(String text, Labeled l) {
        return text.contains("…") || text.contains("...") || !l.getEllipsisString().isEmpty() && text.contains(l.getEllipsisString());
    }

    /** The text the skin draws (its LabeledText child, style class "text"), or null before the label has a skin. */
    private static String rendered(Labeled l) {
        for (Node child : l.getChildrenUnmodifiable()) {
            if (child instanceof Text t && t.getStyleClass().contains("text")) {
                return t.getText();
            }
        }
        return null;
    }
}
