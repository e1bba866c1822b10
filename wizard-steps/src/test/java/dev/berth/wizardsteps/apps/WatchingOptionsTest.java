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
        assertFalse(vm.profilesShownProperty().get(), "the built-in entries offer no profiles here: nothing to show for them");
        assertTrue(vm.qualityProfiles().isEmpty());
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
    private Catalog catalogWithProfiles() throws IOException {
        Path from = RepoPaths.root().resolve("service-catalog/src/main/resources/dev/berth/catalog/services");
        try (var files = Files.list(from)) {
            for (Path f : files.toList()) {
                String text = Files.readString(f);
                if (f.getFileName().toString().equals("sonarr.yaml")) {
                    text = text.replace("  instance: tv\n", """
                              instance: tv
                              profiles:
                                - { key: web-1080p, name: WEB 1080p, description: Streaming releases in 1080p; small files., templates: [sonarr-v4-quality-profile-web-1080p] }
                                - { key: web-2160p, name: WEB 2160p, description: 4K streaming releases for a 4K screen., templates: [sonarr-v4-quality-profile-web-2160p] }
                            """);
                }
                Files.writeString(dir.resolve(f.getFileName()), text);
            }
        }
        return new CatalogLoader().load(dir);
    }

    @Test
    void recyclarrOffersEachServedAppsProfilesWithTheFirstAsDefault() throws IOException {
        Catalog catalog = catalogWithProfiles();
        WizardBackend real = WizardBackend.standard();
        WizardBackend backend = new WizardBackend() {
            @Override
            public Catalog catalog() {
                return catalog;
            }

            @Override
            public Target open(TargetAnswers target, Login login) throws TargetException {
                return real.open(target, login);
            }
        };
        StepContext withProfiles = StepContext.create(backend, new CurrentThreadTaskRunner(), new ScriptedDialogs());
        withProfiles.model().setStorage(STORAGE);
        AppsViewModel page = new AppsViewModel(withProfiles);
        page.enter();
        choose(page, "sonarr", "radarr");
        assertFalse(page.profilesShownProperty().get(), "without Recyclarr no profile is asked");

        choose(page, "recyclarr");
        assertTrue(page.profilesShownProperty().get());
        assertEquals(List.of("sonarr"), page.qualityProfiles().stream().map(ProfileChoice::app).toList(),
                "Radarr offers none here: nothing shown for it");
        ProfileChoice sonarr = page.qualityProfiles().getFirst();
        assertEquals("web-1080p", sonarr.chosen().get().key(), "the default is the first");
        assertEquals(Map.of(), withProfiles.model().mediaProperty().get().qualityProfiles());

        sonarr.chosen().set(sonarr.profiles().get(1));
        assertEquals(Map.of("sonarr", "web-2160p"), withProfiles.model().mediaProperty().get().qualityProfiles());
        assertTrue(page.isValid());
    }
}
