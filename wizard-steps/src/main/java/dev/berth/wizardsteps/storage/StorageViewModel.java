package dev.berth.wizardsteps.storage;

import dev.berth.answers.AnswersValidator;
import dev.berth.answers.Problem;
import dev.berth.answers.StorageAnswers;
import dev.berth.answers.TargetAnswers;
import dev.berth.engine.check.CheckData;
import dev.berth.engine.check.CheckResult;
import dev.berth.wizardsteps.core.CheckLine;
import dev.berth.wizardsteps.core.FieldMessages;
import dev.berth.wizardsteps.core.StepContext;
import dev.berth.wizardsteps.core.StepViewModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;

/**
 * Step 4: where the stack's files, the media and each app's settings live, and who owns them.
 * PUID, PGID and the time zone come from the target; the TRaSH folder tree is previewed; the
 * folder and hardlink checks run when a path field loses focus.
 */
public final class StorageViewModel extends StepViewModel {
    /** The fields, as named in the answers. */
    public static final List<String> FIELDS = List.of("stackDir", "dataRoot", "configRoot", "puid", "pgid", "timeZone");

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
        String waiting = "Checked once the folders above are filled in.";
        folders = new CheckLine(ctx.checks(), "paths", waiting);
        hardlinks = new CheckLine(ctx.checks(), "hardlinks", waiting);
        ctx.checks().results().addListener((javafx.collections.MapChangeListener<String, CheckResult>) c -> {
            if ("ids-timezone".equals(c.getKey()) && c.wasAdded()) {
                offerDetected(c.getValueAdded());
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

    /** A path field lost the focus: check the folders (cancelling a check still running). */
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
        setValid(messages.show(problems));
        ctx.model().storageProperty().set(s);
        updateTree();
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
            problems.add(new Problem("storage." + field, "must be a whole number, such as 1000 (see `id -u` on the target)"));
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
