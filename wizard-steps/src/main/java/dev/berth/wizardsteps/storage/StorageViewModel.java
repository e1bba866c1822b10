package dev.berth.wizardsteps.storage;

import dev.berth.answers.AnswersValidator;
import dev.berth.answers.Problem;
import dev.berth.answers.StorageAnswers;
import dev.berth.answers.TargetAnswers;
import dev.berth.engine.check.CheckData;
import dev.berth.engine.check.CheckResult;
import dev.berth.engine.check.ComposeProjects;
import dev.berth.wizardsteps.core.CheckLine;
import dev.berth.wizardsteps.core.FieldMessages;
import dev.berth.wizardsteps.core.PageRule;
import dev.berth.wizardsteps.core.StepContext;
import dev.berth.wizardsteps.core.StepViewModel;
import dev.berth.wizardsteps.core.WizardModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;

/**
 * Step 4: where the stack's files, the media and each app's settings live, and who owns them.
 * PUID, PGID and the time zone come from the target; the TRaSH folder tree is previewed; the
 * folder and hardlink checks run when a path field loses focus. The stack's name (its Compose
 * project) is chosen here too, beside its folder: for a new stack it defaults to one no stack in
 * another folder on the target uses, since two stacks with one name replace each other's containers.
 */
public final class StorageViewModel extends StepViewModel {
    /** The fields, as named in the answers. */
    public static final List<String> FIELDS = List.of("stackDir", "dataRoot", "configRoot", "puid", "pgid", "timeZone");
    /** What a new stack is called unless a stack in another folder on the target already is. */
    static final String DEFAULT_NAME = "berth";

    private final StringProperty stackDir = new SimpleStringProperty(this, "stackDir", "");
    private final StringProperty dataRoot = new SimpleStringProperty(this, "dataRoot", "");
    private final StringProperty configRoot = new SimpleStringProperty(this, "configRoot", "");
    private final StringProperty puid = new SimpleStringProperty(this, "puid", "");
    private final StringProperty pgid = new SimpleStringProperty(this, "pgid", "");
    private final StringProperty timeZone = new SimpleStringProperty(this, "timeZone", "");
    private final BooleanProperty hardwareTranscoding = new SimpleBooleanProperty(this, "hardwareTranscoding");
    private final ReadOnlyBooleanWrapper local = new ReadOnlyBooleanWrapper(this, "local", true);
    private final TreePreview tree = new TreePreview();
    private final CheckLine folders;
    private final CheckLine hardlinks;
    private final StringProperty projectName = new SimpleStringProperty(this, "projectName", DEFAULT_NAME);
    private final ReadOnlyStringWrapper projectNameMessage = new ReadOnlyStringWrapper(this, "projectNameMessage", "");
    private final ReadOnlyStringWrapper projectNameNote = new ReadOnlyStringWrapper(this, "projectNameNote", "");
    private final CheckLine projectNameCheck;
    /** The person typed the name (or it came with the stack or a file): never replaced by a proposal. */
    private boolean nameChosen;
    private boolean proposing;
    /** A proposal changed the name after the checks ran with the old one: check it once they are done. */
    private boolean recheckName;
    private final FieldMessages messages = new FieldMessages("storage", FIELDS.toArray(String[]::new));
    private AnswersValidator validator;
    private boolean filling;
    /** Validation and the tree start when the page is first shown: at start-up the catalog is still loading. */
    private boolean entered;

    public StorageViewModel(StepContext ctx) {
        super(ctx);
        for (Observable field : List.of(stackDir, dataRoot, configRoot, puid, pgid, timeZone, hardwareTranscoding)) {
            field.addListener(o -> edited());
        }
        ctx.model().storageProperty().addListener((o, was, now) -> {
            if (now != null && !now.equals(build())) {
                fill(now);
                messages.touchAll();
            }
        });
        ctx.model().targetProperty().addListener(o -> local.set(ctx.model().targetProperty().get().kind() == TargetAnswers.Kind.LOCAL));
        ctx.model().servicesProperty().addListener(o -> updateTree());
        projectName.set(ctx.model().projectNameProperty().get());
        projectName.addListener(o -> nameEdited());
        ctx.model().projectNameProperty().addListener((o, was, now) -> {
            if (!Objects.equals(now, projectName.get().strip())) {
                proposing = true; // a loaded stack or file: its name, not the person's typing
                try {
                    projectName.set(now == null ? "" : now);
                } finally {
                    proposing = false;
                }
            }
        });
        String waiting = "Checked once the folders above are filled in.";
        folders = new CheckLine(ctx.checks(), "paths", waiting);
        hardlinks = new CheckLine(ctx.checks(), "hardlinks", waiting);
        projectNameCheck = new CheckLine(ctx.checks(), "project-name", "Checked once the stack folder is filled in.");
        ctx.checks().results().addListener((javafx.collections.MapChangeListener<String, CheckResult>) c -> {
            if ("ids-timezone".equals(c.getKey()) && c.wasAdded()) {
                offerDetected(c.getValueAdded());
            }
            if ("project-name".equals(c.getKey()) && c.wasAdded()) {
                proposeName();
            }
        });
        ctx.checks().runningProperty().addListener((o, was, now) -> {
            if (!now && recheckName) {
                recheckName = false;
                ctx.checks().refresh();
            }
        });
        if (ctx.model().storageProperty().get() != null) {
            fill(ctx.model().storageProperty().get());
            messages.touchAll();
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
        return stackDir;
    }

    public StringProperty dataRootProperty() {
        return dataRoot;
    }

    public StringProperty configRootProperty() {
        return configRoot;
    }

    public StringProperty puidProperty() {
        return puid;
    }

    public StringProperty pgidProperty() {
        return pgid;
    }

    public StringProperty timeZoneProperty() {
        return timeZone;
    }

    /** The stack's name: its Compose project, which prefixes its containers. */
    public StringProperty projectNameProperty() {
        return projectName;
    }

    /** What is wrong with the name as typed (empty when it is fine). */
    public ReadOnlyStringProperty projectNameMessageProperty() {
        return projectNameMessage.getReadOnlyProperty();
    }

    /** Why the name is not the usual one, when Berth chose another (empty otherwise). */
    public ReadOnlyStringProperty projectNameNoteProperty() {
        return projectNameNote.getReadOnlyProperty();
    }

    /** The project-name check: whether a stack in another folder on the target has this name. */
    public CheckLine projectNameCheck() {
        return projectNameCheck;
    }

    public BooleanProperty hardwareTranscodingProperty() {
        return hardwareTranscoding;
    }

    public ReadOnlyStringProperty messageProperty(String field) {
        return messages.messageProperty(field);
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
    public void enter() {
        entered = true;
        local.set(ctx.model().targetProperty().get().kind() == TargetAnswers.Kind.LOCAL);
        if (dataRoot.get().isEmpty() && stackDir.get().isEmpty() && configRoot.get().isEmpty()) {
            suggestPaths();
        }
        ctx.checks().result("ids-timezone").ifPresent(this::offerDetected);
        ctx.checks().refresh(); // the target's ids and time zone, and the folders as they are now
        edited();
    }

    /** A path field (or the name) lost the focus: check the folders (cancelling a check still running). */
    public void pathLeft() {
        if (isValid()) {
            ctx.checks().refresh();
        }
    }

    /** Opens a folder picker for a path field (this computer only). */
    public void chooseFolder(String field) {
        StringProperty p = switch (field) {
            case "stackDir" -> stackDir;
            case "dataRoot" -> dataRoot;
            case "configRoot" -> configRoot;
            default -> throw new IllegalArgumentException(field);
        };
        Path start = p.get().isBlank() ? Path.of(System.getProperty("user.home")) : Path.of(p.get()).getParent();
        ctx.dialogs().chooseFolder("Choose a folder", start).ifPresent(chosen -> {
            p.set(chosen.toAbsolutePath().toString());
            pathLeft();
        });
    }

    private void edited() {
        if (filling) {
            return;
        }
        updateSummary();
        if (!entered) {
            return;
        }
        List<Problem> problems = new ArrayList<>();
        StorageAnswers s = build(problems);
        FIELDS.forEach(f -> {
            if (!valueOf(f).isBlank()) {
                messages.touch(f);
            }
        });
        problems.addAll(validator().validate(ctx.model().answers().withStorage(s)));
        String nameProblem = problems.stream().filter(p -> p.field().equals("projectName")).map(Problem::message)
                .findFirst().orElse("");
        projectNameMessage.set(nameProblem);
        setValid(messages.show(problems) && nameProblem.isEmpty());
        ctx.model().setStorage(s);
        updateTree();
        proposeName();
    }

    private void nameEdited() {
        if (!proposing) {
            nameChosen = true;
            projectNameNote.set("");
        }
        // Blank stays blank (not null, which the answers would turn into 'berth'), so the validator names it.
        ctx.model().setProjectName(projectName.get().strip());
        edited();
    }

    /**
     * For a new stack whose name the person has not typed: the usual name unless a stack in
     * another folder on the target has it, else one made from this stack's folder. A stack being
     * changed, or answers from a file, keep their name (the check says when it is taken).
     */
    private void proposeName() {
        if (nameChosen || proposing || ctx.model().startProperty().get() != WizardModel.Start.NEW || stackDir.get().isBlank()) {
            return;
        }
        var found = ctx.checks().result("project-name").flatMap(r -> r.data(CheckData.ProjectNames.class));
        if (found.isEmpty()) {
            return;
        }
        ComposeProjects projects = found.get().projects();
        String dir = stackDir.get().strip();
        String name = projects.nameFor(dir, DEFAULT_NAME);
        Map<String, Integer> others = projects.elsewhere(DEFAULT_NAME, dir);
        projectNameNote.set(name.equals(DEFAULT_NAME) ? "" : "'" + DEFAULT_NAME + "' is already the name of the stack in "
                + String.join(" and ", others.keySet().stream().map(f -> f.isEmpty() ? "an unknown folder" : f).toList())
                + " on the target, so this stack is called " + name + ": two stacks with one name would replace each "
                + "other's containers.");
        if (!name.equals(projectName.get())) {
            proposing = true;
            try {
                projectName.set(name);
            } finally {
                proposing = false;
            }
            recheckName = ctx.checks().runningProperty().get(); // else the next run checks the new name
        }
    }

    private void updateSummary() {
        setSummary(dataRoot.get().isBlank() ? "" : dataRoot.get().strip() + (puid.get().isBlank() ? "" : ", owner " + puid.get().strip()
                + ":" + pgid.get().strip()) + (timeZone.get().isBlank() ? "" : ", " + timeZone.get().strip()));
    }

    private StorageAnswers build() {
        return build(new ArrayList<>());
    }

    private StorageAnswers build(List<Problem> problems) {
        return new StorageAnswers(path(stackDir), path(dataRoot), path(configRoot), id("puid", puid, problems),
                id("pgid", pgid, problems), blankToNull(timeZone.get()), hardwareTranscoding.get());
    }

    private void fill(StorageAnswers s) {
        filling = true;
        try {
            stackDir.set(nullToBlank(s.stackDir()));
            dataRoot.set(nullToBlank(s.dataRoot()));
            configRoot.set(nullToBlank(s.configRoot()));
            puid.set(s.puid() == null ? "" : s.puid().toString());
            pgid.set(s.pgid() == null ? "" : s.pgid().toString());
            timeZone.set(nullToBlank(s.timeZone()));
            hardwareTranscoding.set(s.hardwareTranscoding());
        } finally {
            filling = false;
        }
        edited();
    }

    /** Folders the person can write to: their home on this computer, the usual places as root or on a server. */
    private void suggestPaths() {
        boolean ownHome = local.get() && ctx.target().connected().map(c -> !c.facts().user().root()).orElse(true);
        String base = ownHome ? System.getProperty("user.home") : null;
        filling = true;
        try {
            stackDir.set(base == null ? "/opt/berth" : base + "/berth");
            configRoot.set(stackDir.get() + "/config");
            dataRoot.set(base == null ? "/srv/media" : base + "/media");
        } finally {
            filling = false;
        }
    }

    /** The target user's ids and time zone, for fields the person has not filled. */
    private void offerDetected(CheckResult r) {
        r.data(CheckData.DetectedIds.class).ifPresent(d -> {
            if (puid.get().isBlank() && pgid.get().isBlank()) {
                puid.set(Integer.toString(d.puid() == null ? 1000 : d.puid()));
                pgid.set(Integer.toString(d.pgid() == null ? 1000 : d.pgid()));
            }
            if (timeZone.get().isBlank()) {
                timeZone.set(d.timeZone() == null ? "UTC" : d.timeZone());
            }
        });
    }

    private void updateTree() {
        if (entered) {
            tree.update(dataRoot.get().strip(), ctx.model().answers(), ctx.backend().catalog());
        }
    }

    private String valueOf(String field) {
        return switch (field) {
            case "stackDir" -> stackDir.get();
            case "dataRoot" -> dataRoot.get();
            case "configRoot" -> configRoot.get();
            case "puid" -> puid.get();
            case "pgid" -> pgid.get();
            default -> timeZone.get();
        };
    }

    private static String path(StringProperty p) {
        return blankToNull(p.get());
    }

    private static Integer id(String field, StringProperty p, List<Problem> problems) {
        String t = p.get().strip();
        if (t.isEmpty()) {
            return null;
        }
        try {
            return Integer.valueOf(t);
        } catch (NumberFormatException e) {
            problems.add(new Problem("storage." + field, "must be a whole number, such as 1000 (see `id -u` on the target)",
                    PageRule.NOT_A_NUMBER));
            return -1; // keeps "is required" away; the message above says what is wrong
        }
    }

    private AnswersValidator validator() {
        if (validator == null) {
            validator = ctx.backend().validator();
        }
        return validator;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String nullToBlank(String s) {
        return s == null ? "" : s;
    }
}
