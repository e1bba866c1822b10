import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

/**
 * installers/test-deb's stand-in for the wizard until it lands: a small JavaFX window run on the
 * installed Berth's own runtime, to show that JavaFX, its native libraries and GTK work from the
 * package. It follows the start-up probe contract (installers/README.md): once the window is
 * shown and drawn, it writes the time to the file named by -Dberth.startupProbe.
 */
public final class JavaFxSmoke extends Application {
    @Override
    public void start(Stage stage) {
        VBox root = new VBox(12, new Label("Berth's runtime runs JavaFX"), new Button("OK"));
        root.setStyle("-fx-padding: 24; -fx-font-size: 16;");
        stage.setTitle("Berth JavaFX smoke test");
        stage.setScene(new Scene(root, 420, 160));
        stage.addEventHandler(WindowEvent.WINDOW_SHOWN, e -> Platform.runLater(JavaFxSmoke::probe));
        stage.show();
    }

    private static void probe() {
        String file = System.getProperty("berth.startupProbe");
        if (file == null) {
            return;
        }
        try {
            Path target = Path.of(file);
            Path tmp = Path.of(file + ".tmp");
            Files.writeString(tmp, System.currentTimeMillis() + "\n");
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (Exception ignored) {
            // The probe never breaks a start.
        }
    }

    public static void main(String[] args) {
        launch(args);
    }
}
