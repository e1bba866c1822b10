package dev.berth.engine.check;

import dev.berth.answers.Answers;
import dev.berth.plan.StackPlan;
import java.util.Optional;

/** What a check's inputs are taken from: the plan (absent when checking the target alone). */
public record CheckInputs(Optional<StackPlan> plan) {
    public CheckInputs {
        plan = plan == null ? Optional.empty() : plan;
    }

    public static CheckInputs of(StackPlan plan) {
        return new CheckInputs(Optional.ofNullable(plan));
    }

    public Optional<Answers> answers() {
        return plan.map(StackPlan::answers);
    }
}
