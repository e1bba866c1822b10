package dev.berth.wizardsteps.review;

import dev.berth.answers.Answers;
import dev.berth.answers.AnswersFile;
import dev.berth.answers.AnswersSecrets;
import dev.berth.render.FolderExport;
import dev.berth.render.RenderedStack;
import dev.berth.wizardsteps.core.BackgroundTask;
import dev.berth.wizardsteps.core.LatestTask;
import dev.berth.wizardsteps.core.StepContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * "Save answers" and "Export files" on the Review page: the person picks where, the writing
 * happens in the background, and one line says how it went. Answers are saved without their
 * secrets, like berth.yaml; exported files include the secrets/ folder, written owner-only.
 */
final class ReviewExports {
    private final StepContext ctx;
    private final LatestTask slot;
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper failed = new ReadOnlyBooleanWrapper(this, "failed");

    ReviewExports(StepContext ctx) {
        this.ctx = ctx;
        this.slot = new LatestTask(ctx.tasks());
    }

    ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty failedProperty() {
        return failed.getReadOnlyProperty();
    }

    void saveAnswers(Answers draft) {
        Path from = ctx.model().answersFileProperty().get();
        Path start = from != null ? from.toAbsolutePath().getParent() : home();
        ctx.dialogs().chooseSaveFile("Save answers", start, "berth.yaml", "Berth answers (YAML)", List.of("*.yaml", "*.yml"))
                .ifPresent(file -> slot.replace(BackgroundTask.of("Save answers to " + file, p -> {
                    Files.writeString(file, AnswersFile.write(AnswersSecrets.strip(draft)));
                    return file;
                }).onSuccess(f -> say("Saved your answers to " + f + ". Passwords and keys are not in it; "
                        + "open it with berth --answers " + f.getFileName() + ".", false))
                        .onFailure(e -> say("Could not save to " + file + ": " + reason(e), true))));
    }

    void exportFiles(RenderedStack stack) {
        ctx.dialogs().chooseFolder("Export the stack's files", home())
                .ifPresent(dir -> slot.replace(BackgroundTask.of("Export files to " + dir, p -> write(stack, dir))
                        .onSuccess(written -> {
                            if (written != null) {
                                say("Wrote " + written.files() + " files to " + dir + ". Its secrets/ folder holds passwords "
                                        + "and keys: keep it private." + written.note().map(n -> " " + n).orElse(""), false);
                            }
                        })
                        .onFailure(e -> say("Could not export to " + dir + ": " + reason(e), true))));
    }

    /** How many files were written, and what the person should know about the folder (a FAT stick keeps nothing private). */
    private record Written(int files, Optional<String> note) {
    }

    /** What was written, or null when the person chose not to replace what is there. */
    private Written write(RenderedStack stack, Path dir) throws IOException {
        Files.createDirectories(dir);
        boolean empty;
        try (Stream<Path> inside = Files.list(dir)) {
            empty = inside.findAny().isEmpty();
        }
        if (!empty && !ctx.dialogs().confirm("Export into a folder that is not empty?", dir + " already holds files. "
                + "Files with the same names as the stack's are replaced; the others stay.", "_Export", "_Cancel")) {
            return null;
        }
        Optional<String> note = FolderExport.write(stack, dir);
        return new Written(stack.files().size(), note);
    }

    private void say(String text, boolean bad) {
        failed.set(bad);
        message.set(text);
    }

    private static String reason(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static Path home() {
        return Path.of(System.getProperty("user.home"));
    }
}
