package dev.berth.wizardsteps;

import dev.berth.wizardsteps.core.StepViewModel;
import java.util.function.Function;
import javafx.scene.Node;

/**
 * One step: its ViewModel, made when the wizard starts, and how to build its View, which the
 * shell does the first time the step is shown (so start-up builds only the first page).
 *
 * @param <M> the ViewModel's type
 */
public record WizardStep<M extends StepViewModel>(M viewModel, Function<M, Node> view) {
    public static <M extends StepViewModel> WizardStep<M> of(M viewModel, Function<M, Node> view) {
        return new WizardStep<>(viewModel, view);
    }

    public Node createView() {
        return view.apply(viewModel);
    }
}
