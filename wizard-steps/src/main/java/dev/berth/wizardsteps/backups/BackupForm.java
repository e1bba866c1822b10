package dev.berth.wizardsteps.backups;

import dev.berth.answers.BackupAnswers;
import dev.berth.answers.BackupAnswers.Credentials;
import dev.berth.answers.BackupAnswers.Keep;
import dev.berth.answers.BackupAnswers.RepositoryKind;
import dev.berth.answers.BackupAnswers.Scheduler;
import java.util.List;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The Backups page's fields as typed, and the {@link BackupAnswers} they make. Switched off, the
 * answers still carry what was typed, so switching on again brings it back and a file's section
 * that is off stays as it was.
 */
final class BackupForm {
    final BooleanProperty enabled = new SimpleBooleanProperty(this, "enabled");
    final ObjectProperty<RepositoryKind> kind = new SimpleObjectProperty<>(this, "kind", RepositoryKind.LOCAL);
    final StringProperty folder = new SimpleStringProperty(this, "folder", "");
    final StringProperty sftpUser = new SimpleStringProperty(this, "sftpUser", "");
    final StringProperty sftpHost = new SimpleStringProperty(this, "sftpHost", "");
    final StringProperty sftpPort = new SimpleStringProperty(this, "sftpPort", "");
    final StringProperty sftpPath = new SimpleStringProperty(this, "sftpPath", "");
    final StringProperty s3Endpoint = new SimpleStringProperty(this, "s3Endpoint", "");
    final StringProperty s3Bucket = new SimpleStringProperty(this, "s3Bucket", "");
    final StringProperty accessKeyId = new SimpleStringProperty(this, "accessKeyId", "");
    final StringProperty secretAccessKey = new SimpleStringProperty(this, "secretAccessKey", "");
    final StringProperty restUrl = new SimpleStringProperty(this, "restUrl", "");
    final StringProperty username = new SimpleStringProperty(this, "username", "");
    final StringProperty password = new SimpleStringProperty(this, "password", "");
    final StringProperty time = new SimpleStringProperty(this, "time", BackupAnswers.DEFAULT_TIME);
    final ObjectProperty<Integer> keepDaily = new SimpleObjectProperty<>(this, "keepDaily", Keep.DEFAULT.daily());
    final ObjectProperty<Integer> keepWeekly = new SimpleObjectProperty<>(this, "keepWeekly", Keep.DEFAULT.weekly());
    final ObjectProperty<Integer> keepMonthly = new SimpleObjectProperty<>(this, "keepMonthly", Keep.DEFAULT.monthly());
    /** Not on the page: kept as the answers had it ({@code auto} unless a file says otherwise). */
    private Scheduler scheduler = Scheduler.AUTO;

    List<Observable> all() {
        return List.of(enabled, kind, folder, sftpUser, sftpHost, sftpPort, sftpPath, s3Endpoint, s3Bucket, accessKeyId,
                secretAccessKey, restUrl, username, password, time, keepDaily, keepWeekly, keepMonthly);
    }

    /** The text of a field, by its name in {@link BackupsViewModel#FIELDS}; empty for the others. */
    String text(String field) {
        return switch (field) {
            case "folder" -> folder.get();
            case "sftpUser" -> sftpUser.get();
            case "sftpHost" -> sftpHost.get();
            case "sftpPort" -> sftpPort.get();
            case "sftpPath" -> sftpPath.get();
            case "s3Endpoint" -> s3Endpoint.get();
            case "s3Bucket" -> s3Bucket.get();
            case "accessKeyId" -> accessKeyId.get();
            case "secretAccessKey" -> secretAccessKey.get();
            case "restUrl" -> restUrl.get();
            case "username" -> username.get();
            case "password" -> password.get();
            case "time" -> time.get();
            default -> "";
        };
    }

    RepositoryParts parts() {
        return new RepositoryParts(kind.get(), folder.get(), sftpUser.get(), sftpHost.get(), sftpPort.get(), sftpPath.get(),
                s3Endpoint.get(), s3Bucket.get(), restUrl.get());
    }

    BackupAnswers build() {
        Credentials credentials = switch (kind.get()) {
            // Secrets are taken as typed: a space at either end may be part of them.
            case S3 -> credentials(new Credentials(stripped(accessKeyId), typed(secretAccessKey), null, null));
            case REST -> credentials(new Credentials(null, null, stripped(username), typed(password)));
            case LOCAL, SFTP -> null;
        };
        return new BackupAnswers(enabled.get(), parts().notation(), time.get() == null ? null : time.get().strip(),
                new Keep(value(keepDaily), value(keepWeekly), value(keepMonthly)), scheduler, credentials);
    }

    void fill(BackupAnswers b) {
        enabled.set(b.enabled());
        RepositoryParts p = RepositoryParts.parse(b.repository());
        kind.set(p.kind());
        folder.set(p.folder());
        sftpUser.set(p.sftpUser());
        sftpHost.set(p.sftpHost());
        sftpPort.set(p.sftpPort());
        sftpPath.set(p.sftpPath());
        s3Endpoint.set(p.s3Endpoint());
        s3Bucket.set(p.s3Bucket());
        restUrl.set(p.restUrl());
        Credentials c = b.credentials() == null ? new Credentials(null, null, null, null) : b.credentials();
        accessKeyId.set(orEmpty(c.accessKeyId()));
        secretAccessKey.set(orEmpty(c.secretAccessKey()));
        username.set(orEmpty(c.username()));
        password.set(orEmpty(c.password()));
        time.set(b.time());
        keepDaily.set(b.keep().daily());
        keepWeekly.set(b.keep().weekly());
        keepMonthly.set(b.keep().monthly());
        scheduler = b.scheduler();
    }

    private static Credentials credentials(Credentials c) {
        return c.accessKeyId() == null && c.secretAccessKey() == null && c.username() == null && c.password() == null ? null : c;
    }

    private static int value(ObjectProperty<Integer> p) {
        return p.get() == null ? 0 : p.get();
    }

    private static String stripped(StringProperty p) {
        return p.get() == null || p.get().isBlank() ? null : p.get().strip();
    }

    private static String typed(StringProperty p) {
        return p.get() == null || p.get().isEmpty() ? null : p.get();
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
