package dev.berth.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.berth.catalog.Image;
import dev.berth.engine.update.ImageStatus;
import dev.berth.engine.update.ImageUpdate;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class UpdatesPrinterTest {
    private static final Instant NOW = Instant.parse("2026-12-05T12:00:00Z");
    private static final String OLD = "sha256:1111111111111111111111111111111111111111111111111111111111111111";
    private static final String NEW = "sha256:2222222222222222222222222222222222222222222222222222222222222222";

    @Test
    void oneLinePerServiceWithAgeAndUpdateOrTheReason() {
        List<ImageStatus> statuses = List.of(
                new ImageStatus("sonarr", new Image("lscr.io/linuxserver/sonarr", "4.0.15"), OLD, NOW.minus(Duration.ofDays(40)),
                        Optional.of(new ImageUpdate("4.0.16", NEW, NOW.minus(Duration.ofDays(2)), "https://github.com/Sonarr/Sonarr/releases")),
                        Optional.empty()),
                new ImageStatus("redis", new Image("redis", "7.4-alpine"), OLD, NOW.minus(Duration.ofDays(400)),
                        Optional.empty(), Optional.empty()),
                new ImageStatus("homepage", new Image("ghcr.io/gethomepage/homepage", "latest"), OLD, NOW,
                        Optional.of(new ImageUpdate("latest", NEW, null, null)), Optional.empty()),
                new ImageStatus("gluetun", new Image("qmcgaw/gluetun", "v3.41.1"), null, null, Optional.empty(),
                        Optional.of("could not find registry-1.docker.io (no address for its name); is this machine online?")));
        StringWriter text = new StringWriter();

        UpdatesPrinter.print(statuses, new PrintWriter(text), Clock.fixed(NOW, ZoneOffset.UTC));

        assertEquals("""
                Images:
                  sonarr    4.0.15 (sha256:111111111111, 40 days old)  update: → 4.0.16 (sha256:222222222222, 2 days old)  notes: https://github.com/Sonarr/Sonarr/releases
                  redis     7.4-alpine (sha256:111111111111, 13 months old)  up to date
                  homepage  latest (sha256:111111111111, built today)  update: latest (moved) (sha256:222222222222)
                  gluetun   v3.41.1  registry not reached: could not find registry-1.docker.io (no address for its name); is this machine online?
                """, text.toString());
    }
}
