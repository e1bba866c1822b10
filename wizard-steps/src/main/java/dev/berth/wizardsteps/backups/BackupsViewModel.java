package dev.berth.wizardsteps.backups;

import dev.berth.answers.BackupAnswers;
import dev.berth.answers.BackupAnswers.RepositoryKind;
import dev.berth.answers.Problem;
import dev.berth.answers.StorageAnswers;
import dev.berth.wizardsteps.core.FieldMessages;
import dev.berth.wizardsteps.core.FormStep;
import dev.berth.wizardsteps.core.StepContext;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.StringProperty;

/**
 * Step 9: backups of the stack folder (secrets included) and every app's settings with restic,
 * on a schedule on the target. Off by default. The repository is asked for in parts by kind — a
 * folder or disk on the server, another computer over SFTP, an S3-compatible bucket, a
 * rest-server — and written in restic's notation; the bucket's secret key and the rest-server's
 * password go to the stack's secrets, never into berth.yaml. The answers validator's rules are
 * shown on the page's fields; the page adds only what it alone can see (see {@link BackupProblems}).
 */
public final class BackupsViewModel extends FormStep<BackupAnswers> {
    /** The fields, as the page names them; {@code repository} carries what the validator says of the notation. */
    public static final List<String> FIELDS = List.of("repository", "folder", "sftpUser", "sftpHost", "sftpPort", "sftpPath",
            "s3Endpoint", "s3Bucket", "accessKeyId", "secretAccessKey", "restUrl", "username", "password", "time",
            "keepDaily", "keepWeekly", "keepMonthly");
    private final BackupForm form = new BackupForm();
    private final BackupProblems pageRules;
    private final ReadOnlyStringWrapper repository = new ReadOnlyStringWrapper(this, "repository", "");
    private final ReadOnlyStringWrapper what = new ReadOnlyStringWrapper(this, "what", "");
    private final ReadOnlyStringWrapper missing = new ReadOnlyStringWrapper(this, "missing", "");
    private List<Problem> onFields = List.of();

    public BackupsViewModel(StepContext ctx) {
        super(ctx, "backup", FIELDS, ctx.model().backupProperty(), ctx.model()::setBackup);
        pageRules = new BackupProblems(form, ctx.model().previousSecretsProperty());
        editedOnChange(form.all());
        onDraftChange(this::validate);
        // The stack being changed may keep the secret key or password: then it need not be typed again.
        ctx.model().previousSecretsProperty().addListener((o, was, now) -> validate());
        if (ctx.model().backupProperty().get().equals(build())) {
            validate();
        } else {
            fill(ctx.model().backupProperty().get());
        }
    }

    @Override
    public String title() {
        return "Backups";
    }

    @Override
    public String description() {
        return "Back up your apps' settings and Berth's secrets every day, so a failed disk or a bad update costs nothing.";
    }

    /** On: restic backs up daily on the target. */
    public BooleanProperty enabledProperty() {
        return form.enabled;
    }

    public ObjectProperty<RepositoryKind> kindProperty() {
        return form.kind;
    }

    /** A folder or disk on the server (kind LOCAL). */
    public StringProperty folderProperty() {
        return form.folder;
    }

    public StringProperty sftpUserProperty() {
        return form.sftpUser;
    }

    public StringProperty sftpHostProperty() {
        return form.sftpHost;
    }

    /** As typed; empty means 22. */
    public StringProperty sftpPortProperty() {
        return form.sftpPort;
    }

    public StringProperty sftpPathProperty() {
        return form.sftpPath;
    }

    public StringProperty s3EndpointProperty() {
        return form.s3Endpoint;
    }

    /** The bucket, optionally with a folder: {@code media-backups/berth}. */
    public StringProperty s3BucketProperty() {
        return form.s3Bucket;
    }

    public StringProperty accessKeyIdProperty() {
        return form.accessKeyId;
    }

    /** Masked on the page; empty keeps the stack's on a re-run. */
    public StringProperty secretAccessKeyProperty() {
        return form.secretAccessKey;
    }

    public StringProperty restUrlProperty() {
        return form.restUrl;
    }

    public StringProperty usernameProperty() {
        return form.username;
    }

    /** Masked on the page; empty keeps the stack's on a re-run. */
    public StringProperty passwordProperty() {
        return form.password;
    }

    /** The daily time on the target's clock, {@code HH:MM}. */
    public StringProperty timeProperty() {
        return form.time;
    }

    public ObjectProperty<Integer> keepDailyProperty() {
        return form.keepDaily;
    }

    public ObjectProperty<Integer> keepWeeklyProperty() {
        return form.keepWeekly;
    }

    public ObjectProperty<Integer> keepMonthlyProperty() {
        return form.keepMonthly;
    }

    /** What a secret field says while empty: "leave empty to keep the current one" when the stack has one. */
    public ReadOnlyStringProperty promptProperty(String field) {
        return pageRules.promptProperty(field);
    }

    /** The repository in restic's notation, as the answers file and {@code restic -r} name it; empty while none. */
    public ReadOnlyStringProperty repositoryProperty() {
        return repository.getReadOnlyProperty();
    }

    /** What is backed up, what never, and when, with the draft's own folders. */
    public ReadOnlyStringProperty whatProperty() {
        return what.getReadOnlyProperty();
    }

    /** "Still needed: …" for what is missing but not marked yet. */
    public ReadOnlyStringProperty missingProperty() {
        return missing.getReadOnlyProperty();
    }

    @Override
    protected BackupAnswers build() {
        return form.build();
    }

    @Override
    protected void fillFields(BackupAnswers value) {
        form.fill(value);
    }

    @Override
    protected List<Problem> findProblems() {
        onFields = pageRules.onPage(draftProblems());
        return onFields;
    }

    /** Typed fields, and the numbers kept, which always hold one: their messages show at once. */
    @Override
    protected List<String> filledFields() {
        return FIELDS.stream().filter(f -> f.startsWith("keep") || !form.text(f).isBlank()).toList();
    }

    @Override
    protected void shown(boolean clean) {
        setValid(clean);
        missing.set(clean ? "" : FieldMessages.stillNeeded(messages.unmarked(onFields).stream().map(BackupProblems::describe).toList()));
    }

    @Override
    protected void updateSummary() {
        BackupAnswers b = build();
        String notation = b.repository() == null ? "" : b.repository();
        repository.set(notation);
        what.set(what(ctx.model().storageProperty().get(), b));
        setSummary(!b.enabled() ? "Off" : "Daily at " + b.time() + (notation.isEmpty() ? "" : " to " + notation));
    }

    /** The page's plain words on what is backed up, with the draft's folders where it has them. */
    static String what(StorageAnswers storage, BackupAnswers b) {
        String stack = storage == null || storage.stackDir() == null ? "the stack folder" : "the stack folder " + storage.stackDir();
        String config = storage == null || storage.configRoot() == null ? "every app's settings"
                : "every app's settings under " + storage.configRoot();
        String media = storage == null || storage.dataRoot() == null ? "your media and downloads"
                : "your media and downloads (" + storage.dataRoot() + ")";
        return "Backed up: " + stack + ", with the passwords and keys Berth made, and " + config
                + ", leaving out caches, logs and thumbnails. Never backed up: " + media + ". Every day at " + b.time()
                + " on the server's clock; apps that keep a database are stopped for a few seconds so it is copied whole."
                + " The backup is encrypted with a password Berth makes: it is shown once, on the last page.";
    }
}
