package dev.berth.engine.check;

import java.util.Objects;
import java.util.Optional;

/**
 * What one check found.
 *
 * @param checkId the check's id, e.g. {@code ports}
 * @param title   the check's title for the table, e.g. "Host ports"
 * @param summary one line saying what was found
 * @param details more lines for whoever wants them (may be empty)
 * @param fix     what the person can do; the exact command where there is one (empty when nothing to do)
 * @param data    something the wizard can take over, e.g. a free port or the detected ids
 */
public record CheckResult(String checkId, String title, Status status, String summary, String details, String fix,
                          Optional<CheckData> data) {
    public CheckResult {
        Objects.requireNonNull(checkId);
        Objects.requireNonNull(status);
        title = title == null ? checkId : title;
        summary = summary == null ? "" : summary;
        details = details == null ? "" : details;
        fix = fix == null ? "" : fix;
        data = data == null ? Optional.empty() : data;
    }

    public static CheckResult of(Check check, Status status, String summary, String details, String fix) {
        return new CheckResult(check.id(), check.title(), status, summary, details, fix, Optional.empty());
    }

    public static CheckResult pass(Check check, String summary, String details) {
        return of(check, Status.PASS, summary, details, "");
    }

    public static CheckResult skip(Check check, String why) {
        return of(check, Status.SKIP, why, "", "");
    }

    public CheckResult withData(CheckData newData) {
        return new CheckResult(checkId, title, status, summary, details, fix, Optional.ofNullable(newData));
    }

    /** The data when it is of the given kind. */
    public <T extends CheckData> Optional<T> data(Class<T> kind) {
        return data.filter(kind::isInstance).map(kind::cast);
    }
}
