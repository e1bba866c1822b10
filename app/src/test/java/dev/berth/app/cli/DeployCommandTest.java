package dev.berth.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.answers.Answers;
import dev.berth.answers.AnswersFile;
import dev.berth.engine.RequiresDocker;
import dev.berth.engine.deploy.DeployOptions;
import dev.berth.engine.deploy.StandInStacks;
import dev.berth.engine.vpn.VpnCheck;
import dev.berth.engine.vpn.VpnProof;
import dev.berth.testsupport.Examples;
import dev.berth.testsupport.NeedsDocker;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code berth deploy}, {@code diff} and {@code status} as a person runs them, against the real
 * engine with stand-in images.
 */
@NeedsDocker
class DeployCommandTest {
    private static final String PLEX_CLAIM = "claim-Abc123Def456Ghi789";
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

    private int run(Callable<Integer> command, String... args) {
        out = new StringWriter();
        err = new StringWriter();
        CommandLine cli = new CommandLine(command);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    /** Jellyfin and SABnzbd, SABnzbd routed through Gluetun (PIA over OpenVPN). */
    private static Answers routedSabnzbd() {
        return Examples.answers("minimal-jellyfin").withServices(java.util.List.of("jellyfin", "sabnzbd"))
                .withVpn(Examples.answers("plex-usenet-openvpn").vpn());
    }

    private Path answersFile(Answers answers) throws Exception {
        return Files.writeString(tmp.resolve("answers.yaml"), AnswersFile.write(answers));
    }

    @Test
    void deploysThenFindsNothingToChangeAndReportsStatus() throws Exception {
        Answers answers = StandInStacks.deployable(Examples.answers("minimal-jellyfin"), tmp, project);
        Path file = answersFile(answers);
        String stackDir = answers.storage().stackDir();

        assertEquals(0, run(new DeployCommand(), "--answers", file.toString(), "--yes", "--offline"), out + "\n" + err);
        assertTrue(out.toString().contains("New stack " + project), out.toString());
        assertTrue(out.toString().contains("compose.yaml: new"), out.toString());
        assertTrue(out.toString().lines().anyMatch(l -> l.matches("jellyfin +(healthy|answering) +http://localhost:\\d+/")), out.toString());
        assertTrue(out.toString().contains("Deployed: every service is up."), out.toString());
        assertTrue(err.toString().contains("Write "), err.toString());
        assertTrue(err.toString().matches("(?s).*jellyfin: (starting|healthy|answering).*"), err.toString());
        Map<String, String> ids = StandInStacks.containerIds(project);

        assertEquals(0, run(new DiffCommand(), "--answers", file.toString()), err.toString());
        assertTrue(out.toString().contains("nothing to change"), out.toString());

        // Running again later, from the stack folder alone: its own berth.yaml and secrets.
        assertEquals(0, run(new DeployCommand(), "--dir", stackDir, "--yes", "--offline"), err.toString());
        assertTrue(out.toString().contains("nothing to change"), out.toString());
        assertEquals(ids, StandInStacks.containerIds(project), "an unchanged deploy recreates nothing");

        assertEquals(0, run(new StatusCommand(), "--dir", stackDir), err.toString());
        assertTrue(out.toString().lines().anyMatch(l -> l.matches("jellyfin +(healthy|answering) +http://localhost:\\d+/")), out.toString());
    }

    /**
     * A stack with an *arr app whose API does not answer as Berth expects (the stand-in serves its
     * health path only): the deploy still succeeds and prints the Links table with the link needing
     * attention, and the sign-ins it made with their passwords, once; a re-deploy with nothing to
     * change shows no password; {@code berth wire} tries again and exits 8; {@code berth status} shows the links.
     */
    @Test
    void theLinksTableAndTheSignInsMadeArePrintedOnceAndWireExitsEightWhileALinkNeedsAttention() throws Exception {
        Answers answers = StandInStacks.deployable(Examples.answers("minimal-jellyfin")
                .withServices(java.util.List.of("jellyfin", "sonarr")), tmp, project);
        Path file = answersFile(answers);
        String stackDir = answers.storage().stackDir();

        assertEquals(0, run(new DeployCommand(), "--answers", file.toString(), "--yes", "--offline"), out + "\n" + err);
        String first = out.toString();
        assertTrue(first.contains("Deployed: every service is up."), first);
        assertTrue(first.lines().anyMatch(l -> l.matches("  Sonarr → .* +needs attention: .+")), first);
        assertTrue(first.contains("link needs attention: fix what it says, then run berth wire to try again.")
                || first.contains("links need attention: fix what it says, then run berth wire to try again."), first);
        String sonarrPassword = Files.readString(Path.of(stackDir, "secrets", "sonarr_password")).strip();
        assertTrue(first.contains("Sign-ins Berth made (shown this once; each password is kept in " + stackDir + "/secrets/):"), first);
        assertTrue(first.lines().anyMatch(l -> l.matches("  Sonarr  http://localhost:\\d+/  user admin  password " + sonarrPassword)), first);
        assertTrue(err.toString().lines().anyMatch(l -> l.matches("  Sonarr: \\d+ of \\d+ links? needs? attention")), err.toString());
        assertFalse(err.toString().contains(sonarrPassword), "no password in the progress lines");
        assertTrue(Files.exists(Path.of(stackDir, ".berth", "wiring.json")));

        assertEquals(0, run(new DeployCommand(), "--dir", stackDir, "--yes", "--offline"), err.toString());
        String again = out.toString();
        assertFalse(again.contains(sonarrPassword), "shown once only: " + again);
        // Nothing to change: the re-deploy leaves the links as they are (berth wire runs them again).
        assertTrue(again.contains("nothing to change"), again);

        assertEquals(BerthCommand.LINKS_NEED_ATTENTION, run(new WireCommand(), "--dir", stackDir), out + "\n" + err);
        assertTrue(out.toString().lines().anyMatch(l -> l.startsWith("  Sonarr → ") && l.contains("needs attention")),
                out.toString());
        assertFalse(out.toString().contains(sonarrPassword), out.toString());

        assertEquals(0, run(new StatusCommand(), "--dir", stackDir), err.toString());
        assertTrue(out.toString().contains("Links:"), out.toString());
        assertTrue(out.toString().lines().anyMatch(l -> l.startsWith("  Sonarr → ")), out.toString());
    }

    @Test
    void diffShowsTheChangeAndDeployWithoutYesChangesNothingWithoutATerminal() throws Exception {
        Answers answers = StandInStacks.deployable(Examples.answers("minimal-jellyfin"), tmp, project);
        Path file = answersFile(answers);
        assertEquals(BerthCommand.NOT_CONFIRMED, run(new DeployCommand(), "--answers", file.toString(), "--offline"));
        assertTrue(err.toString().contains("Nothing was changed. (Use --yes"), err.toString());
        assertFalse(Files.exists(Path.of(answers.storage().stackDir())), "no folder made");

        assertEquals(0, run(new DiffCommand(), "--answers", file.toString()), err.toString());
        assertTrue(out.toString().contains("+++ b/compose.yaml"), out.toString());
        assertTrue(out.toString().contains("secrets/"), "secret files are named");
        assertFalse(Files.exists(Path.of(answers.storage().stackDir())), "diff changes nothing");
    }

    /**
     * A first install whose {@code compose up} fails because gluetun never turns healthy (sabnzbd
     * waits for it with service_healthy): the person sees gluetun's last lines although the
     * rollback removed its container, and where the log of the attempt is kept (on this computer,
     * since no stack was left on the target).
     */
    @Test
    void aDependencyThatNeverTurnsHealthyPrintsItsLastLinesAndWhereTheLogIs() throws Exception {
        Answers base = routedSabnzbd();
        Answers answers = StandInStacks.deployable(base, tmp, project);
        Path file = answersFile(answers);
        Path logs = tmp.resolve("berth-settings/deploy-logs");
        DeployCommand deploy = new DeployCommand(TargetOpener.standard(), DeployOptions.DEFAULT.withLocalLogFolder(logs));
        StandInStacks.breakService("gluetun", tmp);
        int exit;
        try {
            exit = run(deploy, "--answers", file.toString(), "--yes", "--offline");
        } finally {
            StandInStacks.repair("gluetun", tmp);
        }

        assertEquals(BerthCommand.DEPLOY_FAILED, exit, out + "\n" + err);
        assertTrue(out.toString().lines().anyMatch(l -> l.matches("gluetun +unhealthy +-.*")), out.toString());
        assertTrue(err.toString().contains("Last lines from gluetun:\n  | stand-in for gluetun: never healthy"), err.toString());
        assertTrue(err.toString().contains("The deploy failed at \"Start the stack"), err.toString());
        assertTrue(StandInStacks.containerIds(project).isEmpty(), "the first install's containers are removed");
        try (var found = Files.list(logs)) {
            Path log = found.findFirst().orElseThrow();
            assertTrue(err.toString().contains("the log of this attempt is kept on this computer: " + log), err.toString());
            assertTrue(Files.readString(log).contains("| stand-in for gluetun: never healthy"), Files.readString(log));
        }
        assertFalse(Files.exists(Path.of(answers.storage().stackDir(), ".berth")), "no log in the stack folder");

        // Try again once gluetun is fixed: the empty folders the failed attempt left do not block it.
        DeployCommand again = new DeployCommand(TargetOpener.standard(), DeployOptions.DEFAULT.withLocalLogFolder(logs));
        assertEquals(0, run(again, "--answers", file.toString(), "--yes", "--offline"), out + "\n" + err);
        assertTrue(out.toString().contains("New stack " + project), "the leftover empty folders count as empty: " + out);
        assertTrue(out.toString().contains("Deployed: every service is up."), out.toString());
    }

    @Test
    void badAnswersAndAMissingStackSayWhatToDo() throws Exception {
        Path bad = Files.writeString(tmp.resolve("bad.yaml"), "schemaVersion: 1\nprojectName: Media Stack\n");
        assertEquals(BerthCommand.INVALID_ANSWERS, run(new DeployCommand(), "--answers", bad.toString(), "--yes"));
        assertTrue(err.toString().contains("cannot be used yet. Nothing was changed."), err.toString());
        assertTrue(err.toString().contains("Fix these in the answers file"), err.toString());

        assertEquals(BerthCommand.IO_ERROR, run(new StatusCommand(), "--dir", tmp.resolve("nothing").toString()));
        assertTrue(err.toString().contains("There is no stack Berth made in"), err.toString());
        assertTrue(err.toString().contains("deploy one with berth deploy"), err.toString());
    }

    @Test
    void diffAndDeploySayInWordsWhatHappensToEachServiceAndAMovedRootWaitsForAChoice() throws Exception {
        Answers answers = StandInStacks.deployable(Examples.answers("minimal-jellyfin").withServices(java.util.List.of("jellyfin", "sonarr")),
                tmp, project);
        assertEquals(0, run(new DeployCommand(), "--answers", answersFile(answers).toString(), "--yes", "--offline"), err.toString());

        Path fewer = answersFile(answers.withServices(java.util.List.of("jellyfin")));
        assertEquals(0, run(new DiffCommand(), "--answers", fewer.toString()), err.toString());
        String said = out.toString();
        String sonarr = "Sonarr stops and its container is removed; its settings are kept in " + answers.storage().configRoot() + "/sonarr";
        assertTrue(said.contains(sonarr), said);
        assertTrue(said.contains("qBittorrent stops and its container is removed"), said);
        assertTrue(said.indexOf(sonarr) < said.indexOf("--- a/compose.yaml"), "the words come before the YAML diff:\n" + said);

        var s = answers.storage();
        Answers movedRoot = answers.withStorage(new dev.berth.answers.StorageAnswers(s.stackDir(), s.dataRoot(),
                tmp.resolve("apps").toString(), s.puid(), s.pgid(), s.timeZone(), s.hardwareTranscoding()));
        // An app folder with something in it: moving the root without a word would leave it behind.
        Files.writeString(Path.of(s.configRoot(), "jellyfin", "library.db"), "old library\n");
        Map<String, String> ids = StandInStacks.containerIds(project);
        assertEquals(BerthCommand.INVALID_ANSWERS, run(new DeployCommand(), "--answers", answersFile(movedRoot).toString(), "--yes",
                "--offline"));
        assertTrue(out.toString().contains("The app folder root (storage.configRoot) changes from " + s.configRoot()), out.toString());
        assertTrue(err.toString().contains("Nothing was changed."), err.toString());
        assertTrue(err.toString().contains("Run the deploy again with --move-folders or --keep-folders."), err.toString());
        assertEquals(ids, StandInStacks.containerIds(project));
        assertFalse(Files.exists(tmp.resolve("apps")));

        // Keep: the apps start afresh in the new place; the old folders stay as they were.
        assertEquals(0, run(new DeployCommand(), "--answers", answersFile(movedRoot).toString(), "--yes", "--offline",
                "--keep-folders"), out + "\n" + err);
        assertTrue(out.toString().contains("The folders stay in " + s.configRoot()), out.toString());
        assertEquals("old library\n", Files.readString(Path.of(s.configRoot(), "jellyfin", "library.db")));
        assertTrue(Files.isDirectory(tmp.resolve("apps/jellyfin")));
        assertFalse(Files.exists(tmp.resolve("apps/jellyfin/library.db")));
    }

    /** {@code --plex-claim CODE}: checked like the answers, before anything changes. */
    @Test
    void aPlexClaimThatIsNoClaimCodeOrAStackWithoutPlexIsRefusedBeforeAnythingChanges() throws Exception {
        Answers plex = StandInStacks.deployable(Examples.answers("minimal-jellyfin").withServices(java.util.List.of("plex")), tmp, project);
        Path file = answersFile(plex);
        assertEquals(BerthCommand.INVALID_ANSWERS, run(new DeployCommand(), "--answers", file.toString(), "--yes", "--offline",
                "--plex-claim", "1234"));
        assertTrue(err.toString().contains("media.plexClaim"), err.toString());
        assertTrue(err.toString().contains("copy the whole code from plex.tv/claim"), err.toString());

        Answers jellyfin = StandInStacks.deployable(Examples.answers("minimal-jellyfin"), tmp, project);
        Path other = Files.writeString(tmp.resolve("jellyfin.yaml"), AnswersFile.write(jellyfin));
        assertEquals(BerthCommand.INVALID_ANSWERS, run(new DeployCommand(), "--answers", other.toString(), "--yes", "--offline",
                "--plex-claim", PLEX_CLAIM));
        assertTrue(err.toString().contains("Plex is not chosen"), err.toString());
        assertFalse(Files.exists(Path.of(plex.storage().stackDir(), "compose.yaml")), "nothing was written");
    }

    /**
     * {@code --plex-claim CODE} on a running stack: kept in secrets/plex_claim and handed to Plex as
     * a file, never in berth.yaml or compose.yaml; the new variable recreates Plex, which claims
     * itself as it starts. With Sonarr, so Plex has a library to get: the stand-in is no Plex, so
     * its link says how to link it (Sonarr's own links need attention: its stand-in has no API).
     */
    @Test
    void aPlexClaimGivenLaterReachesPlexAsAFileAndRecreatesIt() throws Exception {
        Answers answers = StandInStacks.deployable(Examples.answers("minimal-jellyfin").withServices(java.util.List.of("plex", "sonarr")),
                tmp, project);
        Path file = answersFile(answers);
        Path stack = Path.of(answers.storage().stackDir());

        assertEquals(0, run(new DeployCommand(), "--answers", file.toString(), "--yes", "--offline"), out + "\n" + err);
        assertFalse(Files.readString(stack.resolve("compose.yaml")).contains("PLEX_CLAIM"));
        assertTrue(out.toString().lines().anyMatch(l -> l.contains("Plex → libraries")
                && l.contains("needs attention: Plex has not written its settings yet")), out.toString());
        assertTrue(out.toString().contains("berth deploy --plex-claim CODE within four minutes"), out.toString());

        assertEquals(0, run(new DeployCommand(), "--dir", stack.toString(), "--yes", "--offline", "--plex-claim", PLEX_CLAIM),
                out + "\n" + err);
        assertTrue(Files.readString(stack.resolve("compose.yaml")).contains("FILE__PLEX_CLAIM: /run/secrets/plex_claim"));
        assertEquals(PLEX_CLAIM, Files.readString(stack.resolve("secrets/plex_claim")));
        for (String path : java.util.List.of("compose.yaml", ".env", "berth.yaml")) {
            assertFalse(Files.readString(stack.resolve(path)).contains(PLEX_CLAIM), path + " holds the claim code");
        }
        assertFalse(out.toString().contains(PLEX_CLAIM), "the code is not printed");
        assertTrue(out.toString().lines().anyMatch(l -> l.contains("Plex") && l.contains("recreated")), out.toString());
    }

    /**
     * A stack that routes SABnzbd through Gluetun, proved by a made-up prover that finds a leak: the
     * deploy still succeeds but exits 10 with the VPN table after the links and the stopped app;
     * {@code berth status} proves again (10 on a leak, 0 when a check could only say UNKNOWN); and the
     * real prover's table is printed whatever it finds.
     */
    @Test
    void theVpnTableFollowsTheLinksAndALeakExitsTenButUnknownDoesNot() throws Exception {
        Answers base = routedSabnzbd();
        Answers answers = StandInStacks.deployable(base, tmp, project);
        Path file = answersFile(answers);
        String stackDir = answers.storage().stackDir();
        VpnProof leak = new VpnProof(java.util.List.of(
                new VpnCheck("sabnzbd", VpnCheck.Kind.DNS, VpnCheck.Verdict.FAIL, "resolver 192.168.0.1, outside the tunnel")),
                java.util.Optional.of("203.0.113.7"), java.util.Optional.empty(), java.util.List.of("sabnzbd"), java.util.List.of());
        DeployCommand deploy = new DeployCommand(TargetOpener.standard(), DeployOptions.DEFAULT, (t, plan, cancelled) -> leak);

        assertEquals(BerthCommand.VPN_LEAK, run(deploy, "--answers", file.toString(), "--yes", "--offline"), out + "\n" + err);
        String said = out.toString();
        assertTrue(said.contains("Deployed: every service is up."), said);
        assertTrue(said.indexOf("\nLinks:\n") < said.indexOf("\nVPN:\n"), said);
        assertTrue(said.lines().anyMatch(l -> l.matches("  sabnzbd  DNS is Gluetun's  FAIL +resolver 192.168.0.1, outside the tunnel")), said);
        assertTrue(said.contains("Public address: 203.0.113.7"), said);
        assertTrue(said.contains("Forwarded port: none: no torrent client is routed through the VPN"), said);
        assertTrue(said.contains("Berth stopped SABnzbd: its traffic could leave outside the tunnel."), said);
        assertTrue(err.toString().contains("Prove the VPN: SABnzbd reaches the internet only through the tunnel"), err.toString());

        assertEquals(BerthCommand.VPN_LEAK, run(new StatusCommand(TargetOpener.standard(), (t, plan, cancelled) -> leak),
                "--dir", stackDir), out + "\n" + err);
        assertTrue(out.toString().contains("Berth stopped SABnzbd"), out.toString());

        VpnProof unknown = new VpnProof(java.util.List.of(new VpnCheck("gluetun", VpnCheck.Kind.PUBLIC_ADDRESS,
                VpnCheck.Verdict.UNKNOWN, "the internet cannot be reached")), java.util.Optional.empty(), java.util.Optional.empty(),
                java.util.List.of(), java.util.List.of());
        assertEquals(0, run(new StatusCommand(TargetOpener.standard(), (t, plan, cancelled) -> unknown), "--dir", stackDir),
                out + "\n" + err);
        assertTrue(out.toString().contains("Public address: unknown (the internet cannot be reached)"), out.toString());

        // The real prover, whatever it finds on stand-ins: its table is there, and an UNKNOWN alone exits 0.
        int real = run(new StatusCommand(), "--dir", stackDir);
        assertTrue(out.toString().contains("VPN:") && out.toString().contains("Forwarded port: "), out + "\n" + err);
        assertTrue(real == 0 || real == BerthCommand.VPN_LEAK, out + "\n" + err);
    }
}
