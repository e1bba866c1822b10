package dev.berth.wizardsteps.core;

import dev.berth.answers.AccessAnswers;
import dev.berth.answers.Answers;
import dev.berth.answers.MonitoringAnswers;
import dev.berth.answers.StorageAnswers;
import dev.berth.answers.TargetAnswers;
import dev.berth.answers.VpnAnswers;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javafx.beans.Observable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The draft answers the whole wizard works on, one piece per part of {@link Answers}, shared by
 * every step. Each step writes its own piece; {@link #answersProperty()} is the whole draft,
 * rebuilt whenever a piece changes, for summaries, checks and (later) the Review page. The draft
 * need not be valid: a piece not chosen yet is null, and {@code AnswersValidator} says what is
 * missing. UI thread only.
 */
public final class WizardModel {
    /** How the person started, on the Welcome page. */
    public enum Start {
        /** A new stack from scratch. */
        NEW,
        /** Change the stack already on the target. */
        RECONFIGURE,
        /** Answers read from a file. */
        ANSWERS_FILE
    }

    private final ObjectProperty<Start> start = new SimpleObjectProperty<>(this, "start", Start.NEW);
    private final ObjectProperty<Path> answersFile = new SimpleObjectProperty<>(this, "answersFile");
    private final ObjectProperty<String> projectName = new SimpleObjectProperty<>(this, "projectName", "berth");
    private final ObjectProperty<TargetAnswers> target = new SimpleObjectProperty<>(this, "target", TargetAnswers.LOCAL);
    private final ObjectProperty<StorageAnswers> storage = new SimpleObjectProperty<>(this, "storage");
    private final ObjectProperty<List<String>> services = new SimpleObjectProperty<>(this, "services", List.of());
    private final ObjectProperty<VpnAnswers> vpn = new SimpleObjectProperty<>(this, "vpn", VpnAnswers.OFF);
    private final ObjectProperty<AccessAnswers> access = new SimpleObjectProperty<>(this, "access", AccessAnswers.LAN_ONLY);
    private final ObjectProperty<MonitoringAnswers> monitoring = new SimpleObjectProperty<>(this, "monitoring", MonitoringAnswers.NONE);
    private final ObjectProperty<Map<String, Integer>> portOverrides = new SimpleObjectProperty<>(this, "portOverrides", Map.of());
    private final ObjectProperty<Map<String, String>> previousSecrets = new SimpleObjectProperty<>(this, "previousSecrets", Map.of());
    private final ReadOnlyObjectWrapper<Answers> answers = new ReadOnlyObjectWrapper<>(this, "answers");

    public WizardModel() {
        Observable[] pieces = {projectName, target, storage, services, vpn, access, monitoring, portOverrides};
        for (Observable piece : pieces) {
            piece.addListener(o -> answers.set(build()));
        }
        answers.set(build());
    }

    /** Fills every piece from answers read from a file or from the stack on the target. */
    public void load(Answers loaded) {
        projectName.set(loaded.projectName());
        target.set(loaded.target());
        storage.set(loaded.storage());
        services.set(loaded.services() == null ? List.of() : loaded.services());
        vpn.set(loaded.vpn());
        access.set(loaded.access());
        monitoring.set(loaded.monitoring());
        portOverrides.set(loaded.portOverrides());
    }

    /** Fills every piece but the target: the stack read from the target the person connected to. */
    public void loadKeepingTarget(Answers loaded) {
        load(new Answers(loaded.schemaVersion(), loaded.projectName(), target.get(), loaded.storage(), loaded.services(),
                loaded.vpn(), loaded.access(), loaded.monitoring(), loaded.portOverrides()));
    }

    private Answers build() {
        return new Answers(Answers.SCHEMA_VERSION, projectName.get(), target.get(), storage.get(), services.get(),
                vpn.get(), access.get(), monitoring.get(), portOverrides.get());
    }

    /** The whole draft as it is now. */
    public ReadOnlyObjectProperty<Answers> answersProperty() {
        return answers.getReadOnlyProperty();
    }

    public Answers answers() {
        return answers.get();
    }

    public ObjectProperty<Start> startProperty() {
        return start;
    }

    /** The answers file the draft came from, when the person opened one. */
    public ObjectProperty<Path> answersFileProperty() {
        return answersFile;
    }

    public ObjectProperty<String> projectNameProperty() {
        return projectName;
    }

    public ObjectProperty<TargetAnswers> targetProperty() {
        return target;
    }

    /** Null until the Storage page has values (or a loaded file had them). */
    public ObjectProperty<StorageAnswers> storageProperty() {
        return storage;
    }

    /** The apps the person picked (not what they require: the planner adds that). */
    public ObjectProperty<List<String>> servicesProperty() {
        return services;
    }

    public ObjectProperty<VpnAnswers> vpnProperty() {
        return vpn;
    }

    public ObjectProperty<AccessAnswers> accessProperty() {
        return access;
    }

    public ObjectProperty<MonitoringAnswers> monitoringProperty() {
        return monitoring;
    }

    public ObjectProperty<Map<String, Integer>> portOverridesProperty() {
        return portOverrides;
    }

    /** The secrets of the stack being reconfigured (empty for a new stack): the plan keeps them. */
    public ObjectProperty<Map<String, String>> previousSecretsProperty() {
        return previousSecrets;
    }

    /** Replaces the chosen services, keeping the order of the catalog. */
    public void setServices(List<String> ids) {
        services.set(List.copyOf(Objects.requireNonNull(ids)));
    }
}
