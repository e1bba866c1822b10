package dev.berth.wizardsteps.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.engine.install.InstallPlan;
import dev.berth.engine.install.InstallStep;
import dev.berth.engine.target.LocalTarget;
import dev.berth.testsupport.NeedsFx;
import dev.berth.wizardsteps.core.StepContext;
import dev.berth.wizardsteps.testing.ScriptedDialogs;
import dev.berth.testsupport.Await;
import dev.berth.wizardsteps.core.ExecutorTaskRunner;
import dev.berth.wizardsteps.core.WizardBackend;
import javafx.application.Platform;
import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.StackPane;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The Install Docker window, headless, with a plan of a harmless command in place of the
 * installer: the commands are listed before anything runs, Install waits for the sudo password,
 * and the output appears once it ran.
 */
@NeedsFx
@ExtendWith(ApplicationExtension.class)
class DockerInstallDialogTest {
    // The app's runner: the commands run off the FX thread and their output comes back on it.
    private final StepContext ctx = StepContext.create(WizardBackend.standard(), new ExecutorTaskRunner(Platform::runLater),
            new ScriptedDialogs());
    private final LocalTarget target = new LocalTarget();
    private final DockerInstallViewModel vm = new DockerInstallViewModel(ctx, target);

    @Start
    void start(Stage stage) {
        StackPane root = new StackPane();
        stage.setScene(new Scene(root, 200, 100));
        stage.show();
        vm.show(new InstallPlan.Commands("harmless commands", "27.5.1", "2.32.4", List.of(new InstallStep("Check the password",
                List.of("sh", "-c", "IFS= read -r pw; [ \"$pw\" = \"$1\" ] && echo password arrived", "sh", "pw 1"), true))));
        DockerInstallDialog.open(root, vm);
    }

    @AfterEach
    void close() {
        ctx.close();
        target.close();
    }

    @Test
    void theCommandsComeFirstInstallWaitsForThePasswordAndTheOutputFollows(FxRobot robot) {
        ListView<?> commands = robot.lookup("#docker-install-commands").queryAs(ListView.class);
        assertEquals(1, commands.getItems().size());
        assertTrue(commands.getItems().getFirst().toString().startsWith("1. Check the password\n    sh -c "));
        assertFalse(robot.lookup("#docker-install-output").query().isVisible(), "nothing ran yet");
        Button install = robot.lookup("#docker-install-run").queryButton();
        assertTrue(install.isDisabled(), "no run without the sudo password");

        robot.clickOn("#docker-install-password").write("pw 1");
        assertFalse(install.isDisabled());
        robot.clickOn(install);

        ListView<?> output = robot.lookup("#docker-install-output").queryAs(ListView.class);
        Await.until("the install's end", () -> vm.installedProperty().get());
        robot.interact(() -> { });
        assertTrue(output.isVisible());
        assertEquals("  password arrived", output.getItems().getLast());
        assertEquals("", robot.lookup("#docker-install-password").queryAs(PasswordField.class).getText());
        assertFalse(robot.lookup("#docker-install-close").queryButton().isDisabled());
    }
}
