package dev.berth.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.berth.engine.wire.Credential;
import dev.berth.engine.wire.Link;
import dev.berth.engine.wire.WiringResult;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Links table and the sign-ins as the CLI prints them. */
class LinksPrinterTest {
    @Test
    void eachLinkOnALineWithItsStatusAndWhatToDo() {
        StringWriter text = new StringWriter();
        LinksPrinter.links(new WiringResult(List.of(
                new Link("Sonarr", "qBittorrent", Link.Status.OK, ""),
                new Link("Prowlarr", "Radarr", Link.Status.NEEDS_ATTENTION, "Radarr said: Unauthorized"),
                new Link("Sonarr", "SABnzbd", Link.Status.LEFT_ALONE, "you changed it"),
                new Link("qBittorrent", "sign-in", Link.Status.OK, "")), 3, List.of()), new PrintWriter(text, true));
        assertEquals("""
                Links:
                  Sonarr → qBittorrent  ✓
                  Prowlarr → Radarr     needs attention: Radarr said: Unauthorized
                  Sonarr → SABnzbd      left as you set it: you changed it
                  qBittorrent sign-in   ✓
                1 link needs attention: fix what it says, then run berth wire to try again.
                """, text.toString());
    }

    @Test
    void aPasswordIsShownOnlyForASignInMadeNowElseWhereItIsKept() {
        StringWriter text = new StringWriter();
        LinksPrinter.credentials(List.of(
                        new Credential("qBittorrent", "https://qbittorrent.example.com/", "admin", "qbittorrent_password", true),
                        new Credential("Sonarr", "http://nas:8989/", "admin", "sonarr_password", false)),
                Map.of("qbittorrent_password", "Secret123456", "sonarr_password", "Other654321"), "/opt/berth", new PrintWriter(text, true));
        assertEquals("""
                Sign-ins Berth made (shown this once; each password is kept in /opt/berth/secrets/):
                  qBittorrent  https://qbittorrent.example.com/  user admin  password Secret123456
                Sign-ins:
                  Sonarr  http://nas:8989/  user admin  password in /opt/berth/secrets/sonarr_password
                """, text.toString());
    }
}
