package dev.berth.wizardsteps.review;

import dev.berth.answers.Answers;
import dev.berth.answers.InvalidAnswersException;
import dev.berth.engine.deploy.DeployOptions;
import dev.berth.engine.deploy.DeployPreview;
import dev.berth.engine.deploy.Job;
import dev.berth.engine.deploy.RootMove;
import dev.berth.engine.stack.StackState;
import dev.berth.engine.target.TargetException;
import dev.berth.wizardsteps.core.BackgroundTask;
import dev.berth.wizardsteps.core.DeploySession;
import dev.berth.wizardsteps.core.LatestTask;
import dev.berth.wizardsteps.core.StepContext;
import dev.berth.wizardsteps.core.StepViewModel;
import dev.berth.wizardsteps.core.TargetSession;
import java.util.List;
import java.util.stream.Collectors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Step 9: everything chosen, one line per step, and what the deploy would do, worked out on the
 * target without changing anything: what happens to each service in words, a moved root folder
 * with the choice to move or keep its folders, the files it writes (each can be read; for a stack
 * that is there already, the diff of each file that changes) and its steps in order. The answers can be
 * saved and the files exported from here. Next deploys exactly this preview. A stack on several
 * machines shows instead where each service runs and why, and lets the person pin services.
 */
public final class ReviewViewModel extends StepViewModel {
    public enum State { WAITING, PREVIEWING, READY, FAILED }

    private final DeploySession session;
    private final LatestTask previewing;
    private final ReviewExports exports;
    private final FileViewer viewer = new FileViewer();
    private final HostPlacement placement;
    private final ObservableList<StepViewModel> reviewed = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(this, "state", State.WAITING);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper foreign = new ReadOnlyBooleanWrapper(this, "foreign");
    private final BooleanProperty adopt = new SimpleBooleanProperty(this, "adopt");
    private final ReadOnlyBooleanWrapper firstInstall = new ReadOnlyBooleanWrapper(this, "firstInstall", true);
    private final ObservableList<ReviewedFile> files = FXCollections.observableArrayList();
    private final ObservableList<ReviewedFile> changes = FXCollections.observableArrayList();
    private final ObservableList<String> jobs = FXCollections.observableArrayList();
    private final ObservableList<String> serviceChanges = FXCollections.observableArrayList();
    private final ObservableList<String> clientSettings = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper rootMove = new ReadOnlyStringWrapper(this, "rootMove", "");
    private final ObjectProperty<DeployOptions.FolderChoice> folders =
            new SimpleObjectProperty<>(this, "folders", DeployOptions.FolderChoice.UNDECIDED);
    private final ReadOnlyObjectWrapper<FileTree> tree = new ReadOnlyObjectWrapper<>(this, "tree");
    /** The preview waits for the connection the Target page opened (or is opening). */
    private boolean waitingForTarget;
    private boolean onPage;

    /** What the page says instead of a preview for a stack on several machines. */
    public static final String SEVERAL_HOSTS = "A stack on several machines is deployed from the command line: save the answers "
            + "(Save answers…) and run berth deploy --answers FILE. It connects to every machine, shows where each app goes and why, "
            + "and each machine's changes before it changes anything.";

    public ReviewViewModel(StepContext ctx, DeploySession session) {
        super(ctx);
        this.session = session;
        this.previewing = new LatestTask(ctx.tasks());
        this.exports = new ReviewExports(ctx);
        this.placement = new HostPlacement(ctx.model(), ctx.backend()::catalog, ctx.hostChecks().resourcesProperty());
        ctx.model().answersProperty().addListener(o -> answersChanged());
        ctx.target().connectedProperty().addListener(o -> targetChanged());
        ctx.target().stateProperty().addListener(o -> targetChanged());
        adopt.addListener(o -> {
            if (onPage) {
                refresh();
            }
        });
        folders.addListener(o -> {
            if (onPage) {
                refresh();
            }
        });
    }

    /** The steps before this one, whose summaries the page lists; called once the list of steps is made. */
    public void reviewing(List<StepViewModel> steps) {
        reviewed.setAll(steps);
    }

    @Override
    public String title() {
        return "Review";
    }

    @Override
    public String description() {
        return "What you chose, and what Berth will do on the target. Nothing has changed there yet.";
    }

    @Override
    public String nextLabel() {
        return "_Deploy";
    }

    /** Where each service of a stack on several machines runs and why, with the person's pins; empty for one machine. */
    public HostPlacement placement() {
        return placement;
    }

    public ObservableList<StepViewModel> reviewed() {
        return reviewed;
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** What the deploy would do in one sentence, or why it cannot be worked out. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** The stack folder holds files Berth did not make: the page offers to take it over. */
    public ReadOnlyBooleanProperty foreignProperty() {
        return foreign.getReadOnlyProperty();
    }

    /** Take over a folder Berth did not make (its files are backed up first). */
    public BooleanProperty adoptProperty() {
        return adopt;
    }

    /** Every file is new (no stack was there): the page lists the files instead of the changes. */
    public ReadOnlyBooleanProperty firstInstallProperty() {
        return firstInstall.getReadOnlyProperty();
    }

    /** Every file, in the order they are generated, then those no longer generated. */
    public ObservableList<ReviewedFile> files() {
        return files;
    }

    /** For a stack that is there already: the files that change. */
    public ObservableList<ReviewedFile> changes() {
        return changes;
    }

    /** The files as a tree under the stack folder; null while there is no preview. */
    public ReadOnlyObjectProperty<FileTree> treeProperty() {
        return tree.getReadOnlyProperty();
    }

    /** The deploy's steps, in the order they run. */
    public ObservableList<String> jobs() {
        return jobs;
    }

    /** What happens to each service, in sentences: starts, stops and is removed, recreated and why, needs a restart. */
    public ObservableList<String> serviceChanges() {
        return serviceChanges;
    }

    /** One line per download client settings file the deploy changes, naming the keys Berth sets; never a value. */
    public ObservableList<String> clientSettings() {
        return clientSettings;
    }

    /** A changed app folder root or data root of the stack that exists, in words; empty when none. */
    public ReadOnlyStringProperty rootMoveProperty() {
        return rootMove.getReadOnlyProperty();
    }

    /** What to do with the folders of a moved root; the deploy waits while it is undecided. */
    public ObjectProperty<DeployOptions.FolderChoice> foldersProperty() {
        return folders;
    }

    public FileViewer viewer() {
        return viewer;
    }

    public void saveAnswers() {
        exports.saveAnswers(ctx.model().answers());
    }

    public void exportFiles() {
        DeploySession.Reviewed r = session.reviewedProperty().get();
        if (r != null) {
            exports.exportFiles(r.preview().rendered());
        }
    }

    /** How saving or exporting went. */
    public ReadOnlyStringProperty exportMessageProperty() {
        return exports.messageProperty();
    }

    public ReadOnlyBooleanProperty exportFailedProperty() {
        return exports.failedProperty();
    }

    @Override
    public void enter() {
        onPage = true;
        DeploySession.Reviewed r = session.reviewedProperty().get();
        if (r == null || !r.answers().equals(ctx.model().answers()) || state.get() != State.READY) {
            refresh();
        }
    }

    @Override
    public void leave() {
        onPage = false;
        if (state.get() == State.PREVIEWING) {
            previewing.cancel();
            waitingForTarget = false;
            state.set(State.WAITING);
        }
    }

    @Override
    public void close() {
        previewing.cancel();
    }

    /** Works the preview out afresh for the answers as they are now. */
    public void refresh() {
        clear();
        Answers draft = ctx.model().answers();
        if (draft.isMultiHost()) {
            // The preview and the deploy here know one target: they would put every app on the first machine.
            waitingForTarget = false;
            state.set(State.WAITING);
            message.set(SEVERAL_HOSTS);
            return;
        }
        state.set(State.PREVIEWING);
        TargetSession.Connected on = ctx.target().connected().filter(c -> c.spec().equals(draft.target())).orElse(null);
        if (on == null) {
            waitingForTarget = true;
            message.set("Connecting to the target…");
            ctx.target().ensureConnected(draft.target());
            return;
        }
        waitingForTarget = false;
        message.set("Working out what the deploy does…");
        DeployOptions options = ctx.backend().deployOptions().withAdopt(adopt.get()).withFolders(folders.get());
        previewing.replace(BackgroundTask.of("Preview the deploy", p -> session.preview(on, draft, options))
                .onSuccess(this::show).onFailure(this::failed));
    }

    private void targetChanged() {
        if (!waitingForTarget || !onPage) {
            return;
        }
        if (ctx.target().isConnectedTo(ctx.model().answers().target())) {
            refresh();
        } else if (ctx.target().stateProperty().get() == TargetSession.State.FAILED) {
            waitingForTarget = false;
            fail(ctx.target().messageProperty().get());
        }
    }

    private void answersChanged() {
        DeploySession.Reviewed r = session.reviewedProperty().get();
        if (state.get() != State.WAITING && (r == null || !r.answers().equals(ctx.model().answers()))) {
            previewing.cancel();
            clear();
            state.set(State.WAITING);
            message.set("");
            if (onPage) {
                refresh();
            }
        }
    }

    private void clear() {
        session.review(null);
        setValid(false);
        foreign.set(false);
        files.clear();
        changes.clear();
        jobs.clear();
        serviceChanges.clear();
        clientSettings.clear();
        rootMove.set("");
        tree.set(null);
        viewer.clear();
    }

    private void show(DeploySession.Reviewed r) {
        DeployPreview p = r.preview();
        session.review(r);
        files.setAll(p.diff().changes().stream().map(ReviewedFile::of).toList());
        // A folder taken over (adopt) is a first install for Berth, but its files do change.
        boolean allNew = files.stream().allMatch(f -> f.change() == ReviewedFile.Change.NEW);
        firstInstall.set(allNew);
        changes.setAll(allNew ? List.of() : files.stream().filter(f -> f.change() != ReviewedFile.Change.UNCHANGED).toList());
        tree.set(FileTree.of(p.stackDir(), files));
        jobs.setAll(p.jobs().stream().map(Job::description).toList());
        serviceChanges.setAll(p.services().sentences());
        clientSettings.setAll(p.settingsSentences());
        rootMove.set(String.join("\n", p.rootMoves().stream().filter(m -> !m.folders().isEmpty()).map(RootMove::sentence).toList()));
        viewer.show(p);
        long changing = files.stream().filter(f -> f.change() == ReviewedFile.Change.NEW || f.change() == ReviewedFile.Change.CHANGED).count();
        String where = p.stackDir() + " on " + r.on().target().description();
        int services = p.plan().services().size();
        message.set(allNew ? "A new stack in " + where + ": " + services + " services, " + p.rendered().files().size() + " files."
                : changing == 0 ? "Nothing changes in " + where + ". Deploying again makes sure every service runs."
                : changing + (changing == 1 ? " file changes in " : " files change in ") + where + ".");
        setSummary(allNew ? "New stack, " + services + " services"
                : changing == 0 ? "Nothing changes" : changing + (changing == 1 ? " file changes" : " files change"));
        state.set(State.READY);
        if (p.folderChoiceNeeded()) {
            // Deploying now would start the apps with empty folders: Deploy waits for the person's choice.
            message.set(message.get() + " Choose below what happens to the folders of the moved root before deploying.");
            setSummary("Choose: move or keep the folders");
            setValid(false);
            return;
        }
        setValid(true);
    }

    private void failed(Throwable e) {
        String text = switch (e) {
            case InvalidAnswersException iae -> "These answers cannot be deployed yet. Go back and fix:\n"
                    + iae.problems().stream().map(pr -> "• " + pr).collect(Collectors.joining("\n"));
            case StackState.ForeignStackException fse -> ctx.model().answers().storage().stackDir()
                    + " already holds files that Berth did not make (there is no berth.yaml). Nothing was changed. Choose another "
                    + "stack folder on the Storage page, or take this one over: Berth then backs up each file it replaces.";
            case TargetException te -> te.getMessage();
            default -> "Could not work out the deploy: " + (e.getMessage() == null ? e.toString() : e.getMessage());
        };
        fail(text);
        foreign.set(e instanceof StackState.ForeignStackException);
    }

    private void fail(String text) {
        state.set(State.FAILED);
        message.set(text);
        setValid(false);
        setSummary("Cannot deploy yet");
    }
}
