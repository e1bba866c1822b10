package dev.berth.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.answers.Answers;
import dev.berth.answers.AnswerRule;
import dev.berth.answers.InvalidAnswersException;
import dev.berth.answers.Problem;
import dev.berth.render.RenderedStack;
import dev.berth.render.Renderer;
import dev.berth.testsupport.Examples;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Plex's claim token ({@code media.plexClaim}) reaches Plex as {@code PLEX_CLAIM} through the
 * LinuxServer image's {@code FILE__} variables: a file under {@code secrets/}, never a value in
 * compose.yaml, .env or berth.yaml.
 */
class PlexClaimPlanTest {
    private static final String TOKEN = "claim-AbCdEf0123456789xyz";
    private final Planner planner = Examples.repeatablePlanner();
    private final Answers plex = Examples.answers("plex-usenet-openvpn");
    private final Answers withoutToken = plex.withMedia(plex.media().withPlexClaim(null));

    @Test
    void aTokenIsMountedAsAFileAndWrittenNowhereElse() {
        StackPlan plan = planner.plan(withoutToken.withMedia(plex.media().withPlexClaim(TOKEN)), Map.of());
        PlannedService service = plan.service("plex").orElseThrow();
        assertEquals("/run/secrets/plex_claim", service.environment().get("FILE__PLEX_CLAIM"));
        assertTrue(service.secrets().contains("plex_claim"));
        assertEquals(TOKEN, plan.secrets().get("plex_claim"));

        RenderedStack files = new Renderer().render(plan);
        assertEquals(TOKEN, files.text("secrets/plex_claim"));
        assertTrue(files.file("secrets/plex_claim").secret());
        for (String path : List.of("compose.yaml", ".env", "berth.yaml")) {
            assertFalse(files.text(path).contains(TOKEN), path + " holds the claim token");
        }
        assertFalse(files.text("compose.yaml").matches("(?s).*\\s PLEX_CLAIM:.*"), "no PLEX_CLAIM value in compose.yaml");
    }

    @Test
    void withoutATokenEverGivenPlexGetsNoVariableAndNoFile() {
        StackPlan plan = planner.plan(withoutToken, Map.of());
        assertFalse(plan.service("plex").orElseThrow().environment().containsKey("FILE__PLEX_CLAIM"));
        assertFalse(plan.secrets().containsKey("plex_claim"));
        assertFalse(new Renderer().render(plan).text("compose.yaml").contains("plex_claim"));
    }

    /**
     * A token given on a later run (berth deploy --plex-claim) adds exactly the variable, the
     * service's secret and the secret's file to compose.yaml: Compose recreates Plex, which then
     * claims itself; nothing else of Plex changes.
     */
    @Test
    void aTokenGivenLaterAddsOnlyTheVariableAndItsSecret() {
        StackPlan before = planner.plan(withoutToken, Map.of());
        StackPlan after = Examples.repeatablePlanner().plan(withoutToken.withMedia(plex.media().withPlexClaim(TOKEN)), before.secrets());
        List<String> beforeLines = new Renderer().render(before).text("compose.yaml").lines().toList();
        List<String> afterLines = new Renderer().render(after).text("compose.yaml").lines().toList();
        List<String> added = afterLines.stream().filter(l -> !beforeLines.contains(l)).toList();
        assertEquals(List.of("      FILE__PLEX_CLAIM: /run/secrets/plex_claim", "      - plex_claim", "  plex_claim:",
                "    file: ./secrets/plex_claim"), added.stream().filter(l -> !l.strip().equals("secrets:")).toList());
        assertTrue(afterLines.containsAll(beforeLines), "nothing of the stack went away");
    }

    /** Plex uses the token only until it is claimed: a later run without one keeps the file, so compose.yaml stays the same. */
    @Test
    void aLaterRunWithoutTheTokenKeepsItsFileAndTheSameComposeFile() {
        StackPlan first = planner.plan(withoutToken.withMedia(plex.media().withPlexClaim(TOKEN)), Map.of());
        StackPlan later = Examples.repeatablePlanner().plan(withoutToken, first.secrets());
        assertEquals(TOKEN, later.secrets().get("plex_claim"));
        assertEquals(new Renderer().render(first).text("compose.yaml"), new Renderer().render(later).text("compose.yaml"));
    }

    @Test
    void aTokenWithoutPlexIsRefusedNamingTheField() {
        Answers jellyfin = Examples.answers("minimal-jellyfin");
        InvalidAnswersException e = assertThrows(InvalidAnswersException.class,
                () -> planner.plan(jellyfin.withMedia(jellyfin.media().withPlexClaim(TOKEN)), Map.of()));
        List<Problem> problems = e.problems().stream().filter(p -> p.rule() == AnswerRule.PLEX_CLAIM_NEEDS_PLEX).toList();
        assertEquals(1, problems.size(), e.problems().stream().map(Problem::toString).collect(Collectors.joining("\n")));
        assertEquals("media.plexClaim", problems.getFirst().field());
        assertTrue(problems.getFirst().message().contains("choose Plex"));
    }
}
