package dev.berth.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.answers.Answers;
import dev.berth.answers.AnswersFile;
import dev.berth.catalog.Catalog;
import dev.berth.engine.RequiresDocker;
import dev.berth.engine.deploy.DeployOptions;
import dev.berth.engine.deploy.DeployOutcome;
import dev.berth.engine.deploy.StackDeployer;
import dev.berth.engine.deploy.StandInStacks;
import dev.berth.engine.target.LocalTarget;
import dev.berth.testsupport.Examples;
import dev.berth.testsupport.NeedsDocker;
import dev.berth.testsupport.NeedsFx;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The wizard end to end, headless, against this machine's Docker engine with stand-in images:
 * a new stack from an answers file to the Done page; a change to a stack that is there already,
 * seen as a diff and recreating only what changed; and a service that never turns healthy,
 * shown with its log and the rollback. Small stacks: other tests share the engine.
 */
@NeedsFx
@NeedsDocker
class WizardDeployTest {
    private static final Duration HEALTH = Duration.ofMinutes(3);

    @TempDir
    Path tmp;
    private String project;
    private WizardDriver wizard;

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

    private Path answersFile(Answers answers) throws IOException {
        return Files.writeString(tmp.resolve("berth.yaml"), AnswersFile.write(answers));
    }

    /** Presses Next on every page that is ready, until the page with this title; returns the titles passed. */
    private List<String> nextUntil(String title) {
        List<String> seen = new ArrayList<>();
        while (!wizard.title().equals(title)) {
            seen.add(wizard.waitUntilReady());
            wizard.next();
        }
        return seen;
    }

    @Test
    void aNewStackFromAnAnswersFileToEveryServiceHealthy() throws Exception {
        // Two apps that publish only their web ports (free ones here): another stack on this engine cannot be in the way.
        Answers answers = StandInStacks.deployable(Examples.answers("minimal-jellyfin").withServices(List.of("jellyfin", "prowlarr")),
                tmp, project);
        wizard = new WizardDriver(TestBackends.healthTimeout(HEALTH, tmp.resolve("deploy-logs")), answersFile(answers));

        List<String> passed = nextUntil("Review");
        assertEquals("Welcome", passed.getFirst());
        assertTrue(passed.containsAll(List.of("Target", "System check", "Storage", "Apps")), passed::toString);
        wizard.waitUntilReady();
        assertEquals("_Deploy", wizard.onFx(() -> wizard.robot.lookup("#next").queryButton().getText()), "Next says what it does");
        assertTrue(wizard.texts("#job-list .label").stream().anyMatch(t -> t.startsWith("Write ")), "the steps are listed");
        assertTrue(wizard.onFx(() -> wizard.find("#file-text", TextArea.class).getText()).contains("jellyfin:"), "compose.yaml shown");
        assertTrue(wizard.texts("#changed-files .hyperlink").isEmpty(), "a new stack has no changes to list");

        wizard.next();
        assertEquals("Deploy", wizard.title());
        assertTrue(wizard.page().busyProperty().get() || wizard.page().isValid());
        wizard.waitUntilReady();
        List<String> states = wizard.texts(".state-chip");
        assertFalse(states.isEmpty());
        assertTrue(states.stream().allMatch(s -> s.equals("healthy") || s.equals("answering")), states::toString);
        assertTrue(wizard.texts(".step-list .label").stream().anyMatch(t -> t.equals("Already on the target")), "each image's bar");
        assertEquals(states.size(), StandInStacks.containerIds(project).size(), "a container per service");

        wizard.next();
        assertEquals("Done", wizard.title());
        List<String> links = wizard.texts("#service-links .hyperlink");
        String jellyfin = "http://localhost:" + answers.portOverrides().get("jellyfin") + "/";
        assertTrue(links.contains(jellyfin), links::toString);
        wizard.robot.clickOn(jellyfin);
        assertEquals(List.of(jellyfin), wizard.opened, "opened in the browser");
        String key = Files.readString(tmp.resolve("stack/secrets/prowlarr_api_key")).strip();
        List<String> shown = wizard.onFx(() -> wizard.robot.lookup("#credentials .text-field").queryAllAs(TextField.class).stream()
                .map(TextField::getText).toList());
        assertEquals(List.of(key), shown, "Prowlarr's new API key, with where it is kept");
        assertTrue(wizard.texts("#credentials-note").getFirst().contains(tmp.resolve("stack/secrets/").toString()));
    }

    @Test
    void changingAnExistingStackShowsTheDiffAndRecreatesOnlyWhatChanged() throws Exception {
        Answers answers = StandInStacks.deployable(Examples.answers("minimal-jellyfin").withServices(List.of("jellyfin", "prowlarr")),
                tmp, project);
        Map<String, Integer> ports = new TreeMap<>(answers.portOverrides());
        ports.put("sabnzbd", freePort()); // the app added below gets a free port, not 8080 another stack may hold
        answers = answers.withPortOverrides(ports);
        StandInStacks.repair("sabnzbd", tmp); // its stand-in image
        try (LocalTarget target = new LocalTarget()) {
            StackDeployer deployer = new StackDeployer(target, Catalog.builtIn());
            DeployOutcome first = deployer.deploy(deployer.preview(answers, DeployOptions.DEFAULT.withHealthTimeout(HEALTH)),
                    p -> { }, () -> false);
            assertTrue(first.succeeded(), first::toString);
        }
        Map<String, String> before = StandInStacks.containerIds(project);
        List<String> secretsBefore = secrets();
        String stackDir = tmp.resolve("stack").toString();

        wizard = new WizardDriver(TestBackends.healthTimeout(HEALTH, tmp.resolve("deploy-logs")), null);
        wizard.robot.clickOn("#start-reconfigure");
        wizard.next();
        assertEquals("Target", wizard.title());
        TextField folder = wizard.find("#stackDir", TextField.class);
        wizard.robot.interact(() -> folder.setText(""));
        wizard.robot.clickOn(folder).write(stackDir);
        wizard.robot.clickOn("#test-connection");
        wizard.waitUntilReady();
        assertTrue(wizard.texts(".label").stream().anyMatch(t -> t.startsWith("Found your stack in " + stackDir)));
        nextUntil("Apps");
        wizard.waitUntilReady();
        CheckBox sabnzbd = wizard.find("#app-sabnzbd .check-box", CheckBox.class);
        // The card may be below the fold; ticking its box is what a click on it does.
        wizard.robot.interact(() -> sabnzbd.setSelected(true));
        // VPN, Access & security and Monitoring keep what the stack had.
        nextUntil("Review");
        assertEquals("Review", wizard.title());
        wizard.waitUntilReady();
        List<String> changed = wizard.texts("#changed-files .hyperlink");
        assertTrue(changed.contains("compose.yaml · changed"), changed::toString);
        List<String> diff = wizard.onFx(() -> List.copyOf(wizard.find("#file-diff", ListView.class).getItems().stream()
                .map(Object::toString).toList()));
        assertTrue(diff.stream().anyMatch(l -> l.equals("+  sabnzbd:")), diff::toString);
        assertTrue(diff.stream().noneMatch(l -> l.startsWith("-  jellyfin:")), "jellyfin stays as it is");

        wizard.next();
        wizard.waitUntilReady();
        Map<String, String> after = StandInStacks.containerIds(project);
        assertEquals(before.get("jellyfin"), after.get("jellyfin"), "Jellyfin was not recreated");
        assertEquals(before.get("prowlarr"), after.get("prowlarr"), "Prowlarr was not recreated");
        assertTrue(after.containsKey("sabnzbd"), after::toString);
        assertNotEquals(before.keySet(), after.keySet());
        List<String> secretsAfter = secrets();
        assertTrue(secretsAfter.containsAll(secretsBefore), "every password and key kept as it was: " + secretsAfter);
        List<String> made = secretsAfter.stream().filter(s -> !secretsBefore.contains(s)).map(s -> s.substring(0, s.indexOf('='))).toList();
        assertEquals(List.of("sabnzbd_api_key"), made, "the one new secret is the key of the app just added");
        wizard.next();
        List<String> shown = wizard.texts("#credentials .label");
        assertTrue(shown.stream().noneMatch(t -> t.contains("Prowlarr")), "Prowlarr's key was shown when it was made, not again: " + shown);
        assertTrue(shown.stream().anyMatch(t -> t.contains("SABnzbd")), "SABnzbd's new key is handed over once: " + shown);
    }

    @Test
    void aServiceThatNeverTurnsHealthyShowsItsLogAndTheRollback() throws Exception {
        Answers answers = StandInStacks.deployable(Examples.answers("minimal-jellyfin").withServices(List.of("jellyfin", "prowlarr")),
                tmp, project);
        StandInStacks.breakService("prowlarr", tmp);
        try {
            wizard = new WizardDriver(TestBackends.healthTimeout(Duration.ofSeconds(20), tmp.resolve("deploy-logs")), answersFile(answers));
            nextUntil("Review");
            wizard.waitUntilReady();
            wizard.next();
            assertEquals("Deploy", wizard.title());
            wizard.until("the deploy to end", () -> !wizard.window().shell().flow().current().busyProperty().get());

            List<String> outcome = wizard.texts("#deploy-outcome .label");
            assertTrue(outcome.contains("The deploy failed and was rolled back"), outcome::toString);
            TextArea log = wizard.find("#log-prowlarr", TextArea.class);
            assertTrue(WizardWindowTest.shown(log));
            String logText = wizard.onFx(log::getText);
            assertTrue(logText.contains("never healthy"), logText);
            assertEquals("failed", wizard.onFx(() -> wizard.find("#service-state-prowlarr", javafx.scene.control.Label.class).getText()));
            List<String> marks = wizard.texts(".job-row .status-icon");
            assertTrue(marks.contains("↺"), "the steps done before were undone: " + marks);
            assertTrue(marks.contains("✕"), "the step that failed: " + marks);
            assertTrue(wizard.robot.lookup("#next").queryButton().isDisabled(), "no way on to Done");
            assertTrue(WizardWindowTest.shown(wizard.find("#try-again", javafx.scene.control.Button.class)));
            assertTrue(StandInStacks.containerIds(project).isEmpty(), "a new stack that failed leaves no container behind");
        } finally {
            StandInStacks.repair("prowlarr", tmp);
        }
    }

    /** Each secret file of the stack as "name=value", in name order. */
    private List<String> secrets() throws IOException {
        try (var files = Files.list(tmp.resolve("stack/secrets"))) {
            List<String> out = new ArrayList<>();
            for (Path f : files.sorted().toList()) {
                out.add(f.getFileName() + "=" + Files.readString(f));
            }
            return out;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
