package dev.berth.wizardsteps.storage;

import dev.berth.engine.check.CheckData;
import dev.berth.engine.check.ComposeProjects;
import dev.berth.wizardsteps.core.CheckLine;
import dev.berth.wizardsteps.core.StepContext;
import dev.berth.wizardsteps.core.WizardModel;
import java.util.Map;
import java.util.Objects;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The stack's name (its Compose project) on the Storage page. For a new stack whose name the
 * person has not typed, Berth proposes one no stack in another folder on the target uses, since
 * two stacks with one name replace each other's containers. Whether the name was the person's
 * (typed, or with the stack or a file) or a proposal is what this class keeps apart.
 */
final class ProjectNameChoice {
    /** What a new stack is called unless a stack in another folder on the target already is. */
    static final String DEFAULT_NAME = "berth";

    private final StepContext ctx;
    private final StringProperty name = new SimpleStringProperty(this, "projectName", DEFAULT_NAME);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "projectNameMessage", "");
    private final ReadOnlyStringWrapper note = new ReadOnlyStringWrapper(this, "projectNameNote", "");
    private final CheckLine check;
    /** The person typed the name (or it came with the stack or a file): never replaced by a proposal. */
    private boolean chosen;
    private boolean proposing;
    /** A proposal changed the name after the checks ran with the old one: check it once they are done. */
    private boolean recheck;

    /** @param edited the name changed (after the model took it) */
    ProjectNameChoice(StepContext ctx, Runnable edited) {
        this.ctx = ctx;
        this.check = new CheckLine(ctx.checks(), "project-name", "Checked once the stack folder is filled in.");
        name.set(ctx.model().projectNameProperty().get());
        name.addListener(o -> {
            if (!proposing) {
                chosen = true;
                note.set("");
            }
            // Blank stays blank (not null, which the answers would turn into 'berth'), so the validator names it.
            ctx.model().setProjectName(name.get().strip());
            edited.run();
        });
        ctx.model().projectNameProperty().addListener((o, was, now) -> {
            if (!Objects.equals(now, name.get().strip())) {
                set(now == null ? "" : now); // a loaded stack or file: its name, not the person's typing
            }
        });
        ctx.checks().runningProperty().addListener((o, was, now) -> {
            if (!now && recheck) {
                recheck = false;
                ctx.checks().refresh();
            }
        });
    }

    StringProperty nameProperty() {
        return name;
    }

    ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    ReadOnlyStringProperty noteProperty() {
        return note.getReadOnlyProperty();
    }

    CheckLine check() {
        return check;
    }

    /** What is wrong with the name as typed, from the validator (empty when it is fine). */
    void showMessage(String problem) {
        message.set(problem);
    }

    /**
     * For a new stack whose name the person has not typed: the usual name unless a stack in
     * another folder on the target has it, else one made from this stack's folder. A stack being
     * changed, or answers from a file, keep their name (the check says when it is taken).
     */
    void propose(String stackDir) {
        if (chosen || proposing || ctx.model().startProperty().get() != WizardModel.Start.NEW || stackDir.isBlank()) {
            return;
        }
        var found = ctx.checks().result("project-name").flatMap(r -> r.data(CheckData.ProjectNames.class));
        if (found.isEmpty()) {
            return;
        }
        ComposeProjects projects = found.get().projects();
        String dir = stackDir.strip();
        String proposal = projects.nameFor(dir, DEFAULT_NAME);
        Map<String, Integer> others = projects.elsewhere(DEFAULT_NAME, dir);
        note.set(proposal.equals(DEFAULT_NAME) ? "" : "'" + DEFAULT_NAME + "' is already the name of the stack in "
                + String.join(" and ", others.keySet().stream().map(f -> f.isEmpty() ? "an unknown folder" : f).toList())
                + " on the target, so this stack is called " + proposal + ": two stacks with one name would replace each "
                + "other's containers.");
        if (!proposal.equals(name.get())) {
            set(proposal);
            recheck = ctx.checks().runningProperty().get(); // else the next run checks the new name
        }
    }

    private void set(String value) {
        proposing = true;
        try {
            name.set(value);
        } finally {
            proposing = false;
        }
    }
}
