package dev.berth.wizardsteps.deploy;

import dev.berth.answers.Answers;
import dev.berth.answers.AnswersValidator;
import dev.berth.answers.Problem;
import dev.berth.engine.deploy.DeployPreview;
import java.util.Optional;

/**
 * Plex's claim token, asked on the Deploy page right before the deploy starts: a token from
 * plex.tv/claim is valid for four minutes, so it cannot be asked earlier. It goes into this
 * deploy's answers only (a secret: never into the draft or berth.yaml).
 */
final class PlexClaim {
    /** Where a person gets a token. */
    static final String CLAIM_URL = "https://www.plex.tv/claim";
    /** The Compose service whose first start the token is for. */
    private static final String PLEX = "plex";

    private PlexClaim() {
    }

    /**
     * Whether to ask: Plex starts for the first time in this stack. Decided from the stack folder's
     * answers: Plex was not among the services the stack had before (a new stack, or Plex added
     * now). A Plex that ran before was claimed then, or left unclaimed on purpose (the Done page
     * says how to claim it later), and the answers already holding a token need no second one.
     */
    static boolean asked(DeployPreview preview) {
        return firstStart(preview) && preview.plan().answers().media().plexClaim() == null;
    }

    /** Plex is planned and the stack folder's answers did not have it. */
    static boolean firstStart(DeployPreview preview) {
        boolean inPlan = preview.plan().service(PLEX).isPresent();
        boolean before = preview.before().answers().map(a -> a.services().contains(PLEX)).orElse(false);
        return inPlan && !before;
    }

    /** The answers with the token; the answers as they are when it is blank (Plex then starts unclaimed). */
    static Answers with(Answers answers, String token) {
        String t = token == null ? "" : token.strip();
        return t.isEmpty() ? answers : answers.withMedia(answers.media().withPlexClaim(t));
    }

    /** The answers' own rule for the token (it starts with claim-), or empty when it is fine. */
    static Optional<String> problem(AnswersValidator validator, Answers withToken) {
        return validator.validate(withToken).stream().filter(p -> p.field().equals("media.plexClaim")).map(Problem::message)
                .findFirst();
    }
}
