package dev.berth.app.gui;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.stage.Window;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A person at the keyboard: Tab through a window until the focus is where they want it, and
 * press keys. Nothing here clicks or fires a control; what the focus passes on the way is kept,
 * so a test that cannot reach a control says where the focus went instead.
 */
final class Keys {
    /** More presses than any page has controls: a focus that never arrives fails rather than loops. */
    private static final int MAX_PRESSES = 150;

    private final FxRobot robot;

    Keys(FxRobot robot) {
        this.robot = robot;
    }

    void press(KeyCode... chord) {
        robot.push(chord);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The node with the keyboard focus in the focused window (a dialog while one is open). */
    Node focused() {
        return onFx(() -> {
            // The last focused window is the top one: Monocle leaves the owner of a dialog focused too.
            Window w = Window.getWindows().stream().filter(Window::isFocused).reduce((a, b) -> b)
                    .orElseGet(() -> Window.getWindows().stream().filter(Window::isShowing).reduce((a, b) -> b).orElseThrow());
            Scene scene = w.getScene();
            return scene == null ? null : scene.getFocusOwner();
        });
    }

    /** Presses Tab (forwards) or Shift+Tab until the focused node passes the test; fails with the nodes passed when it never does. */
    Node tabUntil(String what, boolean forwards, Predicate<Node> wanted) {
        List<String> passed = new ArrayList<>();
        for (int i = 0; i < MAX_PRESSES; i++) {
            Node now = focused();
            if (now != null && onFx(() -> wanted.test(now))) {
                return now;
            }
            passed.add(describe(now));
            if (forwards) {
                press(KeyCode.TAB);
            } else {
                press(KeyCode.SHIFT, KeyCode.TAB);
            }
        }
        return fail("Tab never reached " + what + "; the focus went through " + passed.stream().distinct().toList() + " in "
                + onFx(() -> Window.getWindows().stream().map(w -> w.getClass().getSimpleName() + (w.isFocused() ? " (focused)" : "")).toList()));
    }

    /** Tabs forwards to the node with this id. */
    Node tabTo(String id) {
        return tabUntil("#" + id, true, n -> id.equals(n.getId()));
    }

    static String describe(Node n) {
        if (n == null) {
            return "nothing";
        }
        String text = n instanceof javafx.scene.control.Labeled l ? " \"" + l.getText() + "\"" : "";
        return n.getClass().getSimpleName() + (n.getId() == null ? "" : "#" + n.getId()) + text;
    }

    static boolean hasId(Node n, String id) {
        return Objects.equals(n.getId(), id);
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> work) {
        try {
            return WaitForAsyncUtils.asyncFx(work).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
