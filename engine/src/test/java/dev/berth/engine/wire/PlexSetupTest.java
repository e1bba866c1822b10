package dev.berth.engine.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.answers.AnswersSecrets;
import dev.berth.engine.deploy.StackWiring;
import dev.berth.engine.target.LocalTarget;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plex's libraries through {@link StackWiring} on this computer: the token read from a real
 * Preferences.xml in a test folder, Plex's API played by {@link FakePlex}.
 */
class PlexSetupTest {
    @TempDir
    Path config;
    private PlexStack stack;
    private LocalTarget local;

    @BeforeEach
    void start() throws Exception {
        stack = new PlexStack(config, Map.of());
        local = new LocalTarget();
    }

    @AfterEach
    void stop() throws Exception {
        stack.close();
        local.close();
    }

    @Test
    void withoutPreferencesTheLinkSaysHowToClaimPlexAndPlexIsNotAsked() {
        StackWiring.Outcome outcome = stack.run(local, WiringMemory.EMPTY, StackWiring.Mode.APPLY);
        Link link = only(outcome.result().links());
        assertEquals("Plex → libraries", link.label());
        assertEquals(Link.Status.NEEDS_ATTENTION, link.status());
        assertClaimInstructions(link.detail());
        assertTrue(link.detail().startsWith("Plex has not written its settings yet"), link.detail());
        assertEquals(List.of(), stack.plex.requests(), "Plex is not asked without a token");
        assertEquals(0, outcome.result().writes());
    }

    @Test
    void unclaimedPlexGetsTheSameInstructions() throws Exception {
        stack.plexStarted();
        Link link = only(stack.run(local, WiringMemory.EMPTY, StackWiring.Mode.APPLY).result().links());
        assertEquals(Link.Status.NEEDS_ATTENTION, link.status());
        assertTrue(link.detail().startsWith("Plex is not linked to your Plex account yet, so Berth cannot add its libraries. "
                + "Get a claim code at https://www.plex.tv/claim and run berth deploy --plex-claim CODE within four minutes"), link.detail());
        assertClaimInstructions(link.detail());
        Link tested = only(stack.run(local, WiringMemory.EMPTY, StackWiring.Mode.TEST_ONLY).result().links());
        assertEquals(link, tested);
    }

    /** A token kept from an earlier run changes nothing in compose.yaml: the person must restart Plex for a new one. */
    @Test
    void withAStaleTokenKeptTheLinkSaysToRestartPlex() throws Exception {
        stack.close();
        stack = new PlexStack(config, Map.of(AnswersSecrets.PLEX_CLAIM, "claim-Expired0000000000"));
        stack.plexStarted();
        Link link = only(stack.run(local, WiringMemory.EMPTY, StackWiring.Mode.APPLY).result().links());
        assertTrue(link.detail().contains("Get a new claim code at https://www.plex.tv/claim, then within four minutes run berth deploy "
                + "--plex-claim CODE and docker compose restart plex in " + config.resolve("stack")), link.detail());
        assertFalse(link.detail().contains("claim-Expired"), "the kept token is never shown");
    }

    @Test
    void claimedPlexGetsALibraryPerAppAndASecondRunWritesNothing() throws Exception {
        stack.plexClaimed();
        StackWiring.Outcome first = stack.run(local, WiringMemory.EMPTY, StackWiring.Mode.APPLY);
        assertEquals(List.of(), first.result().needingAttention(), () -> first.result().links().toString());
        assertEquals(List.of("Plex → Shows", "Plex → Movies", "Plex → Music"), first.result().links().stream().map(Link::label).toList());
        assertEquals(3, first.result().writes());
        assertEquals(List.of(), stack.plex.refused(), "every request fits what Plex takes");
        assertEquals(List.of(
                new FakePlex.Section(1, "Shows", "show", "tv.plex.agents.series", "Plex TV Series", "en-GB", List.of("/data/media/tv")),
                new FakePlex.Section(2, "Movies", "movie", "tv.plex.agents.movie", "Plex Movie", "en-GB", List.of("/data/media/movies")),
                new FakePlex.Section(3, "Music", "artist", "tv.plex.agents.music", "Plex Music", "en-GB", List.of("/data/media/music"))),
                stack.plex.sections());

        StackWiring.Outcome again = stack.run(local, first.memory(), StackWiring.Mode.APPLY);
        assertEquals(0, again.result().writes());
        assertEquals(3, stack.plex.writes(), "Plex counted no write on the second run");
        assertEquals(first.result().links(), again.result().links());
        assertEquals(first.memory(), again.memory());

        StackWiring.Outcome tested = stack.run(local, again.memory(), StackWiring.Mode.TEST_ONLY);
        assertEquals(first.result().links(), tested.result().links());
        assertEquals(3, stack.plex.writes());

        String everything = String.join("\n", stack.said) + first + again + tested;
        assertFalse(everything.contains(PlexStack.TOKEN), "Plex's token appears in what the wiring said or keeps");
    }

    @Test
    void aLibraryThePersonMadeOnTheFolderIsLeftAlone() throws Exception {
        stack.plexClaimed();
        stack.plex.personAdds("My films", "movie", "com.plexapp.agents.imdb", "Plex Movie Scanner", "/data/media/movies/");
        StackWiring.Outcome first = stack.run(local, WiringMemory.EMPTY, StackWiring.Mode.APPLY);
        assertEquals(2, first.result().writes());
        Link films = first.result().links().stream().filter(l -> l.to().equals("Movies")).findFirst().orElseThrow();
        assertEquals(Link.Status.LEFT_ALONE, films.status());
        assertTrue(films.detail().contains("'My films' on /data/media/movies"), films.detail());
        assertEquals(List.of("My films", "Shows", "Music"), stack.plex.sections().stream().map(FakePlex.Section::title).toList());
        assertEquals(0, stack.run(local, first.memory(), StackWiring.Mode.APPLY).result().writes());
    }

    @Test
    void aFolderPlexCannotSeeNeedsAttentionInPlexsWordsAndTheOthersAreMade() throws Exception {
        stack.close();
        stack = new PlexStack(config, Map.of(), Set.of("/data/media/movies", "/data/media/tv"));
        stack.plexClaimed();
        StackWiring.Outcome outcome = stack.run(local, WiringMemory.EMPTY, StackWiring.Mode.APPLY);
        Link music = only(outcome.result().needingAttention());
        assertEquals("Plex → Music", music.label());
        assertTrue(music.detail().contains("HTTP 400 (400 Path: /data/media/music does not exist.)"), music.detail());
        assertEquals(2, stack.plex.sections().size());
    }

    @Test
    void aTokenPlexNoLongerAcceptsNeedsAttentionOnEveryLibraryAndNothingIsWritten() throws Exception {
        stack.plexStarted();
        Files.writeString(stack.preferences, Files.readString(stack.preferences).replace("/>", " PlexOnlineToken=\"unlinked\"/>"));
        List<Link> links = stack.run(local, WiringMemory.EMPTY, StackWiring.Mode.APPLY).result().links();
        assertEquals(List.of("Plex → Shows", "Plex → Movies", "Plex → Music"), links.stream().map(Link::label).toList());
        for (Link l : links) {
            assertEquals(Link.Status.NEEDS_ATTENTION, l.status());
            assertTrue(l.detail().startsWith("Plex did not accept the token in its Preferences.xml when asked to list its libraries"),
                    l.detail());
            assertTrue(l.detail().endsWith("sign in on Plex's own page with your Plex account. Then run berth wire."), l.detail());
        }
        assertEquals(0, stack.plex.writes());
    }

    private static void assertClaimInstructions(String detail) {
        for (String words : List.of("not linked to your Plex account", "https://www.plex.tv/claim", "berth deploy --plex-claim CODE",
                "four minutes", "http://localhost:32400/web", "berth wire")) {
            assertTrue(detail.contains(words), () -> "'" + words + "' missing in: " + detail);
        }
    }

    private static Link only(List<Link> links) {
        assertEquals(1, links.size(), links::toString);
        return links.getFirst();
    }
}
