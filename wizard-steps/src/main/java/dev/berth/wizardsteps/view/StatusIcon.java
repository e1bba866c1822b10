package dev.berth.wizardsteps.view;

import dev.berth.engine.check.Status;
import javafx.scene.control.Label;

/** A round mark for a check's status: ✓ PASS, ! WARN, ✕ FAIL, – SKIP, … still running. */
public final class StatusIcon extends Label {
    public StatusIcon() {
        getStyleClass().add("status-icon");
        show(null);
    }

    /** @param status null while waiting */
    public void show(Status status) {
        getStyleClass().removeAll("pass", "warn", "fail", "skip");
        if (status == null) {
            setText("…");
            setAccessibleText("still checking");
            return;
        }
        getStyleClass().add(status.name().toLowerCase(java.util.Locale.ROOT));
        setText(switch (status) {
            case PASS -> "✓";
            case WARN -> "!";
            case FAIL -> "✕";
            case SKIP -> "–";
        });
        setAccessibleText(status.name());
    }
}
