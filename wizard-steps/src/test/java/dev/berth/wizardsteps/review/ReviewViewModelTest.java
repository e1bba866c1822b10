package dev.berth.wizardsteps.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.answers.AccessAnswers;
import dev.berth.answers.Answers;
import dev.berth.answers.AnswersFile;
import dev.berth.answers.StorageAnswers;
import dev.berth.catalog.Catalog;
import dev.berth.engine.RequiresDocker;
import dev.berth.plan.Planner;
import dev.berth.plan.StackPlan;
import dev.berth.render.FolderExport;
import dev.berth.render.Renderer;
import dev.berth.testsupport.Examples;
import dev.berth.testsupport.NeedsDocker;
import dev.berth.wizardsteps.core.DeploySession;
import dev.berth.wizardsteps.core.StepContext;
import dev.berth.wizardsteps.testing.ScriptedDialogs;
import dev.berth.wizardsteps.testing.TestContexts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Review page against this computer as the target: the preview is worked out for real (the
 * stack folder read, the Compose command found), and nothing is changed on the target.
 */
class ReviewViewModelTest {
    @TempDir
    Path tmp;
    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private final StepContext ctx = TestContexts.create(dialogs);
    private final DeploySession session = new DeploySession(ctx.backend());
    private final ReviewViewModel vm = new ReviewViewModel(ctx, session);

    @AfterEach
    void close() {
        ctx.close();
    }

    private Answers answers(List<String> services) {
        StorageAnswers s = new StorageAnswers(tmp.resolve("stack").toString(), tmp.resolve("data").toString(),
                tmp.resolve("stack/config").toString(), 1000, 1000, "Europe/Berlin", false);
        return Examples.answers("minimal-jellyfin").withStorage(s).withServices(services);
    }

    @NeedsDocker
    @Test
    void aNewStackListsItsFilesAndStepsAndChangesNothing() {
        RequiresDocker.engine();
        ctx.model().load(answers(List.of("jellyfin")));
        vm.enter();

        assertEquals(ReviewViewModel.State.READY, vm.stateProperty().get(), vm.messageProperty().get());
        assertTrue(vm.isValid());
        assertTrue(vm.firstInstallProperty().get());
        assertTrue(vm.changes().isEmpty(), "a new stack lists its files, not changes");
        assertTrue(vm.messageProperty().get().startsWith("A new stack in " + tmp.resolve("stack")), vm.messageProperty().get());
        assertTrue(vm.files().stream().anyMatch(f -> f.path().equals("compose.yaml") && f.change() == ReviewedFile.Change.NEW));
        assertEquals(tmp.resolve("stack").toString(), vm.treeProperty().get().name());
        assertTrue(vm.jobs().getFirst().startsWith("Check the target once more"), vm.jobs().toString());
        assertTrue(vm.jobs().contains("Wait until every service is healthy (up to 10 min)"), vm.jobs().toString());
        assertEquals("Set up Jellyfin through its API", vm.jobs().getLast(), "its first run, once it is healthy");
        assertEquals("compose.yaml", vm.viewer().selectedProperty().get().path());
        assertTrue(vm.viewer().textProperty().get().contains("jellyfin:"), vm.viewer().textProperty().get());
        assertEquals("", vm.viewer().diffProperty().get());
        assertEquals("_Deploy", vm.nextLabel());
        assertNotNull(session.reviewedProperty().get());
        assertFalse(Files.exists(tmp.resolve("stack")), "a preview changes nothing");
    }

    @NeedsDocker
    @Test
    void anExistingStackShowsTheDiffOfEachChangedFileAndNeverASecret() throws Exception {
        RequiresDocker.engine();
        Answers before = answers(List.of("jellyfin", "sonarr"));
        StackPlan was = new Planner(Catalog.builtIn()).plan(before, Map.of());
        FolderExport.write(new Renderer().render(was), Files.createDirectories(tmp.resolve("stack")));
        ctx.model().load(before.withServices(List.of("jellyfin", "sonarr", "radarr")));
        vm.enter();

        assertEquals(ReviewViewModel.State.READY, vm.stateProperty().get(), vm.messageProperty().get());
        assertFalse(vm.firstInstallProperty().get());
        List<String> changed = vm.changes().stream().map(f -> f.path() + " " + f.change().label()).toList();
        assertTrue(changed.contains("compose.yaml changed"), changed::toString);
        assertTrue(changed.contains("berth.yaml changed"), changed::toString);
        assertTrue(changed.contains("secrets/radarr_api_key new"), changed::toString);
        assertEquals("compose.yaml", vm.viewer().selectedProperty().get().path(), "the first changed file is shown");
        assertTrue(vm.viewer().diffProperty().get().contains("+  radarr:"), vm.viewer().diffProperty().get());

        String sonarrKey = was.secrets().get("sonarr_api_key");
        assertEquals(sonarrKey, session.reviewedProperty().get().preview().plan().secrets().get("sonarr_api_key"), "secrets kept");
        vm.viewer().select("secrets/radarr_api_key");
        String radarrKey = session.reviewedProperty().get().preview().plan().secrets().get("radarr_api_key");
        assertFalse(vm.viewer().textProperty().get().contains(radarrKey));
        assertTrue(vm.viewer().textProperty().get().startsWith("A secret: Berth never shows it here."));
        assertEquals("", vm.viewer().diffProperty().get());
    }

    @NeedsDocker
    @Test
    void theServiceChangesAreListedAndAMovedAppFolderRootWaitsForMoveOrKeep() throws Exception {
        RequiresDocker.engine();
        Answers before = answers(List.of("jellyfin", "sonarr"));
        StackPlan was = new Planner(Catalog.builtIn()).plan(before, Map.of());
        FolderExport.write(new Renderer().render(was), Files.createDirectories(tmp.resolve("stack")));
        Files.writeString(Files.createDirectories(tmp.resolve("stack/config/jellyfin")).resolve("library.db"), "x");
        var s = before.storage();
        String apps = tmp.resolve("apps").toString();
        ctx.model().load(before.withStorage(new StorageAnswers(s.stackDir(), s.dataRoot(), apps, s.puid(), s.pgid(),
                s.timeZone(), s.hardwareTranscoding())));
        vm.enter();

        assertEquals(ReviewViewModel.State.READY, vm.stateProperty().get(), vm.messageProperty().get());
        // Nothing of this stack runs here: each service starts, and the page says so in words.
        assertTrue(vm.serviceChanges().contains("Jellyfin starts (it is part of the stack but has no container now)."),
                vm.serviceChanges()::toString);
        assertTrue(vm.rootMoveProperty().get().startsWith("The app folder root (storage.configRoot) changes from "
                + s.configRoot() + " to " + apps), vm.rootMoveProperty().get());
        assertFalse(vm.isValid(), "Deploy waits for move or keep");
        assertEquals("Choose: move or keep the folders", vm.summaryProperty().get());

        vm.foldersProperty().set(dev.berth.engine.deploy.DeployOptions.FolderChoice.MOVE);
        assertEquals(ReviewViewModel.State.READY, vm.stateProperty().get(), vm.messageProperty().get());
        assertTrue(vm.isValid());
        assertTrue(vm.jobs().stream().anyMatch(j -> j.contains("move " + s.configRoot() + " → " + apps)), vm.jobs()::toString);

        vm.foldersProperty().set(dev.berth.engine.deploy.DeployOptions.FolderChoice.KEEP);
        assertTrue(vm.isValid());
        assertTrue(vm.jobs().stream().noneMatch(j -> j.contains(" → " + apps)), vm.jobs()::toString);
        assertTrue(Files.isRegularFile(tmp.resolve("stack/config/jellyfin/library.db")), "a preview moves nothing");
        assertFalse(Files.exists(tmp.resolve("apps")));
    }

    @NeedsDocker
    @Test
    void changedAnswersMakeThePreviewStaleUntilTheNextVisit() {
        RequiresDocker.engine();
        ctx.model().load(answers(List.of("jellyfin")));
        vm.enter();
        assertTrue(vm.isValid());
        vm.leave();
        ctx.model().setServices(List.of("jellyfin", "sonarr"));
        assertFalse(vm.isValid());
        assertNull(session.reviewedProperty().get(), "the Deploy page cannot run a preview of other answers");
        vm.enter();
        assertTrue(vm.isValid());
        assertTrue(vm.files().stream().anyMatch(f -> f.path().equals("secrets/sonarr_api_key")));
    }

    @NeedsDocker
    @Test
    void aFolderBerthDidNotMakeIsTakenOverOnlyWhenThePersonSaysSo() throws Exception {
        RequiresDocker.engine();
        Files.createDirectories(tmp.resolve("stack"));
        Files.writeString(tmp.resolve("stack/compose.yaml"), "services: {}\n");
        ctx.model().load(answers(List.of("jellyfin")));
        vm.enter();
        assertEquals(ReviewViewModel.State.FAILED, vm.stateProperty().get());
        assertTrue(vm.foreignProperty().get());
        assertTrue(vm.messageProperty().get().contains("already holds files that Berth did not make"), vm.messageProperty().get());
        assertFalse(vm.isValid());

        vm.adoptProperty().set(true);
        assertEquals(ReviewViewModel.State.READY, vm.stateProperty().get(), vm.messageProperty().get());
        assertTrue(vm.changes().stream().anyMatch(f -> f.path().equals("compose.yaml") && f.change() == ReviewedFile.Change.CHANGED));
        assertTrue(session.reviewedProperty().get().options().adopt());
    }

    @Test
    void answersThatCannotBeDeployedSayWhatToFix() {
        ctx.model().load(answers(List.of("jellyfin")).withStorage(null));
        vm.enter();
        assertEquals(ReviewViewModel.State.FAILED, vm.stateProperty().get());
        assertTrue(vm.messageProperty().get().startsWith("These answers cannot be deployed yet. Go back and fix:"),
                vm.messageProperty().get());
        assertEquals("Cannot deploy yet", vm.summaryProperty().get());
    }

    @Test
    void aStackOnSeveralMachinesIsNotPreviewedHereButSavedForBerthDeploy() throws Exception {
        var nas = new dev.berth.answers.HostAnswers("nas", new dev.berth.answers.TargetAnswers(
                dev.berth.answers.TargetAnswers.Kind.SSH, "nas.local", null, "media", null), null);
        ctx.model().load(answers(List.of("jellyfin")).withHosts(List.of(
                new dev.berth.answers.HostAnswers("pc", dev.berth.answers.TargetAnswers.LOCAL, "192.168.1.30"), nas),
                dev.berth.answers.PlacementAnswers.NONE));
        vm.enter();
        assertEquals(ReviewViewModel.State.WAITING, vm.stateProperty().get());
        assertEquals(ReviewViewModel.SEVERAL_HOSTS, vm.messageProperty().get());
        assertFalse(vm.isValid(), "Deploy stays off: it would put every app on the first machine");
        assertEquals(dev.berth.wizardsteps.core.TargetSession.State.NOT_CONNECTED, ctx.target().stateProperty().get());
        Path file = tmp.resolve("two.yaml");
        dialogs.chosenPaths.add(file);
        vm.saveAnswers();
        assertEquals(List.of("pc", "nas"), AnswersFile.parse(Files.readString(file)).hosts().stream()
                .map(dev.berth.answers.HostAnswers::name).toList());
    }

    @Test
    void savedAnswersLeaveThePasswordsOut() throws Exception {
        Answers withPassword = answers(List.of("jellyfin")).withAccess(new AccessAnswers(AccessAnswers.Mode.DOMAIN,
                "media.example.com", false, new AccessAnswers.Npm("admin@example.com", "typed-Secret-42"),
                AccessAnswers.Authelia.OFF, false));
        ctx.model().load(withPassword);
        Path file = tmp.resolve("saved.yaml");
        dialogs.chosenPaths.add(file);
        vm.saveAnswers();
        String saved = Files.readString(file);
        assertFalse(saved.contains("typed-Secret-42"), saved);
        assertEquals(AnswersFile.parse(saved).access().npm().adminEmail(), "admin@example.com");
        assertTrue(vm.exportMessageProperty().get().startsWith("Saved your answers to " + file), vm.exportMessageProperty().get());
        assertFalse(vm.exportFailedProperty().get());
    }

    @NeedsDocker
    @Test
    void exportedFilesAreTheStackAsBerthWritesItWithSecretsOwnerOnly() throws Exception {
        RequiresDocker.engine();
        ctx.model().load(answers(List.of("jellyfin", "sonarr")));
        vm.enter();
        Path out = tmp.resolve("export");
        dialogs.chosenPaths.add(out);
        vm.exportFiles();
        assertTrue(Files.isRegularFile(out.resolve("compose.yaml")));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(out.resolve("secrets/sonarr_api_key"))));
        assertTrue(vm.exportMessageProperty().get().startsWith("Wrote "), vm.exportMessageProperty().get());

        Path full = Files.createDirectories(tmp.resolve("full"));
        Files.writeString(full.resolve("mine.txt"), "keep me");
        dialogs.confirmAnswer = false;
        dialogs.chosenPaths.add(full);
        vm.exportFiles();
        assertFalse(Files.exists(full.resolve("compose.yaml")), "the person chose not to write into a folder with files");
        assertTrue(dialogs.asked.contains("confirm: Export into a folder that is not empty?"));
    }
}
