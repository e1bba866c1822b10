package dev.berth.wizardsteps.done;

import atlantafx.base.controls.Message;
import atlantafx.base.theme.Styles;
import dev.berth.wizardsteps.view.Fields;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The Done page's Backups section: where the backups go and when, what needs attention, the SFTP
 * key to add on the other computer, the repository password on the deploy that made it (set apart
 * in the warning colours, as it is shown once), the last backup, and Back up now.
 */
final class BackupSection {
    private BackupSection() {
    }

    static VBox of(DoneViewModel vm) {
        BackupResults b = vm.backups();
        Label where = new Label();
        where.setId("backup-where");
        where.setWrapText(true);
        where.textProperty().bind(Bindings.concat("Backed up to ", b.repositoryProperty(), ", ", b.scheduleProperty(), "."));
        Label last = Fields.hint("backup-last", b.lastBackupProperty());
        Fields.shownWhen(last, b.lastBackupProperty().isNotEmpty());

        Message attention = new Message("Backups need attention", "");
        attention.setId("backup-attention");
        attention.getStyleClass().add(Styles.WARNING);
        attention.descriptionProperty().bind(b.attentionProperty());
        Fields.shownWhen(attention, b.attentionProperty().isNotEmpty());

        Label keyHint = Fields.hint("Add this key to ~/.ssh/authorized_keys of the backup user on the SFTP server, so the "
                + "backup can sign in there:");
        HBox keyLine = copyLine(b.publicKeyProperty(), "backup-public-key", vm::copyBackupPublicKey);
        VBox key = new VBox(6, keyHint, keyLine);
        Fields.shownWhen(key, b.publicKeyProperty().isNotEmpty());

        Label passwordTitle = new Label("The backup password");
        passwordTitle.getStyleClass().add(Styles.TEXT_BOLD);
        HBox passwordLine = copyLine(b.passwordProperty(), "backup-password", vm::copyBackupPassword);
        Label keep = new Label(b.keepPassword());
        keep.setId("backup-keep-password");
        keep.setWrapText(true);
        keep.getStyleClass().add(Styles.TEXT_BOLD);
        Label once = Fields.hint("Berth shows it only now. It is kept on the server in the stack's secrets/restic_password.");
        VBox password = new VBox(8, passwordTitle, passwordLine, keep, once);
        password.setId("backup-password-box");
        password.getStyleClass().add("backup-password");
        Fields.shownWhen(password, b.passwordProperty().isNotEmpty());

        VBox box = new VBox(10, Fields.heading("Backups"), where, last, attention, key, password, backUpNow(vm));
        box.setId("backup-section");
        Fields.shownWhen(box, b.shownProperty());
        return box;
    }

    /** Back up now, with its progress and Cancel while it runs, and how it ended. */
    private static HBox backUpNow(DoneViewModel vm) {
        BackupResults b = vm.backups();
        Button now = new Button("Back _up now");
        now.setId("backup-now");
        now.setMnemonicParsing(true);
        now.setOnAction(e -> vm.backUpNow());
        now.disableProperty().bind(b.backingUpProperty());
        return TaskLine.of(now, b.backingUpProperty(), b.backupNowProgressProperty(), vm::cancelBackupNow,
                b.backupNowMessageProperty(), "backup-now");
    }

    /** A read-only, selectable value with a Copy button. */
    private static HBox copyLine(ObservableStringValue value, String id, Runnable copy) {
        TextField field = new TextField();
        field.textProperty().bind(value);
        field.setId(id);
        field.setEditable(false);
        field.getStyleClass().add("code");
        HBox.setHgrow(field, Priority.ALWAYS);
        Button button = new Button("Copy");
        button.setId(id + "-copy");
        button.getStyleClass().add(Styles.SMALL);
        button.setOnAction(e -> {
            copy.run();
            button.setText("Copied");
        });
        HBox line = new HBox(10, field, button);
        line.setAlignment(Pos.CENTER_LEFT);
        return line;
    }
}
