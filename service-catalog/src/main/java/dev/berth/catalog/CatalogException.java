package dev.berth.catalog;

import java.util.List;

/** A catalog that cannot be used, with every problem found, each naming its file and field. */
public final class CatalogException extends RuntimeException {
    private final List<String> problems;

    public CatalogException(List<String> problems) {
        super("The service catalog has " + problems.size() + " problem(s):\n  " + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
