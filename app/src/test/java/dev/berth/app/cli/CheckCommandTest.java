package dev.berth.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.engine.target.LocalTarget;
import dev.berth.testsupport.Examples;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CheckCommandTest {
    @TempDir
    Path tmp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int berthCheck(TargetOpener opener, String... args) {
        CommandLine cli = new CommandLine(new CheckCommand(opener));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    private static boolean anyFail(String table) {
        return table.lines().anyMatch(l -> l.startsWith("FAIL "));
    }

    @Test
    void withoutAnswersTheMachineAloneIsCheckedAndTabled() {
        int code = berthCheck(TargetOpener.standard());
        String table = out.toString();
        assertTrue(table.contains("STATUS  CHECK"), table);
        for (String title : List.of("System and CPU", "Docker engine", "Docker Compose", "User ids and time zone", "Clock")) {
            assertTrue(table.contains(title), title + " in\n" + table);
        }
        assertTrue(!table.contains("Host ports"), "ports need answers");
        assertEquals(anyFail(table) ? BerthCommand.CHECK_FAILED : 0, code, table + err);
        assertTrue(err.toString().startsWith("Checking this computer (without answers: the machine only) ..."), err.toString());
    }

    @Test
    void aFailingCheckMakesTheExitCodeNonZeroAndShowsItsFix() throws Exception {
        String yaml = Files.readString(Examples.file("full-wireguard")).replace("/srv/data", tmp.resolve("data").toString())
                .replace("/opt/berth", tmp.resolve("stack").toString()).replace("example.com", "media.invalid");
        Path answers = Files.writeString(tmp.resolve("berth.yaml"), yaml);
        int code = berthCheck(TargetOpener.standard(), "--answers", answers.toString());
        String table = out.toString();
        assertEquals(BerthCommand.CHECK_FAILED, code, table + err);
        assertTrue(table.lines().anyMatch(l -> l.matches("FAIL +Domain +\\d+ of \\d+ app addresses under media.invalid do not resolve: .*")),
                table);
        assertTrue(table.contains("fix: Create a DNS record *.media.invalid (or one per app) pointing at your server's public address"),
                table);
        assertTrue(table.contains("Host ports") && table.contains("Hardlinks"), table);
        assertTrue(table.strip().endsWith("."), "a count line closes the table: " + table);
    }

    private Path twoHosts() throws Exception {
        String yaml = Files.readString(Examples.file("minimal-jellyfin")).replace("/srv/data", tmp.resolve("data").toString())
                .replace("/opt/berth", tmp.resolve("stack").toString())
                + "hosts:\n  - name: nas\n    target: {kind: local}\n    address: 10.0.0.2\n"
                + "  - name: pc\n    target: {kind: ssh, host: pc.lan, user: media}\n";
        return Files.writeString(tmp.resolve("two-hosts.yaml"), yaml);
    }

    @Test
    void withHostsEveryHostIsCheckedUnderItsNameAndTheResourcesAddedUp() throws Exception {
        List<TargetSpec> asked = new ArrayList<>();
        int code = berthCheck((spec, question) -> {
            asked.add(spec);
            return new LocalTarget(); // both "hosts" are this computer: what differs is the output's shape
        }, "--answers", twoHosts().toString());
        assertEquals(List.of(new TargetSpec.Local(), new TargetSpec.Ssh("media", "pc.lan", 0, null)), asked);
        String table = out.toString();
        assertTrue(table.contains("\n== nas (this computer)\nSTATUS  CHECK"), table);
        assertTrue(table.contains("\n== pc (this computer)\nSTATUS  CHECK"), table);
        assertEquals(2, table.lines().filter(l -> l.startsWith("Resources: ") && l.contains(" cores (load ")).count(), table);
        assertTrue(table.lines().anyMatch(l -> l.matches("All hosts together: 2 hosts: .* memory .* cores .* free on 2 file systems\\.")), table);
        assertEquals(anyFail(table) ? BerthCommand.CHECK_FAILED : 0, code, table + err);
        assertTrue(err.toString().lines().anyMatch(l -> l.matches(" {2}pc {3}(PASS|WARN|FAIL|SKIP) +Docker engine")), err.toString());
    }

    @Test
    void aHostThatCannotBeReachedIsNamedAndTheOthersAreClosed() throws Exception {
        List<LocalTarget> opened = new ArrayList<>();
        int code = berthCheck((spec, question) -> {
            if (spec instanceof TargetSpec.Ssh) {
                throw new dev.berth.engine.target.TargetException(dev.berth.engine.target.TargetException.Reason.OTHER,
                        "Nothing accepts connections on port 22 of pc.lan.");
            }
            LocalTarget t = new LocalTarget();
            opened.add(t);
            return t;
        }, "--answers", twoHosts().toString());
        assertEquals(BerthCommand.CHECK_FAILED, code);
        assertTrue(err.toString().contains("Host pc: Nothing accepts connections on port 22 of pc.lan.\n"
                + "Fix the connection (hosts: pc in the answers file, or the machine) and run the check again."), err.toString());
        assertEquals("", out.toString(), "no table when a host is missing");
        assertEquals(1, opened.size());
    }

    @Test
    void installDockerNamesTheOneMachineItWorksOn() throws Exception {
        int code = berthCheck(TargetOpener.standard(), "--answers", twoHosts().toString(), "--install-docker");
        assertEquals(2, code);
        assertTrue(err.toString().startsWith("--install-docker works on one machine: with hosts: in the answers, add --target"),
                err.toString());
    }

    @Test
    void fixPortsTakesTheSuggestionIntoTheFileKeepingItsCommentsAndTheRecheckPasses() throws Exception {
        try (ServerSocket held = new ServerSocket(0, 5, InetAddress.getByName("127.0.0.1"))) {
            int port = held.getLocalPort();
            String yaml = Files.readString(Examples.file("minimal-jellyfin")).replace("/srv/data", tmp.resolve("data").toString())
                    .replace("/opt/berth", tmp.resolve("stack").toString())
                    + "portOverrides:\n  jellyfin: " + port + "   # picked by hand\n";
            Path answers = Files.writeString(tmp.resolve("berth.yaml"), yaml);
            int code = berthCheck(TargetOpener.standard(), "--answers", answers.toString(), "--fix-ports");
            String said = out.toString();
            List<String> tables = List.of(said.split("\nwritten to "));
            assertEquals(2, tables.size(), said + err);
            assertTrue(tables.get(0).lines().anyMatch(l -> l.matches("FAIL +Host ports +Port " + port + "/tcp for Jellyfin web UI is taken by java .*")),
                    said);
            Matcher moved = Pattern.compile("(?m)^jellyfin: " + port + " → (\\d+) \\(Jellyfin web UI\\)$").matcher(said);
            assertTrue(moved.find(), said);
            int next = Integer.parseInt(moved.group(1));
            assertTrue(said.contains("written to " + answers + " (portOverrides; the rest of the file is as it was)."), said);
            assertEquals(yaml.replace(port + "   #", next + "   #"), Files.readString(answers), "only the port changed");
            assertTrue(tables.get(1).lines().anyMatch(l -> l.matches("PASS +Host ports +All \\d+ host ports are free")), said);
            assertTrue(err.toString().contains("Checking the ports again ..."), err.toString());
            boolean othersFail = tables.get(0).lines().anyMatch(l -> l.startsWith("FAIL ") && !l.contains("Host ports"));
            assertEquals(othersFail ? BerthCommand.CHECK_FAILED : 0, code, said + err);
        }
    }

    @Test
    void fixPortsWithNothingToMoveLeavesTheFileAlone() throws Exception {
        String yaml = Files.readString(Examples.file("minimal-jellyfin")).replace("/srv/data", tmp.resolve("data").toString())
                .replace("/opt/berth", tmp.resolve("stack").toString());
        Path answers = Files.writeString(tmp.resolve("berth.yaml"), yaml);
        berthCheck(TargetOpener.standard(), "--answers", answers.toString(), "--fix-ports");
        assertTrue(out.toString().contains("--fix-ports: no port to change; " + answers + " is as it was."), out.toString());
        assertEquals(yaml, Files.readString(answers));
    }

    @Test
    void fixPortsNeedsTheAnswersFileItWritesTo() throws Exception {
        assertEquals(2, berthCheck(TargetOpener.standard(), "--fix-ports"));
        assertTrue(err.toString().startsWith("--fix-ports writes the ports into your answers file: add --answers FILE (your berth.yaml)"),
                err.toString());
    }

    @Test
    void fixPortsRefusesAStackOnSeveralHostsAndSaysWhatToDo() throws Exception {
        Path file = twoHosts();
        String before = Files.readString(file);
        assertEquals(2, berthCheck(TargetOpener.standard(), "--answers", file.toString(), "--fix-ports"));
        assertTrue(err.toString().startsWith("--fix-ports works on a stack on one machine; with hosts: in the answers, run berth check"),
                err.toString());
        assertEquals(before, Files.readString(file));
    }

    @Test
    void invalidAnswersAreReportedBeforeAnythingRuns() throws Exception {
        Path answers = Files.writeString(tmp.resolve("bad.yaml"),
                Files.readString(Examples.file("minimal-jellyfin")).replace("Europe/Berlin", "Mars/Olympus"));
        int code = berthCheck(TargetOpener.standard(), "--answers", answers.toString());
        assertEquals(BerthCommand.INVALID_ANSWERS, code);
        assertTrue(err.toString().contains("storage.timeZone: is not a time zone"), err.toString());
        assertTrue(err.toString().contains("cannot be used yet. Nothing was changed."), err.toString());
        assertTrue(err.toString().endsWith("Fix these in the answers file and run the command again.\n"), err.toString());
    }

    @Test
    void anSshTargetIsParsedAndHandedToTheOpener() {
        List<TargetSpec> asked = new ArrayList<>();
        int code = berthCheck((spec, question) -> {
            asked.add(spec);
            return new LocalTarget();
        }, "--target", "ssh://media@nas.local:2222", "--accept-host-key", "SHA256:abc");
        assertEquals(List.of(new TargetSpec.Ssh("media", "nas.local", 2222, "SHA256:abc")), asked);
        assertEquals(anyFail(out.toString()) ? BerthCommand.CHECK_FAILED : 0, code);
    }

    @Test
    void anSshTargetConnectsForRealAndSaysWhyItCannot() throws Exception {
        int port;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        // Nothing listens there now: the SSH target's own message reaches the person.
        int code = berthCheck(TargetOpener.standard(), "--target", "ssh://media@127.0.0.1:" + port);
        assertEquals(BerthCommand.CHECK_FAILED, code);
        assertTrue(err.toString().contains("Nothing accepts connections on port " + port + " of 127.0.0.1."), err.toString());
    }

    @Test
    void aTargetThatIsNeitherLocalNorSshIsAUsageError() {
        int code = berthCheck(TargetOpener.standard(), "--target", "ftp://nas");
        assertEquals(2, code);
        assertTrue(err.toString().startsWith("'ftp://nas' is not a target: use local or ssh://user@host:port"), err.toString());
    }

    @Test
    void targetsParse() {
        assertEquals(new TargetSpec.Local(), TargetSpec.parse("local", null));
        assertEquals(new TargetSpec.Ssh(null, "nas", 0, null), TargetSpec.parse("ssh://nas", null));
        assertEquals(new TargetSpec.Ssh("me", "::1", 22, null), TargetSpec.parse("ssh://me@[::1]:22/", null));
        assertEquals(new TargetSpec.Ssh(null, "my_nas", 0, null), TargetSpec.parse("ssh://my_nas", null), "an ssh_config alias");
        assertEquals("ssh://me@[::1]:22", TargetSpec.parse("ssh://me@[::1]:22", null).toString());
        IllegalArgumentException port = assertThrows(IllegalArgumentException.class, () -> TargetSpec.parse("ssh://me@nas:99999", null));
        assertEquals("'99999' is not a port: use a number from 1 to 65535", port.getMessage());
        IllegalArgumentException key = assertThrows(IllegalArgumentException.class, () -> TargetSpec.parse("ssh://nas", "MD5:aa"));
        assertEquals("--accept-host-key takes a fingerprint as ssh prints it: SHA256:...", key.getMessage());
        assertThrows(IllegalArgumentException.class, () -> TargetSpec.parse("ssh://@nas", null));
        assertThrows(IllegalArgumentException.class, () -> TargetSpec.parse("local", "SHA256:x"));
    }

    @Test
    void anUnknownHostKeyIsAskedAboutInOpenSshsWords() {
        StringWriter said = new StringWriter();
        var yes = new TerminalHostKeyQuestion(new java.io.BufferedReader(new java.io.StringReader("maybe\nyes\n")), new PrintWriter(said, true));
        assertTrue(yes.trust("nas.local:22", "ed25519", "SHA256:abc"));
        assertTrue(said.toString().startsWith("The authenticity of host 'nas.local:22' can't be established.\n"
                + "ED25519 key fingerprint is SHA256:abc.\n"), said.toString());
        assertTrue(said.toString().contains("Please type 'yes', 'no' or the fingerprint."), said.toString());
        var noTerminal = new TerminalHostKeyQuestion(null, new PrintWriter(new StringWriter(), true));
        assertTrue(!noTerminal.trust("nas.local:22", "ed25519", "SHA256:abc"));
    }
}
