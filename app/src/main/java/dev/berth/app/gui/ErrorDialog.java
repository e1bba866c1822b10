package dev.berth.app.gui;

import java.io.PrintWriter;
import java.io.StringWriter;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** Says what went wrong, with the details (the stack trace) in a box the person can copy from. */
final class ErrorDialog {
    private ErrorDialog() {
    }

    static void show(Window owner, String title, String message, Throwable error) {
        Alert alert = new Alert(Alert.AlertType.ERROR);
        if (owner != null && owner.isShowing()) {
            alert.initOwner(owner);
        }
        alert.setTitle(title);
        EnterPresses.focusedButton(alert.getDialogPane());
        alert.setHeaderText(title);
        alert.setContentText(message);
        if (error != null) {
            String details = details(error);
            TextArea area = new TextArea(details);
            area.setEditable(false);
            area.setWrapText(false);
            area.getStyleClass().add("code");
            area.setPrefRowCount(14);
            VBox.setVgrow(area, Priority.ALWAYS);
            Button copy = new Button("_Copy details");
            copy.setOnAction(e -> {
                ClipboardContent c = new ClipboardContent();
                c.putString(title + "\n" + message + "\n\n" + details);
                Clipboard.getSystemClipboard().setContent(c);
                copy.setText("Copied");
            });
            alert.getDialogPane().setExpandableContent(new VBox(8, area, copy));
        }
        alert.showAndWait();
    }

    static String details(Throwable error) {
        StringWriter w = new StringWriter();
        error.printStackTrace(new PrintWriter(w));
        return "Berth " + Runtime.version() + " on " + System.getProperty("os.name") + " " + System.getProperty("os.arch")
                + "\n" + w;
    }
}
