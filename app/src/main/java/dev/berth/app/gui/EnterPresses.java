package dev.berth.app.gui;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Hyperlink;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/**
 * Enter on a focused button or link presses it, on every system. JavaFX does so on Linux and
 * Windows, but on macOS gives Enter to the default button (Next, or a dialog's OK) wherever the
 * focus is: a person who tabbed to Back or Cancel and pressed Enter would get Next or OK instead.
 */
final class EnterPresses {
    private EnterPresses() {
    }

    /** Installs on a window's root (the shell, a dialog's pane). */
    static void focusedButton(Node root) {
        // A handler, not a filter: a control that uses Enter itself (a text field's action) keeps it.
        root.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() != KeyCode.ENTER || e.isAltDown() || e.isControlDown() || e.isShiftDown() || e.isMetaDown()) {
                return;
            }
            if (e.getTarget() instanceof ButtonBase b && (b instanceof Button || b instanceof Hyperlink)
                    && b.isFocused() && !b.isDisabled()) {
                e.consume();
                b.fire();
            }
        });
    }
}
