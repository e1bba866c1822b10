package dev.berth.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.answers.Answers;
import dev.berth.answers.AnswersFile;
import dev.berth.answers.AnswersValidator;
import dev.berth.answers.InvalidAnswersException;
import dev.berth.answers.StorageAnswers;
import dev.berth.catalog.Catalog;
import dev.berth.plan.AutheliaPasswords;
import dev.berth.plan.Planner;
import dev.berth.plan.PreviousPorts;
import dev.berth.secrets.Argon2idHasher;
import dev.berth.secrets.SecretGenerator;
import dev.berth.testsupport.Examples;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The one path from answers to files gives what the hand-assembled steps gave, validating first. */
class StackRenderingTest {
    static List<String> examples() {
        return Examples.names();
    }

    @ParameterizedTest
    @MethodSource("examples")
    void givesTheBytesOfValidatingHashingAheadPlanningAndRenderingByHand(String example) {
        Answers answers = Examples.answers(example);
        PlannedStack one = new StackRendering(Catalog.builtIn(), Examples.repeatableGenerator()).render(answers, Map.of(), PreviousPorts.NONE);

        // What the deployer's preview and berth render each assembled before.
        SecretGenerator generator = Examples.repeatableGenerator();
        Argon2idHasher hasher = new Argon2idHasher(generator);
        AutheliaPasswords.hashAhead(answers, Map.of(), hasher);
        RenderedStack byHand = new Renderer().render(new Planner(Catalog.builtIn(), generator, hasher).plan(answers, Map.of(), PreviousPorts.NONE));

        assertEquals(byHand.files().keySet(), one.rendered().files().keySet());
        byHand.files().forEach((path, file) -> assertEquals(file, one.rendered().file(path), path));
        assertEquals(one.plan().secrets(), new StackRendering(Catalog.builtIn(), Examples.repeatableGenerator()).render(answers, Map.of(), PreviousPorts.NONE)
                .plan().secrets());
    }

    @Test
    void renderingIntoThePreviousStackKeepsItsSecretsAndPortsByteForByte() {
        Answers answers = Examples.answers("full-wireguard");
        PlannedStack first = new StackRendering(Catalog.builtIn()).render(answers, Map.of(), PreviousPorts.NONE);
        // A later run starts from berth.yaml (no passwords), the secrets/ folder and compose.yaml.
        PlannedStack again = new StackRendering(Catalog.builtIn()).render(AnswersFile.parse(first.rendered().text("berth.yaml")),
                first.plan().secrets(), PreviousPorts.fromCompose(first.rendered().text("compose.yaml")));
        first.rendered().files().forEach((path, file) -> assertArrayEquals(file.content(), again.rendered().file(path).content(), path));
    }

    @Test
    void hashesTheTypedPasswordsItself() {
        Answers answers = Examples.answers("full-wireguard");
        PlannedStack stack = new StackRendering(Catalog.builtIn()).render(answers, Map.of(), PreviousPorts.NONE);
        String password = answers.access().authelia().users().getFirst().password();
        String user = answers.access().authelia().users().getFirst().username();
        assertTrue(Argon2idHasher.verify(stack.plan().secrets().get("authelia_user_" + user + "_hash"), password));
    }

    @Test
    void invalidAnswersAreRefusedWithEveryProblemBeforeAnythingIsPlanned() {
        Answers good = Examples.answers("minimal-jellyfin");
        StorageAnswers s = good.storage();
        Answers bad = good.withStorage(new StorageAnswers(s.stackDir(), s.dataRoot(), "relative/config", s.puid(), s.pgid(), "Mars/Olympus",
                s.hardwareTranscoding()));
        StackRendering rendering = new StackRendering(Catalog.builtIn());

        InvalidAnswersException refused = assertThrows(InvalidAnswersException.class, () -> rendering.check(bad));

        assertEquals(new AnswersValidator(Catalog.builtIn()).validate(bad), refused.problems());
        assertTrue(refused.problems().size() >= 2, refused.problems().toString());
        assertFalse(assertThrows(InvalidAnswersException.class, () -> rendering.render(bad, Map.of(), PreviousPorts.NONE))
                .problems().isEmpty());
    }

    @Test
    void checkedAnswersRenderAsTheOneCallDoes() {
        Answers answers = Examples.answers("minimal-jellyfin");
        PlannedStack checked = new StackRendering(Catalog.builtIn(), Examples.repeatableGenerator()).check(answers).render(Map.of(), PreviousPorts.NONE);
        PlannedStack direct = new StackRendering(Catalog.builtIn(), Examples.repeatableGenerator()).render(answers, Map.of(), PreviousPorts.NONE);
        assertEquals(direct.rendered(), checked.rendered());
    }
}
