package dev.berth.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.dockerjava.api.model.Container;
import dev.berth.answers.Answers;
import dev.berth.answers.AnswersFile;
import dev.berth.catalog.Catalog;
import dev.berth.engine.ComposeTool;
import dev.berth.engine.RequiresDocker;
import dev.berth.engine.deploy.StackContainers;
import dev.berth.engine.deploy.StandInStacks;
import dev.berth.engine.target.LocalTarget;
import dev.berth.plan.Planner;
import dev.berth.testsupport.Examples;
import dev.berth.testsupport.NeedsDocker;
import dev.berth.testsupport.NeedsFx;
import dev.berth.wizardsteps.core.WizardBackend;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Welcome page on a stack deployed on this computer: it finds it from the answers file, and
 * its buttons stop and start it, refuse a purge typed wrong, and purge it when typed right, the
 * data tree staying.
 */
@NeedsFx
@NeedsDocker
class WelcomeStackActionsTest {
    @TempDir
    Path tmp;
    private final String project = StandInStacks.project();
    private WizardDriver wizard;

    @AfterEach
    void tearDown() throws Exception {
        if (wizard != null) {
            wizard.close();
        }
        StandInStacks.remove(project);
    }

    @Test
    void stopsStartsAndRemovesTheStackItFinds() throws Exception {
        RequiresDocker.engine();
        Answers answers = StandInStacks.deployable(Examples.answers("minimal-jellyfin"), tmp, project);
        try (LocalTarget t = new LocalTarget()) {
            StandInStacks.up(t, new Planner(Catalog.builtIn()).plan(answers, Map.of()), ComposeTool.PLUGIN);
        }
        Path movie = Files.writeString(Files.createDirectories(tmp.resolve("data/media/movies")).resolve("film.mkv"), "a film");
        Path berthYaml = tmp.resolve("stack/berth.yaml");
        wizard = new WizardDriver(WizardBackend.standard(), Files.writeString(tmp.resolve("answers.yaml"), AnswersFile.write(answers)));

        wizard.until("the stack to be found", () -> wizard.find("#found-stack", javafx.scene.control.Label.class).getText()
                .contains(project));

        wizard.robot.clickOn("#stack-stop");
        awaitMessage("Stopped the stack");
        assertEquals(List.of("exited"), states());

        wizard.robot.clickOn("#stack-start");
        awaitMessage("Started the stack");
        assertEquals(List.of("running"), states());

        wizard.robot.clickOn("#stack-remove-purge");
        wizard.robot.clickOn("#dialog-text").write("media").type(KeyCode.ENTER);
        awaitMessage("nothing was removed or deleted");
        assertEquals(List.of("running"), states(), "a wrong name removes nothing");
        assertTrue(Files.exists(berthYaml));

        wizard.robot.clickOn("#stack-remove-purge");
        wizard.robot.clickOn("#dialog-text").write(project).type(KeyCode.ENTER);
        awaitMessage("deleted its config");
        assertTrue(states().isEmpty());
        assertFalse(Files.exists(berthYaml), "the config is gone");
        assertEquals("a film", Files.readString(movie), "the data tree stays");
        assertTrue(wizard.texts("#stack-message").getFirst().contains("never deleted"), wizard.texts("#stack-message")::toString);
    }

    private void awaitMessage(String part) {
        wizard.until("the message to say \"" + part + "\"", () -> wizard.find("#stack-message", javafx.scene.control.Label.class)
                .getText().contains(part));
    }

    private List<String> states() throws Exception {
        try (LocalTarget local = new LocalTarget()) {
            return StackContainers.of(local, project).stream().map(Container::getState).distinct().sorted().toList();
        }
    }
}
