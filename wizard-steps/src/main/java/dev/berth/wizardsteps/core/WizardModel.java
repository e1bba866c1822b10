package dev.berth.wizardsteps.core;

import dev.berth.answers.AccessAnswers;
import dev.berth.answers.Answers;
import dev.berth.answers.BackupAnswers;
import dev.berth.answers.HostAnswers;
import dev.berth.answers.MediaAnswers;
import dev.berth.answers.MonitoringAnswers;
import dev.berth.answers.PlacementAnswers;
import dev.berth.answers.StorageAnswers;
import dev.berth.answers.TargetAnswers;
import dev.berth.answers.VpnAnswers;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javafx.beans.Observable;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The draft answers the whole wizard works on, one piece per part of {@link Answers}, shared by
 * every step. Its properties are read-only: a step asks the model to change its piece through a
 * command ({@link #setStorage}, {@link #load}, ...), so every change goes through one place.
 * {@link #answersProperty()} is the whole draft, rebuilt whenever a piece changes, for summaries,
 * checks and the Review page. The draft need not be valid: a piece not chosen yet is null, and
 * {@code AnswersValidator} says what is missing. UI thread only.
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

    private final ReadOnlyObjectWrapper<Start> start = new ReadOnlyObjectWrapper<>(this, "start", Start.NEW);
    private final ReadOnlyObjectWrapper<Path> answersFile = new ReadOnlyObjectWrapper<>(this, "answersFile");
    private final ReadOnlyObjectWrapper<String> projectName = new ReadOnlyObjectWrapper<>(this, "projectName", "berth");
    private final ReadOnlyObjectWrapper<TargetAnswers> target = new ReadOnlyObjectWrapper<>(this, "target", TargetAnswers.LOCAL);
    private final ReadOnlyObjectWrapper<StorageAnswers> storage = new ReadOnlyObjectWrapper<>(this, "storage");
    private final ReadOnlyObjectWrapper<List<String>> services = new ReadOnlyObjectWrapper<>(this, "services", List.of());
    private final ReadOnlyObjectWrapper<VpnAnswers> vpn = new ReadOnlyObjectWrapper<>(this, "vpn", VpnAnswers.OFF);
    private final ReadOnlyObjectWrapper<AccessAnswers> access = new ReadOnlyObjectWrapper<>(this, "access", AccessAnswers.LAN_ONLY);
    private final ReadOnlyObjectWrapper<MonitoringAnswers> monitoring = new ReadOnlyObjectWrapper<>(this, "monitoring", MonitoringAnswers.NONE);
    private final ReadOnlyObjectWrapper<MediaAnswers> media = new ReadOnlyObjectWrapper<>(this, "media", MediaAnswers.DEFAULTS);
    private final ReadOnlyObjectWrapper<Map<String, Integer>> portOverrides = new ReadOnlyObjectWrapper<>(this, "portOverrides", Map.of());
    private final ReadOnlyObjectWrapper<BackupAnswers> backup = new ReadOnlyObjectWrapper<>(this, "backup", BackupAnswers.OFF);
    private final ReadOnlyObjectWrapper<Map<String, String>> previousSecrets = new ReadOnlyObjectWrapper<>(this, "previousSecrets", Map.of());
    /** The stack's machines when it spans several (empty: one target, as before); the first is {@link #target}. */
    private final ReadOnlyObjectWrapper<List<HostAnswers>> hosts = new ReadOnlyObjectWrapper<>(this, "hosts", List.of());
    private final ReadOnlyObjectWrapper<PlacementAnswers> placement = new ReadOnlyObjectWrapper<>(this, "placement", PlacementAnswers.NONE);
    private final ReadOnlyObjectWrapper<Answers> answers = new ReadOnlyObjectWrapper<>(this, "answers");

    public WizardModel() {
        Observable[] pieces = {projectName, target, storage, services, vpn, access, monitoring, media, portOverrides, backup, hosts, placement};
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
        media.set(loaded.media());
        portOverrides.set(loaded.portOverrides());
        backup.set(loaded.backup());
        hosts.set(loaded.hosts());
        placement.set(loaded.placement());
    }

    /** Fills every piece but the target: the stack read from the target the person connected to. */
    public void loadKeepingTarget(Answers loaded) {
        load(new Answers(loaded.schemaVersion(), loaded.projectName(), target.get(), loaded.storage(), loaded.services(),
                loaded.vpn(), loaded.access(), loaded.monitoring(), loaded.media(), loaded.portOverrides(), loaded.backup())
                .withHosts(hosts.get(), placement.get()));
    }

    private Answers build() {
        return new Answers(Answers.SCHEMA_VERSION, projectName.get(), target.get(), storage.get(), services.get(),
                vpn.get(), access.get(), monitoring.get(), media.get(), portOverrides.get(), backup.get())
                .withHosts(hosts.get(), placement.get());
    }

    /** The whole draft as it is now. */
    public ReadOnlyObjectProperty<Answers> answersProperty() {
        return answers.getReadOnlyProperty();
    }

    public Answers answers() {
        return answers.get();
    }

    public ReadOnlyObjectProperty<Start> startProperty() {
        return start.getReadOnlyProperty();
    }

    /** The answers file the draft came from, when the person opened one. */
    public ReadOnlyObjectProperty<Path> answersFileProperty() {
        return answersFile.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<String> projectNameProperty() {
        return projectName.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<TargetAnswers> targetProperty() {
        return target.getReadOnlyProperty();
    }

    /** Null until the Storage page has values (or a loaded file had them). */
    public ReadOnlyObjectProperty<StorageAnswers> storageProperty() {
        return storage.getReadOnlyProperty();
    }

    /** The apps the person picked (not what they require: the planner adds that). */
    public ReadOnlyObjectProperty<List<String>> servicesProperty() {
        return services.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<VpnAnswers> vpnProperty() {
        return vpn.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<AccessAnswers> accessProperty() {
        return access.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<MonitoringAnswers> monitoringProperty() {
        return monitoring.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<MediaAnswers> mediaProperty() {
        return media.getReadOnlyProperty();
    }

    /** The Backups page's part: off until the person (or a loaded file) turns backups on. */
    public ReadOnlyObjectProperty<BackupAnswers> backupProperty() {
        return backup.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Map<String, Integer>> portOverridesProperty() {
        return portOverrides.getReadOnlyProperty();
    }

    /** The secrets of the stack being reconfigured (empty for a new stack): the plan keeps them. */
    public ReadOnlyObjectProperty<Map<String, String>> previousSecretsProperty() {
        return previousSecrets.getReadOnlyProperty();
    }

    /** How the person started (Welcome page). */
    public void setStart(Start how) {
        start.set(Objects.requireNonNull(how));
    }

    /** The answers file the draft comes from (before it is read: {@link #load} fills the draft). */
    public void setAnswersFile(Path file) {
        answersFile.set(file);
    }

    /** The stack's name as typed: blank stays blank (not null, which the answers would turn into 'berth'). */
    public void setProjectName(String name) {
        projectName.set(name);
    }

    public void setTarget(TargetAnswers t) {
        target.set(Objects.requireNonNull(t));
    }

    /** Null while the Storage page has no values. */
    public void setStorage(StorageAnswers s) {
        storage.set(s);
    }

    /** Replaces the chosen services, keeping the order of the catalog. */
    public void setServices(List<String> ids) {
        services.set(List.copyOf(Objects.requireNonNull(ids)));
    }

    public void setVpn(VpnAnswers v) {
        vpn.set(Objects.requireNonNull(v));
    }

    public void setAccess(AccessAnswers a) {
        access.set(Objects.requireNonNull(a));
    }

    public void setMonitoring(MonitoringAnswers m) {
        monitoring.set(Objects.requireNonNull(m));
    }

    public void setMedia(MediaAnswers m) {
        media.set(Objects.requireNonNull(m));
    }

    public void setBackup(BackupAnswers b) {
        backup.set(Objects.requireNonNull(b));
    }

    public void setPortOverrides(Map<String, Integer> overrides) {
        portOverrides.set(overrides);
    }

    public ReadOnlyObjectProperty<List<HostAnswers>> hostsProperty() {
        return hosts.getReadOnlyProperty();
    }

    /** Several machines (the first is the target), or none for one. */
    public void setHosts(List<HostAnswers> h) {
        hosts.set(List.copyOf(h));
    }

    public ReadOnlyObjectProperty<PlacementAnswers> placementProperty() {
        return placement.getReadOnlyProperty();
    }

    public void setPlacement(PlacementAnswers p) {
        placement.set(Objects.requireNonNull(p));
    }

    /** The secrets read from the stack being reconfigured. */
    public void setPreviousSecrets(Map<String, String> secrets) {
        previousSecrets.set(secrets);
    }
}
