package dev.berth.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.answers.Answers;
import dev.berth.answers.AnswersFile;
import dev.berth.engine.RequiresDocker;
import dev.berth.engine.deploy.StandInStacks;
import dev.berth.testsupport.Examples;
import dev.berth.testsupport.NeedsDocker;
import dev.berth.testsupport.NeedsFx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The wizard from Welcome to Done with the keyboard alone: an answers file, a real deploy on this
 * machine's Docker engine with stand-in images (as {@link WizardDeployTest}), and no click and no
 * fire() on the way: Tab, Shift+Tab, Enter, Space, Alt+arrows and a mnemonic. Every page it
 * passes is also checked for text cut off (the Deploy and Done pages with a real deploy's content).
 */
@NeedsFx
@NeedsDocker
class KeyboardWalkTest {
    private static final Duration HEALTH = Duration.ofMinutes(3);

    @TempDir
    Path tmp;
    private String project;
    private WizardDriver wizard;
    private Keys keys;
    private final List<String> cutOff = new ArrayList<>();

    @BeforeEach
    void setUp() {
        RequiresDocker.engine();
        project = StandInStacks.project();
    }

    @AfterEach
    void tearDown() throws Exception {
        if (wizard != null) {
            wizard.close();
        }
        StandInStacks.remove(project);
    }

    /** Waits until the page is ready, notes any label cut off on it, and returns its title. */
    private String ready() {
        String title = wizard.waitUntilReady();
        cutOff.addAll(wizard.onFx(() -> Elided.in(wizard.window().stage().getScene().getRoot())).stream()
                .map(e -> title + ": " + e).toList());
        return title;
    }

    /** Tab to Next and press Enter on it. */
    private void nextByEnter() {
        keys.tabTo("next");
        keys.press(KeyCode.ENTER);
    }

    @Test
    void fromWelcomeToDoneWithKeysOnly() throws Exception {
        Answers answers = StandInStacks.deployable(Examples.answers("minimal-jellyfin").withServices(List.of("jellyfin", "prowlarr")),
                tmp, project);
        Path file = Files.writeString(tmp.resolve("berth.yaml"), AnswersFile.write(answers));
        wizard = new WizardDriver(TestBackends.healthTimeout(HEALTH, tmp.resolve("deploy-logs")), file);
        keys = new Keys(wizard.robot);

        assertEquals("Welcome", ready());
        assertTrue(wizard.onFx(() -> wizard.find("#start-answers-file", Node.class).isFocused()),
                "the focus starts on the page's first choice: " + Keys.describe(keys.focused()));
        keys.tabTo("next");
        keys.press(KeyCode.SPACE); // Space presses the focused button
        assertEquals("Target", ready());
        keys.press(KeyCode.ALT, KeyCode.RIGHT);
        assertEquals("System check", ready());
        nextByEnter();
        assertEquals("Storage", ready());

        // Back by Enter on the focused Back button, then on with Next's mnemonic.
        keys.tabUntil("Back", false, n -> Keys.hasId(n, "back"));
        keys.press(KeyCode.ENTER);
        assertEquals("System check", ready());
        keys.press(KeyCode.ALT, KeyCode.N);
        assertEquals("Storage", ready());
        nextByEnter();

        assertEquals("Apps", ready());
        // A card's check box: reached with Tab, ticked and unticked with Space.
        CheckBox sonarr = wizard.find("#app-sonarr .check-box", CheckBox.class);
        keys.tabUntil("Sonarr's check box", true, n -> n == sonarr);
        keys.press(KeyCode.SPACE);
        assertTrue(wizard.onFx(() -> wizard.window().context().model().answers().services().contains("sonarr")), "Space ticks");
        keys.press(KeyCode.SPACE);
        assertFalse(wizard.onFx(() -> wizard.window().context().model().answers().services().contains("sonarr")), "and unticks");

        for (String page : List.of("VPN", "Access & security", "Monitoring", "Backups")) {
            nextByEnter();
            assertEquals(page, ready());
        }
        nextByEnter();
        assertEquals("Review", ready());
        assertEquals("_Deploy", wizard.onFx(() -> wizard.robot.lookup("#next").queryButton().getText()));
        nextByEnter();

        assertEquals("Deploy", wizard.title());
        assertEquals("Deploy", ready());
        List<String> states = wizard.texts(".state-chip");
        assertTrue(!states.isEmpty() && states.stream().allMatch(s -> s.equals("healthy") || s.equals("answering")), states::toString);
        nextByEnter();

        assertEquals("Done", wizard.title());
        ready();
        String jellyfin = "http://localhost:" + answers.portOverrides().get("jellyfin") + "/";
        keys.tabUntil("the link to Jellyfin", true, n -> n instanceof Hyperlink h && h.getText().equals(jellyfin));
        keys.press(KeyCode.ENTER);
        assertEquals(List.of(jellyfin), wizard.opened, "Enter on a link opens it in the browser");

        assertTrue(cutOff.isEmpty(), "cut off:\n" + String.join("\n", cutOff));
    }
}
