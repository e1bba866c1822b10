package dev.berth.app.gui;

import dev.berth.wizardsteps.core.DialogService;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** The dialogs, as JavaFX windows owned by the wizard's window. */
final class FxDialogService implements DialogService {
    private final Window owner;
    private final Consumer<String> browser;

    /** @param browser opens a web address (the application's HostServices) */
    FxDialogService(Window owner, Consumer<String> browser) {
        this.owner = owner;
        this.browser = browser;
    }

    @Override
    public boolean confirm(String title, String message, String confirm, String cancel) {
        return FxThread.call(() -> {
            ButtonType yes = new ButtonType(confirm, ButtonBar.ButtonData.OK_DONE);
            ButtonType no = new ButtonType(cancel, ButtonBar.ButtonData.CANCEL_CLOSE);
            Alert alert = new Alert(Alert.AlertType.CONFIRMATION, message, yes, no);
            prepare(alert, title);
            alert.setHeaderText(title);
            return alert.showAndWait().orElse(no) == yes;
        });
    }

    @Override
    public boolean trustHostKey(String host, int port, String keyType, String fingerprint) {
        return FxThread.call(() -> {
            ButtonType trust = new ButtonType("_Trust and connect", ButtonBar.ButtonData.OK_DONE);
            Dialog<ButtonType> d = new Dialog<>();
            prepare(d, "New server key");
            String where = port == 22 ? host : host + ":" + port;
            d.setHeaderText("Is this " + where + "?");
            TextField print = new TextField(fingerprint);
            print.setEditable(false);
            print.getStyleClass().add("code");
            Label intro = new Label("Berth has not connected to " + where + " before. The server presents this "
                    + keyType.replace("ssh-", "").toUpperCase(Locale.ROOT) + " key:");
            intro.setWrapText(true);
            Label how = new Label("On the server, `ssh-keygen -lf /etc/ssh/ssh_host_" + keyType.replace("ssh-", "")
                    .replace("ecdsa-sha2-nistp256", "ecdsa") + "_key.pub` prints its fingerprint. Trust the key only if both match; "
                    + "Berth then remembers it in known_hosts.");
            how.setWrapText(true);
            VBox body = new VBox(10, intro, print, how);
            body.setPrefWidth(520);
            d.getDialogPane().setContent(body);
            d.getDialogPane().getButtonTypes().addAll(trust, ButtonType.CANCEL);
            return d.showAndWait().orElse(ButtonType.CANCEL) == trust;
        });
    }

    @Override
    public Optional<String> askText(String title, String question) {
        return FxThread.call(() -> {
            Dialog<String> d = new Dialog<>();
            prepare(d, title);
            d.setHeaderText(question);
            javafx.scene.control.TextField field = new javafx.scene.control.TextField();
            field.setId("dialog-text");
            d.getDialogPane().setContent(field);
            d.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
            d.setResultConverter(b -> b == ButtonType.OK ? field.getText() : null);
            field.requestFocus();
            return d.showAndWait();
        });
    }

    @Override
    public Optional<String> askSecret(String title, String question) {
        return FxThread.call(() -> {
            Dialog<String> d = new Dialog<>();
            prepare(d, title);
            d.setHeaderText(question);
            PasswordField field = new PasswordField();
            d.getDialogPane().setContent(field);
            d.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
            d.setResultConverter(b -> b == ButtonType.OK ? field.getText() : null);
            field.requestFocus();
            return d.showAndWait();
        });
    }

    @Override
    public Optional<Path> chooseFolder(String title, Path start) {
        return FxThread.call(() -> {
            DirectoryChooser c = new DirectoryChooser();
            c.setTitle(title);
            existing(start).ifPresent(p -> c.setInitialDirectory(p.toFile()));
            return Optional.ofNullable(c.showDialog(owner)).map(File::toPath);
        });
    }

    @Override
    public Optional<Path> chooseFile(String title, Path start, String kind, List<String> patterns) {
        return FxThread.call(() -> {
            FileChooser c = new FileChooser();
            c.setTitle(title);
            c.getExtensionFilters().addAll(new FileChooser.ExtensionFilter(kind, patterns),
                    new FileChooser.ExtensionFilter("All files", "*"));
            existing(start).ifPresent(p -> c.setInitialDirectory(p.toFile()));
            return Optional.ofNullable(c.showOpenDialog(owner)).map(File::toPath);
        });
    }

    @Override
    public Optional<Path> chooseSaveFile(String title, Path start, String suggestedName, String kind, List<String> patterns) {
        return FxThread.call(() -> {
            FileChooser c = new FileChooser();
            c.setTitle(title);
            c.setInitialFileName(suggestedName);
            c.getExtensionFilters().addAll(new FileChooser.ExtensionFilter(kind, patterns),
                    new FileChooser.ExtensionFilter("All files", "*"));
            existing(start).ifPresent(p -> c.setInitialDirectory(p.toFile()));
            return Optional.ofNullable(c.showSaveDialog(owner)).map(File::toPath);
        });
    }

    @Override
    public void openInBrowser(String url) {
        browser.accept(url);
    }

    @Override
    public void showError(String title, String message, Throwable details) {
        FxThread.call(() -> {
            ErrorDialog.show(owner, title, message, details);
            return null;
        });
    }

    @Override
    public void copyToClipboard(String text) {
        FxThread.call(() -> {
            ClipboardContent c = new ClipboardContent();
            c.putString(text);
            return Clipboard.getSystemClipboard().setContent(c);
        });
    }

    private void prepare(Dialog<?> d, String title) {
        d.initOwner(owner);
        d.setTitle(title);
        EnterPresses.focusedButton(d.getDialogPane());
        if (owner != null && owner.getScene() != null) {
            d.getDialogPane().getStylesheets().addAll(owner.getScene().getStylesheets());
        }
    }

    private static Optional<Path> existing(Path dir) {
        return Optional.ofNullable(dir).filter(Files::isDirectory);
    }
}
