package dev.berth.wizardsteps.welcome;

import dev.berth.answers.Answers;
import dev.berth.answers.AnswersFile;
import dev.berth.answers.InvalidAnswersException;
import dev.berth.answers.Problem;
import dev.berth.wizardsteps.core.BackgroundTask;
import dev.berth.wizardsteps.core.LatestTask;
import dev.berth.wizardsteps.core.StepContext;
import dev.berth.wizardsteps.core.StepViewModel;
import dev.berth.wizardsteps.core.WizardModel.Start;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;

/**
 * Step 1: start a new stack, change the one on a target, or open an answers file. Opening a file
 * reads it in the background and fills the whole draft; its problems show on the pages they
 * belong to.
 */
public final class WelcomeViewModel extends StepViewModel {
    /** What reading the file gave, copied out of the worker. */
    private record Loaded(Path file, Answers answers, List<Problem> problems) {
    }

    private final LatestTask reading;
    private final DeployedStack deployed;
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(this, "loaded");
    private final ReadOnlyStringWrapper fileMessage = new ReadOnlyStringWrapper(this, "fileMessage", "");
    private final ReadOnlyBooleanWrapper fileFailed = new ReadOnlyBooleanWrapper(this, "fileFailed");
    private final ObjectProperty<Start> start = new SimpleObjectProperty<>(this, "start");
    private Path loadedFile;

    public WelcomeViewModel(StepContext ctx) {
        super(ctx);
        this.reading = new LatestTask(ctx.tasks());
        this.deployed = new DeployedStack(ctx);
        // The radio buttons write the choice here; the model is asked to take it, and is followed when it changes.
        start.set(ctx.model().startProperty().get());
        start.addListener((o, was, now) -> ctx.model().setStart(now));
        ctx.model().startProperty().addListener((o, was, now) -> {
            start.set(now);
            update();
        });
        loaded.addListener(o -> update());
        update();
    }

    @Override
    public String title() {
        return "Welcome";
    }

    @Override
    public String description() {
        return "Berth sets up a home media server: the apps you pick, in Docker, on this computer or on a server.";
    }

    /** The choice; bound both ways by the View's radio buttons. */
    public ObjectProperty<Start> startProperty() {
        return start;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** What the file held, or why it could not be used. */
    public ReadOnlyStringProperty fileMessageProperty() {
        return fileMessage.getReadOnlyProperty();
    }

    /** True when the message is a failure. */
    public ReadOnlyBooleanProperty fileFailedProperty() {
        return fileFailed.getReadOnlyProperty();
    }

    /** Whether a stack Berth deployed is in the draft's stack folder (this computer, or the server connected to). */
    public ReadOnlyBooleanProperty stackFoundProperty() {
        return deployed.foundProperty();
    }

    /** Which stack was found, where. */
    public ReadOnlyStringProperty stackDescriptionProperty() {
        return deployed.descriptionProperty();
    }

    /** The found stack's last backup and its age; empty without backups, or when it cannot be read. */
    public ReadOnlyStringProperty stackLastBackupProperty() {
        return deployed.lastBackupProperty();
    }

    /** Whether a stop, start or remove runs now (the View shows progress and Cancel). */
    public ReadOnlyBooleanProperty stackActionRunningProperty() {
        return deployed.runningProperty();
    }

    /** What the stop, start or remove does now, did, or why it did not. */
    public ReadOnlyStringProperty stackMessageProperty() {
        return deployed.messageProperty();
    }

    public ReadOnlyBooleanProperty stackFailedProperty() {
        return deployed.failedProperty();
    }

    public void stopStack() {
        deployed.stop();
    }

    public void startStack() {
        deployed.start();
    }

    /** Removes the found stack's containers and networks, after a yes; its config and data stay. */
    public void removeStack() {
        deployed.remove();
    }

    /** Removes the found stack and deletes its config, once its project name is typed; never the data tree. */
    public void removeStackAndConfig() {
        deployed.removeAndDeleteConfig();
    }

    public void cancelStackAction() {
        deployed.cancel();
    }

    @Override
    public void enter() {
        deployed.look();
        Path wanted = ctx.model().answersFileProperty().get();
        if (wanted != null && !wanted.equals(loadedFile) && !loading.get()) {
            open(wanted); // berth --answers FILE
        }
    }

    /** Asks for a file and opens it. */
    public void chooseFile() {
        Path start = ctx.model().answersFileProperty().get();
        ctx.dialogs().chooseFile("Open an answers file", start == null ? null : start.getParent(),
                "Berth answers (YAML)", List.of("*.yaml", "*.yml")).ifPresent(this::open);
    }

    /** Reads the file in the background and, when it can be read, fills the draft from it. */
    public void open(Path file) {
        ctx.model().setStart(Start.ANSWERS_FILE);
        ctx.model().setAnswersFile(file);
        loading.set(true);
        fileFailed.set(false);
        fileMessage.set("Reading " + file.getFileName() + "…");
        var backend = ctx.backend();
        reading.replace(BackgroundTask.of("Read " + file, p -> {
            Answers a = AnswersFile.read(file);
            return new Loaded(file, a, backend.validator().validate(a));
        }).onSuccess(this::loaded).onFailure(e -> failed(file, e)).onFinished(() -> loading.set(false)));
    }

    private void loaded(Loaded l) {
        ctx.model().load(l.answers());
        loadedFile = l.file();
        deployed.look(); // the file may name a stack that is deployed
        loaded.set(true);
        String what = l.answers().services().size() + " app" + (l.answers().services().size() == 1 ? "" : "s")
                + (l.answers().target().kind() == dev.berth.answers.TargetAnswers.Kind.SSH ? " on " + l.answers().target().host() : " on this computer");
        fileMessage.set("Read " + l.file().getFileName() + ": " + what + "."
                + (l.problems().isEmpty() ? " Check each page and change what you like."
                : " " + l.problems().size() + " thing" + (l.problems().size() == 1 ? "" : "s") + " to fix on the way; the pages show where."));
    }

    private void failed(Path file, Throwable e) {
        loadedFile = null;
        loaded.set(false);
        fileFailed.set(true);
        String why = e instanceof InvalidAnswersException iae ? String.join("\n", iae.problems().stream().map(Problem::toString).toList())
                : e instanceof java.nio.file.NoSuchFileException ? "there is no such file"
                : e instanceof IOException io ? io.getMessage() : e.toString();
        fileMessage.set("Cannot use " + file.getFileName() + ": " + why);
    }

    private void update() {
        Start s = ctx.model().startProperty().get();
        setValid(s != Start.ANSWERS_FILE || loaded.get());
        setSummary(switch (s) {
            case NEW -> "A new stack";
            case RECONFIGURE -> "Change an existing stack";
            case ANSWERS_FILE -> loaded.get() && loadedFile != null ? "From " + loadedFile.getFileName() : "From an answers file";
        });
    }

    @Override
    public void close() {
        reading.cancel();
        deployed.cancel();
    }
}
