package dev.berth.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.app.cli.BerthCommand;
import dev.berth.testsupport.Examples;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class RenderCommandTest {
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

    @Test
    void rendersAnExampleAndSummarisesIt() throws IOException {
        Path dir = tmp.resolve("stack");
        int code = berth("render", "--answers", Examples.file("full-wireguard").toString(), "--out", dir.toString());
        assertEquals(0, code, err.toString());
        assertTrue(Files.exists(dir.resolve("compose.yaml")));
        assertTrue(Files.exists(dir.resolve(".env")));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("secrets/npm_admin_password"))));
        String summary = out.toString();
        assertTrue(summary.contains("Services (28):"), summary);
        assertTrue(summary.contains("qbittorrent            8080 -> 8081"), summary);
        assertTrue(summary.contains("redis                  Added for Authelia:"), summary);
        assertTrue(summary.contains("   443/tcp  Nginx Proxy Manager"), summary);
        assertTrue(summary.contains("secrets are in " + dir.resolve("secrets")), summary);
    }

    @Test
    void aStackWithoutSecretsNamesNoSecretsFolder() throws IOException {
        // Plex alone, never claimed, has no secret (Jellyfin has its admin's password and the key it makes).
        Path answers = tmp.resolve("plex-alone.yaml");
        Files.writeString(answers, Files.readString(Examples.file("minimal-jellyfin")).replace("  - jellyfin\n", "  - plex\n"));
        Path dir = tmp.resolve("stack");
        int code = berth("render", "--answers", answers.toString(), "--out", dir.toString());
        assertEquals(0, code, err.toString());
        assertFalse(Files.exists(dir.resolve("secrets")));
        assertFalse(out.toString().contains("secret"), out.toString());
        assertTrue(out.toString().contains("Start the stack with: docker compose up -d"), out.toString());
    }

    @Test
    void invalidAnswersWriteNothingAndSayWhatToFix() throws IOException {
        Path answers = tmp.resolve("bad.yaml");
        Files.writeString(answers, Files.readString(Examples.file("minimal-jellyfin")).replace("Europe/Berlin", "Mars/Olympus"));
        Path dir = tmp.resolve("stack");
        int code = berth("render", "--answers", answers.toString(), "--out", dir.toString());
        assertEquals(BerthCommand.INVALID_ANSWERS, code);
        assertTrue(err.toString().contains("storage.timeZone: is not a time zone: use an IANA name such as Europe/Berlin"), err.toString());
        assertTrue(err.toString().contains("cannot be used yet. Nothing was changed."), err.toString());
        assertFalse(Files.exists(dir));
        assertNoStagingLeft();
    }

    @Test
    void aFolderBerthDidNotMakeIsLeftAlone() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("photos"));
        Files.writeString(dir.resolve("holiday.jpg"), "precious");
        int code = berth("render", "--answers", Examples.file("minimal-jellyfin").toString(), "--out", dir.toString());
        assertEquals(BerthCommand.INVALID_ANSWERS, code);
        assertTrue(err.toString().contains("already holds files that Berth did not make"), err.toString());
        // The advice fits render: it cannot take a folder over as deploy --adopt does.
        assertTrue(err.toString().contains("Choose a new or empty folder for --out."), err.toString());
        assertFalse(err.toString().contains("--adopt"), err.toString());
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(1, s.count());
        }
    }

    @Test
    void aFileGivenAsTheFolderIsLeftAlone() throws IOException {
        Path file = Files.writeString(tmp.resolve("notes.txt"), "mine");
        int code = berth("render", "--answers", Examples.file("minimal-jellyfin").toString(), "--out", file.toString());
        assertEquals(BerthCommand.INVALID_ANSWERS, code, err.toString());
        assertTrue(err.toString().contains(file + " on this computer is a file, not a folder"), err.toString());
        assertEquals("mine", Files.readString(file));
    }

    @Test
    void aSecretChangedByHandIsKeptByteForByteAndOwnerOnly() throws IOException {
        Path dir = tmp.resolve("stack");
        String answers = Examples.file("full-wireguard").toString();
        assertEquals(0, berth("render", "--answers", answers, "--out", dir.toString()), err.toString());
        Path secret = dir.resolve("secrets/grafana_admin_password");
        byte[] mine = "my own pässwörd, with spaces  ".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Files.write(secret, mine);
        assertEquals(0, berth("render", "--answers", answers, "--out", dir.toString()), err.toString());
        org.junit.jupiter.api.Assertions.assertArrayEquals(mine, Files.readAllBytes(secret));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(secret)));
        assertNoStagingLeft();
    }

    @Test
    void aWriteThatFailsPartWayLeavesTheStackAsItWas() throws IOException {
        Path dir = tmp.resolve("stack");
        assertEquals(0, berth("render", "--answers", Examples.file("full-wireguard").toString(), "--out", dir.toString()), err.toString());
        byte[] compose = Files.readAllBytes(dir.resolve("compose.yaml"));
        byte[] berthYaml = Files.readAllBytes(dir.resolve("berth.yaml"));
        // A folder where a file written after compose.yaml belongs: that file cannot be renamed into place.
        Path blocked = dir.resolve("config/authelia/users_database.yml");
        Files.delete(blocked);
        Files.writeString(Files.createDirectories(blocked).resolve("keep.txt"), "mine");
        Path answers = tmp.resolve("more.yaml");
        Files.writeString(answers, Files.readString(Examples.file("full-wireguard")).replace("  - recyclarr\n", "  - recyclarr\n  - transmission\n"));

        int code = berth("render", "--answers", answers.toString(), "--out", dir.toString());

        assertEquals(BerthCommand.IO_ERROR, code, err.toString());
        assertTrue(err.toString().contains("Cannot write the stack to " + dir), err.toString());
        assertTrue(err.toString().contains("Nothing was changed there."), err.toString());
        org.junit.jupiter.api.Assertions.assertArrayEquals(compose, Files.readAllBytes(dir.resolve("compose.yaml")));
        org.junit.jupiter.api.Assertions.assertArrayEquals(berthYaml, Files.readAllBytes(dir.resolve("berth.yaml")));
        assertEquals("mine", Files.readString(blocked.resolve("keep.txt")));
        assertNoStagingLeft();
    }

    @Test
    void renderingAgainKeepsEveryPasswordAndKey() throws IOException {
        Path dir = tmp.resolve("stack");
        String answers = Examples.file("full-wireguard").toString();
        assertEquals(0, berth("render", "--answers", answers, "--out", dir.toString()), err.toString());
        String password = Files.readString(dir.resolve("secrets/grafana_admin_password"));
        String users = Files.readString(dir.resolve("config/authelia/users_database.yml"));
        assertEquals(0, berth("render", "--answers", answers, "--out", dir.toString()), err.toString());
        assertEquals(password, Files.readString(dir.resolve("secrets/grafana_admin_password")));
        assertEquals(users, Files.readString(dir.resolve("config/authelia/users_database.yml")));
        assertNoStagingLeft();
    }

    @Test
    void renderingAgainWithANewAppKeepsThePortsOfWhatIsThere() throws IOException {
        Path dir = tmp.resolve("stack");
        assertEquals(0, berth("render", "--answers", Examples.file("full-wireguard").toString(), "--out", dir.toString()), err.toString());
        Path answers = tmp.resolve("more.yaml");
        Files.writeString(answers, Files.readString(Examples.file("full-wireguard")).replace("  - recyclarr\n", "  - recyclarr\n  - transmission\n"));
        out.getBuffer().setLength(0);
        assertEquals(0, berth("render", "--answers", answers.toString(), "--out", dir.toString()), err.toString());
        String compose = Files.readString(dir.resolve("compose.yaml"));
        String authelia = compose.substring(compose.indexOf("\n  authelia:\n"));
        assertTrue(authelia.substring(0, authelia.indexOf("volumes:")).contains("- 9091:9091/tcp"), authelia);
        assertTrue(out.toString().contains("transmission           9091 -> 9092 (port 9091 is used by Authelia, which already runs on it)"),
                out.toString());
    }

    @Test
    void aDomainInCapitalsIsWrittenInLowerCaseEverywhere() throws IOException {
        Path answers = tmp.resolve("caps.yaml");
        Files.writeString(answers, Files.readString(Examples.file("full-wireguard")).replace("domain: example.com", "domain: Media.Example.ORG"));
        Path dir = tmp.resolve("stack");
        assertEquals(0, berth("render", "--answers", answers.toString(), "--out", dir.toString()), err.toString());
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?i)media\\.example\\.org").matcher(Files.readString(f));
                while (m.find()) {
                    assertEquals("media.example.org", m.group(), f + " holds the domain as typed");
                }
            }
        }
        for (String file : List.of("config/authelia/configuration.yml", ".env", "berth.yaml", "compose.yaml")) {
            assertTrue(Files.readString(dir.resolve(file)).contains("media.example.org"), file);
        }
        assertTrue(out.toString().contains("https://sonarr.media.example.org/"), out.toString());
        assertTrue(out.toString().contains("Domain: Media.Example.ORG, written as media.example.org (domain names ignore case)"), out.toString());
    }

    @Test
    void aComposeVersionThatRestartsDependentsGetsRestartTrueForRoutedApps() throws IOException {
        Path v1 = tmp.resolve("v1");
        assertEquals(0, berth("render", "--answers", Examples.file("full-wireguard").toString(), "--out", v1.toString()), err.toString());
        assertFalse(Files.readString(v1.resolve("compose.yaml")).contains("restart: true"));
        Path v2 = tmp.resolve("v2");
        assertEquals(0, berth("render", "--answers", Examples.file("full-wireguard").toString(), "--out", v2.toString(),
                "--compose-version", "2.26.1"), err.toString());
        assertTrue(Files.readString(v2.resolve("compose.yaml")).contains("""
                    depends_on:
                      gluetun:
                        condition: service_healthy
                        restart: true
                """), Files.readString(v2.resolve("compose.yaml")));
    }

    @Test
    void aComposeVersionThatIsNoneIsRefusedWithHowToWriteIt() {
        int code = berth("render", "--answers", Examples.file("full-wireguard").toString(), "--out", tmp.resolve("s").toString(),
                "--compose-version", "latest");
        assertEquals(2, code);
        assertTrue(err.toString().contains("'latest' is not a Compose version: give it as 'docker compose version --short'"
                + " prints it on the target, e.g. 2.26.1 or 1.29.2"), err.toString());
        assertFalse(Files.exists(tmp.resolve("s")));
    }

    @Test
    void aDockerVersionFromTwentyFiveGetsHealthChecksEveryTwoSecondsWhileAppsStart() throws IOException {
        Path old = tmp.resolve("old");
        assertEquals(0, berth("render", "--answers", Examples.file("full-wireguard").toString(), "--out", old.toString(),
                "--compose-version", "2.26.1"), err.toString());
        assertFalse(Files.readString(old.resolve("compose.yaml")).contains("start_interval"), "without --docker-version");
        Path quick = tmp.resolve("quick");
        assertEquals(0, berth("render", "--answers", Examples.file("full-wireguard").toString(), "--out", quick.toString(),
                "--compose-version", "2.26.1", "--docker-version", "25.0.3"), err.toString());
        assertTrue(Files.readString(quick.resolve("compose.yaml")).contains("""
                      start_period: 60s
                      start_interval: 2s
                """), Files.readString(quick.resolve("compose.yaml")));
    }

    @Test
    void aDockerVersionThatIsNoneIsRefusedWithHowToWriteIt() {
        int code = berth("render", "--answers", Examples.file("full-wireguard").toString(), "--out", tmp.resolve("s").toString(),
                "--docker-version", "newest");
        assertEquals(2, code);
        assertTrue(err.toString().contains("'newest' is not a Docker engine version"), err.toString());
        assertFalse(Files.exists(tmp.resolve("s")));
    }

    @Test
    void aMissingAnswersFileIsNamed() {
        int code = berth("render", "--answers", tmp.resolve("nope.yaml").toString(), "--out", tmp.resolve("s").toString());
        assertEquals(BerthCommand.IO_ERROR, code);
        assertTrue(err.toString().contains("Cannot find " + tmp.resolve("nope.yaml")), err.toString());
    }

    @Test
    void versionIsPrinted() {
        assertEquals(0, berth("--version"));
        assertTrue(out.toString().startsWith("Berth "), out.toString());
    }

    /** Files are staged as hidden *.berth-tmp files beside their place, as a deploy stages them. */
    // With hosts: (docs/examples/two-hosts.yaml: pc is the manager).

    @Test
    void writesOneFolderPerHostAndSaysWhereEachServiceGoesAndWhy() throws IOException {
        Path dir = tmp.resolve("stack");

        int code = berth("render", "--answers", Examples.file("two-hosts").toString(), "--out", dir.toString());

        assertEquals(0, code, err.toString());
        String pc = Files.readString(dir.resolve("pc/compose.yaml"));
        String nas = Files.readString(dir.resolve("nas/compose.yaml"));
        // The pins: Jellyfin on pc, Prometheus on nas; qBittorrent on exactly one host.
        assertTrue(pc.contains("\n  jellyfin:\n") && !nas.contains("\n  jellyfin:\n"), pc);
        assertTrue(nas.contains("\n  prometheus:\n") && !pc.contains("\n  prometheus:\n"), nas);
        assertTrue(nas.contains("\n  qbittorrent:\n") != pc.contains("\n  qbittorrent:\n"), nas);
        assertTrue(pc.contains("name: homelab-overlay") && nas.contains("name: homelab-overlay"), pc);
        assertFalse(Files.exists(dir.resolve("compose.yaml")), "the hosts' folders only");
        for (String host : new String[] {"pc", "nas"}) {
            assertTrue(Files.exists(dir.resolve(host).resolve("berth.yaml")) && Files.exists(dir.resolve(host).resolve("berth-hosts.yaml")), host);
        }
        String printed = out.toString();
        assertTrue(printed.contains("Where each service goes, and why:"), printed);
        assertTrue(printed.contains("  pc (swarm manager"), printed);
        assertTrue(printed.contains("    jellyfin (pinned): ") && printed.contains("    prometheus (pinned): "), printed);
        assertTrue(printed.contains("berth render counts them as equal"), printed);
        assertTrue(printed.contains("nas          ") && printed.contains(dir.resolve("nas").toString()), printed);
    }

    /** The example's words: the NAS holds the disks, the downloads and the *arr apps; the PC runs Jellyfin. */
    @Test
    void theTwoHostsExampleLandsAsItsCommentSays() throws IOException {
        Path dir = tmp.resolve("stack");

        assertEquals(0, berth("render", "--answers", Examples.file("two-hosts").toString(), "--out", dir.toString()), err.toString());

        String layout = Files.readString(dir.resolve("pc/berth-hosts.yaml"));
        assertTrue(layout.contains("\nstorageHost: nas\n"), layout);
        String nas = Files.readString(dir.resolve("nas/compose.yaml"));
        for (String app : List.of("qbittorrent", "sonarr", "radarr")) {
            assertTrue(nas.contains("\n  " + app + ":\n"), app + " not on nas:\n" + layout);
        }
        assertTrue(Files.readString(dir.resolve("pc/compose.yaml")).contains("\n  jellyfin:\n"), layout);
    }

    @Test
    void renderingAgainKeepsTheManagersSecretsOnEveryHostThatHasThem() throws IOException {
        Path dir = tmp.resolve("stack");
        assertEquals(0, berth("render", "--answers", Examples.file("two-hosts").toString(), "--out", dir.toString()), err.toString());
        Path onPc = dir.resolve("pc/secrets/sonarr_api_key");
        Path onNas = dir.resolve("nas/secrets/sonarr_api_key");
        assertEquals(Files.readString(onPc), Files.readString(onNas));
        Files.writeString(onPc, "0123456789abcdef0123456789abcdef");

        assertEquals(0, berth("render", "--answers", Examples.file("two-hosts").toString(), "--out", dir.toString()), err.toString());

        assertEquals("0123456789abcdef0123456789abcdef", Files.readString(onNas));
        assertEquals("0123456789abcdef0123456789abcdef", Files.readString(onPc));
    }

    @Test
    void backupsOnSeveralHostsAreRefusedOnTheirKeyAndNothingIsWritten() throws IOException {
        Path answers = tmp.resolve("backups-on-hosts.yaml");
        Files.writeString(answers, Files.readString(Examples.file("two-hosts")) + """
                backup:
                  enabled: true
                  repository: /mnt/backup/berth
                  time: "03:30"
                  keep:
                    daily: 7
                    weekly: 4
                    monthly: 6
                  scheduler: container
                """);
        Path dir = tmp.resolve("stack");

        int code = berth("render", "--answers", answers.toString(), "--out", dir.toString());

        assertEquals(BerthCommand.INVALID_ANSWERS, code, out.toString());
        assertTrue(err.toString().contains("backup.enabled: backups of a stack on several hosts are not supported yet"), err.toString());
        assertFalse(Files.exists(dir.resolve("pc/compose.yaml")) || Files.exists(dir.resolve("nas/compose.yaml")));
    }
    private void assertNoStagingLeft() throws IOException {
        try (Stream<Path> s = Files.walk(tmp)) {
            List<Path> left = s.filter(p -> p.getFileName().toString().contains(".berth-tmp")).toList();
            assertTrue(left.isEmpty(), left.toString());
        }
    }
}
