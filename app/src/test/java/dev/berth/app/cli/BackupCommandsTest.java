package dev.berth.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.answers.Answers;
import dev.berth.answers.BackupAnswers;
import dev.berth.answers.StorageAnswers;
import dev.berth.catalog.Catalog;
import dev.berth.engine.backup.BackupException;
import dev.berth.engine.target.LocalTarget;
import dev.berth.plan.Planner;
import dev.berth.render.FolderExport;
import dev.berth.render.Renderer;
import dev.berth.testsupport.Examples;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code berth backup}, {@code backups}, {@code restore} and the status line, where no repository is needed. */
class BackupCommandsTest {
    @TempDir
    Path tmp;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int berth(String... args) {
        CommandLine cli = BerthCommand.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    /** The minimal example, backups off, rendered into {@code tmp} as a deploy leaves its folder. */
    private Answers stackWithoutBackups() throws IOException {
        return stack(Examples.answers("minimal-jellyfin"));
    }

    private Answers stack(Answers a) throws IOException {
        StorageAnswers s = a.storage();
        a = a.withStorage(new StorageAnswers(tmp.resolve("stack").toString(), tmp.resolve("data").toString(),
                tmp.resolve("config").toString(), s.puid(), s.pgid(), s.timeZone(), false));
        FolderExport.write(new Renderer().render(new Planner(Catalog.builtIn()).plan(a, Map.of())), tmp.resolve("stack"));
        return a;
    }

    @Test
    void withBackupsOffEachCommandSaysHowToTurnThemOnWithItsOwnExitCode() throws IOException {
        String dir = stackWithoutBackups().storage().stackDir();
        for (String command : new String[] {"backup", "backups", "restore"}) {
            err.getBuffer().setLength(0);
            assertEquals(BerthCommand.BACKUPS_OFF, berth(command, "--dir", dir), command + ": " + err);
            assertTrue(err.toString().startsWith("Backups are off in the stack in " + dir + " on this computer. Turn them on in the "
                    + "answers' backup: section (enabled: true and a repository) or on the wizard's Backups page"), err.toString());
        }
        assertEquals("", out.toString());
    }

    @Test
    void statusSaysNothingAboutBackupsWhileTheyAreOff() throws Exception {
        Answers a = stackWithoutBackups();
        try (LocalTarget t = new LocalTarget()) {
            assertEquals(Optional.empty(), StatusCommand.backupLine(t, new Planner(Catalog.builtIn()).plan(a, Map.of()),
                    a.storage().stackDir()));
        }
    }

    @Test
    void aServiceThatIsNotBackedUpIsRefusedNamingTheOnesThatAreBeforeAnythingIsAsked() throws IOException {
        Answers a = stack(Examples.answers("minimal-jellyfin").withServices(java.util.List.of("jellyfin", "sonarr"))
                .withBackup(new BackupAnswers(true, tmp.resolve("disk/berth").toString(), null, null, null, null)));

        assertEquals(CommandLine.ExitCode.USAGE, berth("restore", "--dir", a.storage().stackDir(), "--service", "radarr", "--yes"));

        assertEquals("The stack " + a.projectName() + " has no backed-up service \"radarr\". Give --service one of: jellyfin, qbittorrent, sonarr; "
                + "or leave it out to restore the whole stack.\n", err.toString());
    }

    @Test
    void restoreTakesOneSnapshotAtMost() {
        assertEquals(CommandLine.ExitCode.USAGE, berth("restore", "a", "b"));
        assertTrue(err.toString().contains("Unmatched argument"), err.toString());
    }

    @Test
    void failuresAreGroupedByWhatAScriptCanDoAboutThem() {
        Map<BackupException.Reason, Integer> expected = Map.of(
                BackupException.Reason.NOT_CONFIGURED, 11,
                BackupException.Reason.WRONG_PASSWORD, 12,
                BackupException.Reason.NO_REPOSITORY, 12,
                BackupException.Reason.UNREACHABLE, 12,
                BackupException.Reason.LOCKED, 7,
                BackupException.Reason.NO_SNAPSHOT, 9,
                BackupException.Reason.FAILED, 5);
        for (BackupException.Reason r : BackupException.Reason.values()) {
            assertEquals(expected.get(r), StackBackupsCommand.exitCode(r), r.name());
        }
    }
}
