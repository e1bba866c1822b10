package dev.berth.wizardsteps.backups;

import atlantafx.base.controls.ToggleSwitch;
import dev.berth.answers.BackupAnswers.RepositoryKind;
import dev.berth.wizardsteps.view.Choices;
import dev.berth.wizardsteps.view.Fields;
import dev.berth.wizardsteps.view.Page;
import dev.berth.wizardsteps.view.Rows;
import dev.berth.wizardsteps.view.SecretField;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * Step 9's page: the switch, what is backed up, where (four kinds, each with its fields), when and
 * how many are kept. Each label's Alt letter is its own on the page (and not the shell's B or N),
 * hidden kinds' fields included.
 */
public final class BackupsView extends Page {
    public BackupsView(BackupsViewModel vm) {
        ToggleSwitch on = new ToggleSwitch("Back up settings and secrets");
        on.setId("backup-enabled");
        on.selectedProperty().bindBidirectional(vm.enabledProperty());
        Label what = Fields.hint("backup-what", vm.whatProperty());
        what.setWrapText(true);

        VBox details = new VBox(20, where(vm), when(vm));
        Fields.shownWhen(details, vm.enabledProperty());
        Label missing = Fields.hint("backup-missing", vm.missingProperty());
        Fields.shownWhen(missing, vm.enabledProperty().and(vm.missingProperty().isNotEmpty()));
        getChildren().addAll(new VBox(10, on, what), details, Fields.messageLabel(vm.generalMessageProperty()), missing);
    }

    private static VBox where(BackupsViewModel vm) {
        Choices<RepositoryKind> kind = new Choices<>(vm.kindProperty());
        var kinds = new VBox(12,
                Rows.even(kind.card(RepositoryKind.LOCAL, "A _folder or disk on the server", "A second disk or a mounted share: "
                                + "not the disk the apps run from.", "backup-local"),
                        kind.card(RepositoryKind.SFTP, "Another computer over _SFTP", "A NAS or another server you can sign "
                                + "in to with SSH.", "backup-sftp")),
                Rows.even(kind.card(RepositoryKind.S3, "An S_3-compatible bucket", "Amazon S3, Backblaze B2, Wasabi, MinIO "
                                + "and others.", "backup-s3"),
                        kind.card(RepositoryKind.REST, "A _rest-server", "restic's own server, on your network or elsewhere.",
                                "backup-rest")));

        VBox local = new VBox(12, Fields.field("F_older", Fields.text(vm.folderProperty(), "/mnt/backup/berth", "backup-folder"),
                vm.messageProperty("folder")));
        Fields.shownWhen(local, vm.kindProperty().isEqualTo(RepositoryKind.LOCAL));

        TextField port = Fields.text(vm.sftpPortProperty(), "22", "backup-sftp-port");
        port.setPrefColumnCount(6);
        HBox server = new HBox(12, grow(Fields.field("_User", Fields.text(vm.sftpUserProperty(), "backup", "backup-sftp-user"),
                vm.messageProperty("sftpUser"))),
                grow(Fields.field("_Host", Fields.text(vm.sftpHostProperty(), "nas.local", "backup-sftp-host"), vm.messageProperty("sftpHost"))),
                Fields.field("_Port", port, vm.messageProperty("sftpPort")));
        VBox sftp = new VBox(12, server, Fields.field("Folder on that _computer",
                Fields.text(vm.sftpPathProperty(), "/srv/backup/berth", "backup-sftp-path"), vm.messageProperty("sftpPath")),
                Fields.hint("Berth makes a key for the backup; the last page shows its public half, to add to that user's "
                        + "~/.ssh/authorized_keys."));
        Fields.shownWhen(sftp, vm.kindProperty().isEqualTo(RepositoryKind.SFTP));

        VBox s3 = new VBox(12,
                Fields.field("_Endpoint", Fields.text(vm.s3EndpointProperty(), "https://s3.eu-central-003.backblazeb2.com", "backup-s3-endpoint"),
                        vm.messageProperty("s3Endpoint")),
                Fields.field("Bucket and fo_lder", Fields.text(vm.s3BucketProperty(), "media-backups/berth", "backup-s3-bucket"),
                        vm.messageProperty("s3Bucket")),
                Fields.field("Access _key id", Fields.text(vm.accessKeyIdProperty(), "", "backup-access-key-id"),
                        vm.messageProperty("accessKeyId")),
                secret(vm, "Secre_t key", "secretAccessKey", vm.secretAccessKeyProperty(), "backup-secret-key"));
        Fields.shownWhen(s3, vm.kindProperty().isEqualTo(RepositoryKind.S3));

        VBox rest = new VBox(12,
                Fields.field("_Address", Fields.text(vm.restUrlProperty(), "https://backup.lan:8000/berth", "backup-rest-url"),
                        vm.messageProperty("restUrl")),
                new HBox(12, grow(Fields.field("Si_gn-in user", Fields.text(vm.usernameProperty(), "", "backup-rest-user"), vm.messageProperty("username"))),
                        grow(secret(vm, "Sign-in pass_word", "password", vm.passwordProperty(), "backup-rest-password"))));
        Fields.shownWhen(rest, vm.kindProperty().isEqualTo(RepositoryKind.REST));

        Label notation = Fields.hint("backup-repository", Bindings.createStringBinding(() -> vm.repositoryProperty().get().isEmpty() ? ""
                : "restic repository: " + vm.repositoryProperty().get(), vm.repositoryProperty()));
        notation.getStyleClass().add("code");
        return new VBox(12, Fields.heading("Where the backups go"), kinds, local, sftp, s3, rest, notation,
                Fields.messageLabel(vm.messageProperty("repository")),
                Fields.hint("Keys and passwords are kept in the stack's secrets folder, readable only by you, never in berth.yaml."));
    }

    private static VBox when(BackupsViewModel vm) {
        TextField time = Fields.text(vm.timeProperty(), "03:30", "backup-time");
        time.setMaxWidth(120);
        HBox keep = new HBox(12,
                Fields.field("_Daily", spinner(vm.keepDailyProperty(), 1, 366, "backup-keep-daily"), vm.messageProperty("keepDaily")),
                Fields.field("Weekl_y", spinner(vm.keepWeeklyProperty(), 0, 260, "backup-keep-weekly"), vm.messageProperty("keepWeekly")),
                Fields.field("_Monthly", spinner(vm.keepMonthlyProperty(), 0, 240, "backup-keep-monthly"), vm.messageProperty("keepMonthly")));
        return new VBox(12, Fields.heading("When, and how many are kept"),
                Fields.field("E_very day at (HH:MM, the server's clock)", time, vm.messageProperty("time")),
                keep,
                Fields.hint("The newest backup of each of the last days, weeks and months is kept; older ones are removed. "
                        + "Once a week the backup checks itself."));
    }

    private static Spinner<Integer> spinner(ObjectProperty<Integer> value, int min, int max, String id) {
        Spinner<Integer> s = new Spinner<>();
        SpinnerValueFactory.IntegerSpinnerValueFactory f = new SpinnerValueFactory.IntegerSpinnerValueFactory(min, max,
                value.get() == null ? min : value.get());
        // Typed text that is not a number keeps the value (the default converter would throw on the FX thread).
        f.setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer n) {
                return n == null ? "" : n.toString();
            }

            @Override
            public Integer fromString(String text) {
                try {
                    return Integer.valueOf(text.strip());
                } catch (NumberFormatException notANumber) {
                    return f.getValue();
                }
            }
        });
        s.setValueFactory(f);
        f.valueProperty().bindBidirectional(value);
        s.setEditable(true);
        s.setPrefWidth(110);
        s.setId(id);
        return s;
    }

    private static VBox grow(VBox field) {
        HBox.setHgrow(field, Priority.ALWAYS);
        return field;
    }

    private static VBox secret(BackupsViewModel vm, String label, String field, StringProperty value, String id) {
        SecretField secret = new SecretField(value, "", id);
        secret.masked().promptTextProperty().bind(vm.promptProperty(field));
        secret.plain().promptTextProperty().bind(vm.promptProperty(field));
        return SecretField.field(label, secret, vm.messageProperty(field));
    }
}
