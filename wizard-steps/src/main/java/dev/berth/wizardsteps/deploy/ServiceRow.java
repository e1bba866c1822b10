package dev.berth.wizardsteps.deploy;

import dev.berth.engine.health.ServiceState;
import java.util.List;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** One service on the Deploy page: from waiting, through starting, to healthy or failed with its last log lines. */
public final class ServiceRow {
    private final String service;
    private final String name;
    private final ReadOnlyObjectWrapper<ServiceState> state = new ReadOnlyObjectWrapper<>(this, "state");
    private final ReadOnlyStringWrapper detail = new ReadOnlyStringWrapper(this, "detail", "");
    private final ReadOnlyBooleanWrapper failed = new ReadOnlyBooleanWrapper(this, "failed");
    private final ReadOnlyBooleanWrapper answers = new ReadOnlyBooleanWrapper(this, "answers");
    private final ReadOnlyObjectWrapper<List<String>> logTail = new ReadOnlyObjectWrapper<>(this, "logTail", List.of());

    ServiceRow(String service, String name) {
        this.service = service;
        this.name = name;
    }

    /** The Compose service name, e.g. {@code jellyfin}. */
    public String service() {
        return service;
    }

    /** The name a person knows, e.g. Jellyfin. */
    public String name() {
        return name;
    }

    /** Null while no container of it was seen yet. */
    public ReadOnlyObjectProperty<ServiceState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** "waiting", "starting", "healthy", … in Docker's words, or "answering" (see {@link ServiceState#label}). */
    public String stateText() {
        ServiceState s = state.get();
        return failed.get() ? "failed" : s == null ? "waiting" : s.label(answers.get());
    }

    /** Its web page answered the latest probe of this start: "answering" while Docker still says starting. */
    public ReadOnlyBooleanProperty answersProperty() {
        return answers.getReadOnlyProperty();
    }

    /** Up as the deploy counts it: healthy, running, or starting with its page answering. */
    public boolean up() {
        ServiceState s = state.get();
        return !failed.get() && s != null && (s.up() || s == ServiceState.STARTING && answers.get());
    }

    /** e.g. "exit code 1", or the last health check output. */
    public ReadOnlyStringProperty detailProperty() {
        return detail.getReadOnlyProperty();
    }

    /** The deploy counted it as not up. */
    public ReadOnlyBooleanProperty failedProperty() {
        return failed.getReadOnlyProperty();
    }

    /** The last lines it printed, for a service that did not come up; empty otherwise. */
    public ReadOnlyObjectProperty<List<String>> logTailProperty() {
        return logTail.getReadOnlyProperty();
    }

    void update(ServiceState s, String why) {
        update(s, why, false);
    }

    /** @param answers its web page answered the latest probe of this start */
    void update(ServiceState s, String why, boolean answers) {
        this.answers.set(answers);
        state.set(s);
        detail.set(why == null ? "" : why);
    }

    void finish(ServiceState s, String why, List<String> tail, boolean up) {
        failed.set(!up);
        logTail.set(List.copyOf(tail));
        update(s, why, up);
    }
}
