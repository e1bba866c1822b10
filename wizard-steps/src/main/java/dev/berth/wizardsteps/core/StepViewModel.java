package dev.berth.wizardsteps.core;

import java.util.Objects;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The step contract: what the shell needs from every step's ViewModel. A title; whether its
 * answers are good ({@link #validProperty}, which Next is bound to); a one-line summary for the
 * sidebar and the Review page; whether it is shown at all; and hooks for entering and leaving.
 *
 * <p>A ViewModel holds the step's state and validation and writes its answers into the shared
 * {@link WizardModel}. It uses javafx.beans and javafx.collections only, never javafx.scene (an
 * ArchUnit test checks), so it is tested without a display. Its properties change on the UI
 * thread only; slow work goes through {@link StepContext#tasks()}.
 */
public abstract class StepViewModel {
    protected final StepContext ctx;
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(this, "valid", false);
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyBooleanWrapper shown = new ReadOnlyBooleanWrapper(this, "shown", true);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy", false);

    protected StepViewModel(StepContext ctx) {
        this.ctx = Objects.requireNonNull(ctx);
    }

    /** Short, for the sidebar and the page header, e.g. "Storage". */
    public abstract String title();

    /** One sentence under the header saying what the step is for. */
    public abstract String description();

    /** Whether Next may be pressed. */
    public final ReadOnlyBooleanProperty validProperty() {
        return valid.getReadOnlyProperty();
    }

    public final boolean isValid() {
        return valid.get();
    }

    /** What was chosen, in one line: "media@nas.local, connected". Empty when nothing yet. */
    public final ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** False when the step does not apply (e.g. VPN details with the VPN off): it is skipped. */
    public final ReadOnlyBooleanProperty shownProperty() {
        return shown.getReadOnlyProperty();
    }

    /**
     * True while the step does work that must not be left half-way (a deploy): Back, Next and the
     * sidebar wait, and closing the window asks first.
     */
    public final ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** The Next button's text on this step, with {@code _} before the mnemonic letter ("_Deploy" on Review). */
    public String nextLabel() {
        return "_Next";
    }

    /** Called when the step becomes the current one: refresh from the model, start checks. */
    public void enter() {
    }

    /** Called when the person goes elsewhere (Next, Back or the sidebar): stop what is only for this page. */
    public void leave() {
    }

    /** Called once when the wizard closes: cancel everything still running. */
    public void close() {
    }

    /**
     * The window is closing while the step is busy: stop as soon as it is safe (a deploy puts the
     * previous stack back first). Busy turns false once stopped; the window then closes.
     */
    public void stop() {
    }

    protected final void setValid(boolean value) {
        valid.set(value);
    }

    protected final void setSummary(String value) {
        summary.set(value == null ? "" : value);
    }

    protected final void setShown(boolean value) {
        shown.set(value);
    }

    protected final void setBusy(boolean value) {
        busy.set(value);
    }

    /** For bindings: the writable side of the validity. */
    protected final ReadOnlyBooleanWrapper validWrapper() {
        return valid;
    }
}
