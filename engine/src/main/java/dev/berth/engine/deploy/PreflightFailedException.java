package dev.berth.engine.deploy;

import dev.berth.engine.check.CheckResult;
import java.util.List;
import java.util.stream.Collectors;

/** A check failed right before the deploy: names each one with its summary and the fix to try. */
public final class PreflightFailedException extends Exception {
    private final transient List<CheckResult> failed;

    PreflightFailedException(List<CheckResult> failed) {
        super("The target is not ready, so nothing was changed: " + failed.stream()
                .map(r -> r.title() + ": " + r.summary() + (r.fix().isBlank() ? "" : " (fix: " + r.fix() + ")"))
                .collect(Collectors.joining("; ")));
        this.failed = List.copyOf(failed);
    }

    public List<CheckResult> failed() {
        return failed;
    }
}
