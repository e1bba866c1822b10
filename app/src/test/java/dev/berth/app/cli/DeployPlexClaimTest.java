package dev.berth.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.answers.Answers;
import dev.berth.answers.AnswersFile;
import dev.berth.engine.RequiresDocker;
import dev.berth.engine.deploy.StandInStacks;
import dev.berth.testsupport.Examples;
import dev.berth.testsupport.NeedsDocker;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code berth deploy --plex-claim CODE}: the code from plex.tv/claim for this run only, checked
 * like the answers, kept in secrets/plex_claim and handed to Plex as a file, never in berth.yaml or
 * compose.yaml. On stand-in images: Plex itself is not there to claim, so its link says how.
 */
@NeedsDocker
class DeployPlexClaimTest {
    private static final String CODE = "claim-Abc123Def456Ghi789";
    @TempDir
    Path tmp;
    private String project;
    private StringWriter out = new StringWriter();
    private StringWriter err = new StringWriter();

    @BeforeEach
    void setUp() {
        RequiresDocker.engine();
        project = StandInStacks.project();
    }

    @AfterEach
    void tearDown() {
        StandInStacks.remove(project);
    }

    @Test
    void aCodeThatIsNoClaimCodeOrAStackWithoutPlexIsRefusedBeforeAnythingChanges() throws Exception {
        Answers plex = StandInStacks.deployable(Examples.answers("minimal-jellyfin").withServices(List.of("plex")), tmp, project);
        Path file = Files.writeString(tmp.resolve("answers.yaml"), AnswersFile.write(plex));
        assertEquals(BerthCommand.INVALID_ANSWERS, run("--answers", file.toString(), "--yes", "--offline", "--plex-claim", "1234"));
        assertTrue(err.toString().contains("media.plexClaim"), err.toString());
        assertTrue(err.toString().contains("copy the whole code from plex.tv/claim"), err.toString());

        Answers jellyfin = StandInStacks.deployable(Examples.answers("minimal-jellyfin"), tmp, project);
        Path other = Files.writeString(tmp.resolve("jellyfin.yaml"), AnswersFile.write(jellyfin));
        assertEquals(BerthCommand.INVALID_ANSWERS, run("--answers", other.toString(), "--yes", "--offline", "--plex-claim", CODE));
        assertTrue(err.toString().contains("Plex is not chosen"), err.toString());
        assertFalse(Files.exists(Path.of(plex.storage().stackDir(), "compose.yaml")), "nothing was written");
    }

    /** With Sonarr, so Plex has a library to get (Sonarr's own links need attention: its stand-in has no API). */
    @Test
    void aCodeGivenLaterReachesPlexAsAFileAndRecreatesIt() throws Exception {
        Answers answers = StandInStacks.deployable(Examples.answers("minimal-jellyfin").withServices(List.of("plex", "sonarr")),
                tmp, project);
        Path file = Files.writeString(tmp.resolve("answers.yaml"), AnswersFile.write(answers));
        Path stack = Path.of(answers.storage().stackDir());

        assertEquals(0, run("--answers", file.toString(), "--yes", "--offline"), out + "\n" + err);
        assertFalse(Files.readString(stack.resolve("compose.yaml")).contains("PLEX_CLAIM"));
        assertTrue(out.toString().lines().anyMatch(l -> l.contains("Plex → libraries")
                && l.contains("needs attention: Plex has not written its settings yet")), out.toString());
        assertTrue(out.toString().contains("berth deploy --plex-claim CODE within four minutes"), out.toString());

        assertEquals(0, run("--dir", stack.toString(), "--yes", "--offline", "--plex-claim", CODE), out + "\n" + err);
        assertTrue(Files.readString(stack.resolve("compose.yaml")).contains("FILE__PLEX_CLAIM: /run/secrets/plex_claim"));
        assertEquals(CODE, Files.readString(stack.resolve("secrets/plex_claim")));
        for (String path : List.of("compose.yaml", ".env", "berth.yaml")) {
            assertFalse(Files.readString(stack.resolve(path)).contains(CODE), path + " holds the claim code");
        }
        assertFalse(out.toString().contains(CODE), "the code is not printed");
        assertTrue(out.toString().lines().anyMatch(l -> l.contains("Plex") && l.contains("recreated")), out.toString());
    }

    private int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        CommandLine cli = new CommandLine((Callable<Integer>) new DeployCommand());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }
}
