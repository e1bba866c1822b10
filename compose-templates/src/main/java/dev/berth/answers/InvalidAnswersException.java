package dev.berth.answers;

import java.util.List;

/** Answers that cannot be planned; carries every problem, not just the first. */
public final class InvalidAnswersException extends RuntimeException {
    private final List<Problem> problems;

    public InvalidAnswersException(List<Problem> problems) {
        super("The answers have " + problems.size() + " problem(s):\n  "
                + String.join("\n  ", problems.stream().map(Problem::toString).toList()));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
