package dev.berth.wizardsteps.storage;

import dev.berth.answers.Problem;
import dev.berth.answers.StorageAnswers;
import dev.berth.answers.TargetAnswers;
import dev.berth.engine.check.CheckData;
import dev.berth.engine.check.CheckResult;
import dev.berth.wizardsteps.core.CheckLine;
import dev.berth.wizardsteps.core.FormStep;
import dev.berth.wizardsteps.core.StepContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.MapChangeListener;
import javafx.collections.ObservableList;

/**
 * Step 4: where the stack's files, the media and each app's settings live, and who owns them.
 * PUID, PGID and the time zone come from the target; the TRaSH folder tree is previewed; the
 * folder and hardlink checks run when a path field loses focus. The stack's name (its Compose
 * project) is chosen here too, beside its folder: for a new stack it defaults to one no stack in
 * another folder on the target uses, since two stacks with one name replace each other's containers.
 */
public final class StorageViewModel extends FormStep<StorageAnswers> {
    /** The fields, as named in the answers. */
    public static final List<String> FIELDS = List.of("stackDir", "dataRoot", "configRoot", "puid", "pgid", "timeZone");

    private final StorageForm form = new StorageForm();
    private final ReadOnlyBooleanWrapper local = new ReadOnlyBooleanWrapper(this, "local", true);
    private final TreePreview tree = new TreePreview();
    private final CheckLine folders;
    private final CheckLine hardlinks;
    private final ProjectNameChoice name;
    /** The problems last found, the name's among them. */
    private List<Problem> found = List.of();

    public StorageViewModel(StepContext ctx) {
        super(ctx, "storage", FIELDS, ctx.model().storageProperty(), ctx.model()::setStorage);
        editedOnChange(form.all());
        ctx.model().targetProperty().addListener(o -> local.set(ctx.model().targetProperty().get().kind() == TargetAnswers.Kind.LOCAL));
        ctx.model().servicesProperty().addListener(o -> updateTree());
        name = new ProjectNameChoice(ctx, this::edited);
        String waiting = "Checked once the folders above are filled in.";
        folders = new CheckLine(ctx.checks(), "paths", waiting);
        hardlinks = new CheckLine(ctx.checks(), "hardlinks", waiting);
        ctx.checks().results().addListener((MapChangeListener<String, CheckResult>) c -> {
            if ("ids-timezone".equals(c.getKey()) && c.wasAdded()) {
                offerDetected(c.getValueAdded());
            }
            if ("project-name".equals(c.getKey()) && c.wasAdded()) {
                name.propose(form.stackDir.get());
            }
        });
        if (ctx.model().storageProperty().get() != null) {
            fill(ctx.model().storageProperty().get());
        }
    }

    @Override
    public String title() {
        return "Storage";
    }

    @Override
    public String description() {
        return "Where your media, the downloads and each app's settings live on the target, and who owns the files.";
    }

    public StringProperty stackDirProperty() {
        return form.stackDir;
    }

    public StringProperty dataRootProperty() {
        return form.dataRoot;
    }

    public StringProperty configRootProperty() {
        return form.configRoot;
    }

    public StringProperty puidProperty() {
        return form.puid;
    }

    public StringProperty pgidProperty() {
        return form.pgid;
    }

    public StringProperty timeZoneProperty() {
        return form.timeZone;
    }

    public BooleanProperty hardwareTranscodingProperty() {
        return form.hardwareTranscoding;
    }

    /** The stack's name: its Compose project, which prefixes its containers. */
    public StringProperty projectNameProperty() {
        return name.nameProperty();
    }

    /** What is wrong with the name as typed (empty when it is fine). */
    public ReadOnlyStringProperty projectNameMessageProperty() {
        return name.messageProperty();
    }

    /** Why the name is not the usual one, when Berth chose another (empty otherwise). */
    public ReadOnlyStringProperty projectNameNoteProperty() {
        return name.noteProperty();
    }

    /** The project-name check: whether a stack in another folder on the target has this name. */
    public CheckLine projectNameCheck() {
        return name.check();
    }

    /** True for this computer: the paths get folder pickers. A server's paths are typed. */
    public ReadOnlyBooleanProperty localProperty() {
        return local.getReadOnlyProperty();
    }

    /** The TRaSH folder tree under the data root, one line per folder, drawn like `tree`. */
    public ObservableList<String> tree() {
        return tree.lines();
    }

    public ReadOnlyStringProperty treeNoteProperty() {
        return tree.noteProperty();
    }

    /** The hardlink check's result on the data root. */
    public CheckLine hardlinks() {
        return hardlinks;
    }

    /** The folder check's result (can the folders be made and written by PUID:PGID). */
    public CheckLine folders() {
        return folders;
    }

    @Override
    protected void entering() {
        local.set(ctx.model().targetProperty().get().kind() == TargetAnswers.Kind.LOCAL);
        if (form.dataRoot.get().isEmpty() && form.stackDir.get().isEmpty() && form.configRoot.get().isEmpty()) {
            suggestPaths();
        }
        ctx.checks().result("ids-timezone").ifPresent(this::offerDetected);
        ctx.checks().refresh(); // the target's ids and time zone, and the folders as they are now
    }

    /** Suggested and detected values stay out of the draft until the person has seen the page. */
    @Override
    protected boolean writesBeforeEntered() {
        return false;
    }

    /** A path field (or the name) lost the focus: check the folders (cancelling a check still running). */
    public void pathLeft() {
        if (isValid()) {
            ctx.checks().refresh();
        }
    }

    /** Opens a folder picker for a path field (this computer only). */
    public void chooseFolder(String field) {
        StringProperty p = form.path(field);
        Path start = p.get().isBlank() ? Path.of(System.getProperty("user.home")) : Path.of(p.get()).getParent();
        ctx.dialogs().chooseFolder("Choose a folder", start).ifPresent(chosen -> {
            p.set(chosen.toAbsolutePath().toString());
            pathLeft();
        });
    }

    @Override
    protected StorageAnswers build() {
        return form.build(new ArrayList<>());
    }

    @Override
    protected void fillFields(StorageAnswers s) {
        form.fill(s);
    }

    @Override
    protected List<Problem> findProblems() {
        List<Problem> problems = new ArrayList<>();
        StorageAnswers s = form.build(problems);
        problems.addAll(validator().validate(draft().withStorage(s)));
        found = problems;
        return problems;
    }

    @Override
    protected List<String> filledFields() {
        return FIELDS.stream().filter(f -> !form.text(f).isBlank()).toList();
    }

    @Override
    protected void shown(boolean clean) {
        String nameProblem = found.stream().filter(p -> p.field().equals("projectName")).map(Problem::message).findFirst().orElse("");
        name.showMessage(nameProblem);
        setValid(clean && nameProblem.isEmpty());
        updateTree();
        name.propose(form.stackDir.get());
    }

    @Override
    protected void updateSummary() {
        String dataRoot = form.dataRoot.get();
        String owner = form.puid.get().isBlank() ? "" : ", owner " + form.puid.get().strip() + ":" + form.pgid.get().strip();
        setSummary(dataRoot.isBlank() ? "" : dataRoot.strip() + owner + (form.timeZone.get().isBlank() ? "" : ", " + form.timeZone.get().strip()));
    }

    /** Folders the person can write to: their home on this computer, the usual places as root or on a server. */
    private void suggestPaths() {
        boolean ownHome = local.get() && ctx.target().connected().map(c -> !c.facts().user().root()).orElse(true);
        String base = ownHome ? System.getProperty("user.home") : null;
        quietly(() -> form.suggestPaths(base));
    }

    /** The target user's ids and time zone, for fields the person has not filled. */
    private void offerDetected(CheckResult r) {
        r.data(CheckData.DetectedIds.class).ifPresent(form::offer);
    }

    private void updateTree() {
        if (entered()) {
            tree.update(form.dataRoot.get().strip(), draft(), ctx.backend().catalog());
        }
    }
}
