package dev.berth.wizardsteps.core;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The shell's ViewModel: which step is current, where Back and Next lead, and each step's state
 * for the sidebar. Steps that say they are not shown are skipped. The sidebar may jump back to
 * any visited step, and forward only over steps whose answers are good.
 */
public final class WizardFlow {
    private final List<StepViewModel> steps;
    private final ReadOnlyObjectWrapper<StepViewModel> current = new ReadOnlyObjectWrapper<>(this, "current");
    private final ReadOnlyBooleanWrapper canGoBack = new ReadOnlyBooleanWrapper(this, "canGoBack");
    private final ReadOnlyBooleanWrapper canGoNext = new ReadOnlyBooleanWrapper(this, "canGoNext");
    private final ReadOnlyBooleanWrapper onLast = new ReadOnlyBooleanWrapper(this, "onLast");
    private final Map<StepViewModel, ReadOnlyObjectWrapper<StepStatus>> statuses = new HashMap<>();
    private final Set<StepViewModel> visited = new HashSet<>();
    /** Steps the person went on from: only those are flagged, not the page they are filling in for the first time. */
    private final Set<StepViewModel> left = new HashSet<>();

    public WizardFlow(List<StepViewModel> steps) {
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("a wizard needs at least one step");
        }
        this.steps = List.copyOf(steps);
        for (StepViewModel s : this.steps) {
            statuses.put(s, new ReadOnlyObjectWrapper<>(s, "status", StepStatus.NOT_VISITED));
            s.validProperty().addListener(o -> update());
            s.shownProperty().addListener(o -> update());
            s.busyProperty().addListener(o -> update());
        }
    }

    /** Enters the first shown step. */
    public void start() {
        go(steps.stream().filter(s -> s.shownProperty().get()).findFirst().orElse(steps.getFirst()));
    }

    public List<StepViewModel> steps() {
        return steps;
    }

    public ReadOnlyObjectProperty<StepViewModel> currentProperty() {
        return current.getReadOnlyProperty();
    }

    public StepViewModel current() {
        return current.get();
    }

    public ReadOnlyBooleanProperty canGoBackProperty() {
        return canGoBack.getReadOnlyProperty();
    }

    /** True when the current step is valid and a step follows it. */
    public ReadOnlyBooleanProperty canGoNextProperty() {
        return canGoNext.getReadOnlyProperty();
    }

    /** True on the last shown step (the shell then hides Next; the last step acts on its own). */
    public ReadOnlyBooleanProperty onLastProperty() {
        return onLast.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<StepStatus> statusProperty(StepViewModel step) {
        return statuses.get(step).getReadOnlyProperty();
    }

    public void next() {
        if (canGoNext.get()) {
            go(neighbour(+1));
        }
    }

    public void back() {
        if (canGoBack.get()) {
            go(neighbour(-1));
        }
    }

    /** Whether the sidebar may jump to this step now. */
    public boolean canJumpTo(StepViewModel target) {
        if (!target.shownProperty().get() || target == current.get() || current.get().busyProperty().get()) {
            return false;
        }
        int to = steps.indexOf(target);
        int from = steps.indexOf(current.get());
        if (to < from) {
            return true;
        }
        // Forward only over good answers, and only as far as the person has been.
        for (int i = from; i < to; i++) {
            StepViewModel s = steps.get(i);
            if (s.shownProperty().get() && !s.isValid()) {
                return false;
            }
        }
        return visited.contains(target) || to == nextShownIndex(from);
    }

    public void jumpTo(StepViewModel target) {
        if (canJumpTo(target)) {
            go(target);
        }
    }

    /** Calls every step's close(): the wizard is closing. */
    public void close() {
        steps.forEach(StepViewModel::close);
    }

    private void go(StepViewModel target) {
        StepViewModel was = current.get();
        if (was != null) {
            was.leave();
            left.add(was);
        }
        visited.add(target);
        current.set(target);
        target.enter();
        update();
    }

    private StepViewModel neighbour(int direction) {
        int i = steps.indexOf(current.get());
        for (int j = i + direction; j >= 0 && j < steps.size(); j += direction) {
            if (steps.get(j).shownProperty().get()) {
                return steps.get(j);
            }
        }
        return null;
    }

    private int nextShownIndex(int from) {
        for (int j = from + 1; j < steps.size(); j++) {
            if (steps.get(j).shownProperty().get()) {
                return j;
            }
        }
        return -1;
    }

    private void update() {
        StepViewModel c = current.get();
        for (StepViewModel s : steps) {
            StepStatus st = !visited.contains(s) ? StepStatus.NOT_VISITED
                    : s.isValid() ? StepStatus.COMPLETE
                    : left.contains(s) ? StepStatus.NEEDS_ATTENTION : StepStatus.NOT_VISITED;
            statuses.get(s).set(st);
        }
        if (c == null) {
            return;
        }
        boolean busy = c.busyProperty().get();
        canGoBack.set(!busy && neighbour(-1) != null);
        StepViewModel next = neighbour(+1);
        onLast.set(next == null);
        canGoNext.set(!busy && next != null && c.isValid());
    }
}
