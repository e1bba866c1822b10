package dev.berth.wizardsteps.apps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.answers.MediaAnswers;
import dev.berth.answers.StorageAnswers;
import dev.berth.answers.TargetAnswers;
import dev.berth.catalog.Catalog;
import dev.berth.catalog.CatalogLoader;
import dev.berth.engine.target.Target;
import dev.berth.engine.target.TargetException;
import dev.berth.testsupport.RepoPaths;
import dev.berth.wizardsteps.core.CurrentThreadTaskRunner;
import dev.berth.wizardsteps.core.StepContext;
import dev.berth.wizardsteps.core.WizardBackend;
import dev.berth.wizardsteps.testing.ScriptedDialogs;
import dev.berth.wizardsteps.testing.TestContexts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Apps page's "Options for watching": shown only for the apps that need them, starting from
 * the defaults, checked by the answers' own rules, and written to the draft's media part holding
 * only what differs from the defaults.
 */
class WatchingOptionsTest {
    private static final StorageAnswers STORAGE = new StorageAnswers("/opt/berth", "/srv/media", "/opt/berth/config",
            1000, 1000, "UTC", false);
    private final StepContext ctx = TestContexts.create(new ScriptedDialogs());
    private final AppsViewModel vm = new AppsViewModel(ctx);

    @TempDir
    Path dir;

    private static void choose(AppsViewModel vm, String... ids) {
        for (String id : ids) {
            vm.card(id).chosenProperty().set(true);
        }
    }

    @Test
    void theSectionAppearsOnlyForTheAppsThatNeedIt() {
        vm.enter();
        assertFalse(vm.watchingShownProperty().get(), "nothing chosen: a calm page");
        choose(vm, "sonarr");
        assertFalse(vm.watchingShownProperty().get(), "Sonarr alone asks nothing here");

        choose(vm, "jellyfin");
        assertTrue(vm.watchingShownProperty().get());
        assertTrue(vm.mediaServerShownProperty().get());
        assertFalse(vm.subtitlesShownProperty().get());

        choose(vm, "bazarr");
        assertTrue(vm.subtitlesShownProperty().get());

        choose(vm, "recyclarr");
        assertTrue(vm.profilesShownProperty().get());
        assertEquals(List.of("sonarr"), vm.qualityProfiles().stream().map(ProfileChoice::app).toList(),
                "only the apps chosen that Recyclarr serves");
    }

    @Test
    void theMediaServerStartsFromTheDefaultsAndTheDraftKeepsOnlyWhatDiffers() {
        ctx.model().setStorage(STORAGE);
        vm.enter();
        choose(vm, "jellyfin");
        assertEquals("Berth", vm.serverNameProperty().get());
        assertEquals(new Option("en", "English"), vm.metadataLanguageProperty().get());
        assertEquals(new Option("US", "United States"), vm.metadataCountryProperty().get());
        assertEquals(MediaAnswers.DEFAULTS, ctx.model().mediaProperty().get(), "defaults stay out of berth.yaml");

        vm.serverNameProperty().set("Living room");
        vm.metadataLanguageProperty().set(new Option("de", "German"));
        assertEquals(new MediaAnswers("Living room", "de", null, List.of(), Map.of(), null), ctx.model().mediaProperty().get());
        assertTrue(vm.isValid());
    }

    @Test
    void anEmptyServerNameIsNamedByTheAnswersOwnRuleAndBlocksNext() {
        ctx.model().setStorage(STORAGE);
        vm.enter();
        choose(vm, "jellyfin");
        vm.serverNameProperty().set("");
        assertEquals("must be 1 to 64 characters", vm.messageProperty("serverName").get());
        assertFalse(vm.isValid());

        vm.serverNameProperty().set("Den");
        assertEquals("", vm.messageProperty("serverName").get());
        assertTrue(vm.isValid());
    }

    @Test
    void subtitlesDefaultToTheMetadataLanguageAndKeepTheOrderTheyWereTickedIn() {
        ctx.model().setStorage(STORAGE);
        vm.enter();
        choose(vm, "jellyfin", "bazarr");
        assertEquals(List.of("en"), vm.subtitleLanguages());
        assertTrue(vm.subtitleProperty("en").get());

        vm.subtitleProperty("de").set(true);
        vm.subtitleProperty("fr").set(true);
        vm.subtitleProperty("en").set(false);
        assertEquals(List.of("de", "fr"), vm.subtitleLanguages());
        assertEquals(List.of("de", "fr"), ctx.model().mediaProperty().get().subtitleLanguages());

        vm.subtitleProperty("de").set(false);
        vm.subtitleProperty("de").set(true);
        assertEquals(List.of("fr", "de"), ctx.model().mediaProperty().get().subtitleLanguages(), "ticked again: last");
    }

    @Test
    void answersLoadedFromAFileFillTheOptionsUnchanged() {
        MediaAnswers media = new MediaAnswers("Cinema", "sv", "SE", List.of("sv", "ko"), Map.of(), null);
        vm.enter();
        ctx.model().setStorage(STORAGE);
        ctx.model().setServices(List.of("jellyfin", "bazarr"));
        ctx.model().setMedia(media);

        assertEquals("Cinema", vm.serverNameProperty().get());
        assertEquals(new Option("sv", "Swedish"), vm.metadataLanguageProperty().get());
        assertEquals(new Option("SE", "Sweden"), vm.metadataCountryProperty().get());
        assertEquals(List.of("sv", "ko"), vm.subtitleLanguages());
        assertTrue(vm.offeredSubtitles().contains("ko"), "a language the file names is offered to tick");
        assertEquals(media, ctx.model().mediaProperty().get());
        assertTrue(vm.isValid());
    }

    /** A catalog whose Sonarr offers two profiles (the built-in entries get theirs from the Recyclarr work). */
    @Test
    void recyclarrOffersEachServedAppsProfilesWithTheFirstAsDefault() {
        StepContext withProfiles = StepContext.create(WizardBackend.standard(), new CurrentThreadTaskRunner(), new ScriptedDialogs());
        withProfiles.model().setStorage(STORAGE);
        AppsViewModel page = new AppsViewModel(withProfiles);
        page.enter();
        choose(page, "sonarr", "radarr");
        assertFalse(page.profilesShownProperty().get(), "without Recyclarr no profile is asked");

        choose(page, "recyclarr");
        assertTrue(page.profilesShownProperty().get());
        assertEquals(java.util.Set.of("sonarr", "radarr"), page.qualityProfiles().stream().map(ProfileChoice::app)
                .collect(java.util.stream.Collectors.toSet()));
        ProfileChoice sonarr = page.qualityProfiles().stream().filter(p -> p.app().equals("sonarr")).findFirst().orElseThrow();
        assertEquals("web-1080p", sonarr.chosen().get().key(), "the default is the first");
        assertEquals(Map.of(), withProfiles.model().mediaProperty().get().qualityProfiles());

        sonarr.chosen().set(sonarr.profiles().get(1));
        assertEquals(Map.of("sonarr", "web-2160p"), withProfiles.model().mediaProperty().get().qualityProfiles());
        assertTrue(page.isValid());
    }
}
