package dev.berth.wizardsteps.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.answers.AccessAnswers;
import dev.berth.answers.AnswerRule;
import dev.berth.answers.Answers;
import dev.berth.answers.FileRule;
import dev.berth.answers.MonitoringAnswers;
import dev.berth.answers.Problem;
import dev.berth.answers.TargetAnswers;
import dev.berth.wizardsteps.testing.Drafts;
import java.util.List;
import org.junit.jupiter.api.Test;

class DraftProblemsTest {
    private final DraftProblems problems = new DraftProblems(WizardBackend.standard().validator());

    @Test
    void aPartsCatalogRulesAreCheckedWhileAnotherPartIsUnfinished() {
        MonitoringAnswers tautulli = new MonitoringAnswers(false, true, false, false, MonitoringAnswers.Watchtower.OFF);
        AccessAnswers noDomain = new AccessAnswers(AccessAnswers.Mode.DOMAIN, null, true, null, AccessAnswers.Authelia.OFF, false);
        Answers draft = new Answers(1, "berth", TargetAnswers.LOCAL, null, List.of("jellyfin"), null, noDomain, tautulli, null, null);
        assertEquals(List.of(new Problem("monitoring.tautulli",
                "Tautulli only reports on Plex: choose Plex on the Apps screen, or turn Tautulli off",
                AnswerRule.TAUTULLI_NEEDS_PLEX)), problems.of("monitoring", draft));
        assertTrue(problems.of("access", draft.withStorage(Drafts.STORAGE)).stream().allMatch(p -> p.field().startsWith("access")));
    }

    @Test
    void aRuleOnTheWholeAnswersIsMatchedByItsIdNotItsWords() {
        String words = "Authelia needs a domain: choose 'domain' access and enter your domain, or turn Authelia off";
        assertTrue(DraftProblems.concerns("access", new Problem("", words, AnswerRule.AUTHELIA_HAS_DOMAIN)));
        assertFalse(DraftProblems.concerns("access", new Problem("", words, FileRule.UNREADABLE)));
        assertTrue(DraftProblems.concerns("access", new Problem("", "reworded some day", AnswerRule.AUTHELIA_HAS_DOMAIN)));
        assertFalse(DraftProblems.concerns("vpn", new Problem("", words, AnswerRule.AUTHELIA_HAS_DOMAIN)));
    }

    @Test
    void pathsUnderLists() {
        assertEquals("vpn.countries", DraftProblems.withoutIndexes("vpn.countries[2]"));
        assertEquals(2, DraftProblems.index("access.authelia.users[2].email", "access.authelia.users"));
        assertEquals(-1, DraftProblems.index("access.authelia.protectedServices[0]", "access.authelia.users"));
    }
}
