package dev.berth.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.answers.Answers;
import dev.berth.answers.BackupAnswers;
import dev.berth.catalog.Catalog;
import dev.berth.engine.ComposeTool;
import dev.berth.engine.RequiresDocker;
import dev.berth.engine.backup.ResticImages;
import dev.berth.engine.deploy.StandInStacks;
import dev.berth.engine.target.LocalTarget;
import dev.berth.plan.Planner;
import dev.berth.plan.StackPlan;
import dev.berth.testsupport.Examples;
import dev.berth.testsupport.ExternalTool;
import dev.berth.testsupport.NeedsDocker;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code berth backup}, {@code backups}, {@code restore} and the status line on a stand-in stack with
 * backups to a folder on this computer: real restic (Debian's, in the test image) through the stack's
 * own backup script, real Compose and Docker. Tests run without a terminal, so a restore needs --yes.
 */
@NeedsDocker
class BackupCommandsEndToEndTest {
    @TempDir
    Path tmp;
    private String project;
    private StringWriter out = new StringWriter();
    private StringWriter err = new StringWriter();

    @BeforeEach
    void setUp() {
        RequiresDocker.engine();
        project = StandInStacks.project();
        new ResticImages(tmp).restic();
    }

    @AfterEach
    void tearDown() {
        StandInStacks.remove(project);
        // restic wrote the repository and its cache as root inside its container: hand them back
        // so the temporary folder can be deleted.
        ExternalTool.run(tmp, List.of("chmod", "-R", "u+rwX", tmp.toString()));
    }

    private int berth(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        CommandLine cli = BerthCommand.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    /**
     * A first deploy with backups on shows where, when, and the password it made with its sentence,
     * once: the deploy log has it redacted, and a later deploy does not show it again.
     */
    @Test
    void theFirstDeployShowsTheNewPasswordOnceAndItsLogNever() throws Exception {
        new ResticImages(tmp).dockerCli(); // the scheduled container's image: no systemd runs here
        Files.createDirectories(tmp.resolve("disk"));
        Answers a = StandInStacks.deployable(Examples.answers("minimal-jellyfin")
                .withBackup(new BackupAnswers(true, tmp.resolve("disk/berth").toString(), "04:15", null,
                        BackupAnswers.Scheduler.AUTO, null)), tmp, project);
        Path file = Files.writeString(tmp.resolve("answers.yaml"), dev.berth.answers.AnswersFile.write(a));
        String dir = a.storage().stackDir();

        assertEquals(0, run(new DeployCommand(), "--answers", file.toString(), "--yes", "--offline"), out + "\n" + err);

        String password = Files.readString(Path.of(dir, "secrets", dev.berth.plan.BackupPlan.PASSWORD_SECRET)).strip();
        assertTrue(out.toString().contains("Backups: to " + tmp.resolve("disk/berth") + ", daily at 04:15"), out.toString());
        assertTrue(out.toString().contains("\nBackup password (shown this once):\n    " + password + "\n"
                + dev.berth.engine.deploy.BackupSetup.KEEP_PASSWORD + "\n"), out.toString());
        assertFalse(out.toString().contains("need attention"), out.toString());
        String log = Files.readString(Path.of(dir, ".berth", "deploy.log"));
        assertFalse(log.contains(password), log);

        assertEquals(0, run(new DeployCommand(), "--dir", dir, "--yes", "--offline"), out + "\n" + err);
        assertFalse(out.toString().contains(password), out.toString());
        assertFalse(Files.readString(Path.of(dir, ".berth", "deploy.log")).contains(password));

        // No systemd here, so "auto" became the scheduled container: the commands on the deployed stack
        // plan it too (berth.yaml keeps "auto"), and a whole-stack restore stops it with the apps.
        assertEquals(0, berth("backup", "--dir", dir), out + "\n" + err);
        assertEquals(BerthCommand.NOT_CONFIRMED, berth("restore", "--dir", dir), out + "\n" + err);
        assertTrue(out.toString().lines().anyMatch(l -> l.startsWith("Stopped while the files are written, then started again: ")
                && l.contains("backup") && l.contains("jellyfin")), out.toString());
    }

    private int run(java.util.concurrent.Callable<Integer> command, String... args) {
        out = new StringWriter();
        err = new StringWriter();
        CommandLine cli = new CommandLine(command);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void backUpListThenDeleteAnAppsFolderAndRestoreItByteForByte() throws Exception {
        Files.createDirectories(tmp.resolve("disk"));
        // systemd: the schedule is units a deploy would install, so the stack itself is the apps alone.
        Answers base = Examples.answers("minimal-jellyfin").withServices(List.of("jellyfin", "sonarr"))
                .withBackup(new BackupAnswers(true, tmp.resolve("disk/berth").toString(), null, null,
                        BackupAnswers.Scheduler.SYSTEMD, null));
        Answers a = StandInStacks.deployable(base, tmp, project);
        StackPlan plan = new Planner(Catalog.builtIn()).plan(a, Map.of());
        String dir = a.storage().stackDir();
        try (LocalTarget t = new LocalTarget()) {
            StandInStacks.up(t, plan, ComposeTool.PLUGIN);
            ExternalTool.Result init = ExternalTool.run(tmp, List.of(dir + "/backup/berth-backup", "init"));
            assertEquals(0, init.exitCode(), init.output());

            assertEquals(Optional.of("Backups: none yet (berth backup takes one now)."), StatusCommand.backupLine(t, plan, dir));
            assertEquals(BerthCommand.NOTHING_TO_SHOW, berth("restore", "--dir", dir, "--yes"), out + "\n" + err);
            assertTrue(err.toString().contains("holds no snapshot of this stack yet"), err.toString());

            Path sonarr = Path.of(plan.backup().orElseThrow().configFolders().get("sonarr"));
            Files.createDirectories(sonarr);
            byte[] settings = "<Config><ApiKey>0123456789abcdef</ApiKey></Config>\n".getBytes();
            Files.write(sonarr.resolve("config.xml"), settings);

            assertEquals(0, berth("backup", "--dir", dir), out + "\n" + err);
            String snapshot = out.toString().lines().filter(l -> l.startsWith("Snapshot ")).findFirst()
                    .map(l -> l.split(" ")[1]).orElseThrow(() -> new AssertionError(out.toString()));
            assertTrue(snapshot.matches("[0-9a-f]{8}"), out.toString());
            // Sonarr and Jellyfin keep SQLite databases: the catalog's reasons, in the order they were stopped.
            assertTrue(out.toString().contains("\nSonarr, Jellyfin were stopped for the snapshot: Sonarr "
                    + Catalog.builtIn().get("sonarr").backup().reason() + "; Jellyfin " + Catalog.builtIn().get("jellyfin").backup().reason()
                    + ".\n"), out.toString());

            assertEquals(0, berth("backups", "--dir", dir), out + "\n" + err);
            assertTrue(out.toString().startsWith("Snapshots in " + tmp.resolve("disk/berth") + ", newest first:\n  " + snapshot + "  "),
                    out.toString());
            assertTrue(out.toString().contains("\nLast backup: just now (snapshot " + snapshot), out.toString());
            berth("status", "--dir", dir);
            assertTrue(out.toString().lines().anyMatch(l -> l.startsWith("Last backup: just now (snapshot " + snapshot)), out.toString());

            assertEquals(CommandLine.ExitCode.USAGE, berth("restore", "--dir", dir, "--service", "radarr", "--yes"));
            assertTrue(err.toString().contains("has no backed-up service \"radarr\". Give --service one of: ")
                    && err.toString().contains("sonarr"), err.toString());
            assertEquals(CommandLine.ExitCode.USAGE, berth("restore", "deadbeef", "--dir", dir, "--yes"));
            assertTrue(err.toString().contains("No snapshot deadbeef of this stack") && err.toString().contains(snapshot), err.toString());

            ExternalTool.Result rm = ExternalTool.run(tmp, List.of("rm", "-rf", sonarr.toString()));
            assertEquals(0, rm.exitCode(), rm.output());
            assertEquals(BerthCommand.NOT_CONFIRMED, berth("restore", "--dir", dir, "--service", "sonarr"), out + "\n" + err);
            assertTrue(out.toString().startsWith("Restore sonarr only from snapshot " + snapshot + ", taken "), out.toString());
            assertTrue(err.toString().contains("Nothing was changed. (Use --yes to restore without being asked.)"), err.toString());
            assertFalse(Files.exists(sonarr), "not confirmed: nothing written");

            assertEquals(0, berth("restore", "--dir", dir, "--service", "sonarr", "--yes"), out + "\n" + err);
            assertEquals(new String(settings), Files.readString(sonarr.resolve("config.xml")));
        }
    }
}
