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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code berth render} for answers with {@code hosts:} (docs/examples/two-hosts.yaml: pc is the manager, nas holds the data). */
class HostsRenderCommandTest {
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
}
