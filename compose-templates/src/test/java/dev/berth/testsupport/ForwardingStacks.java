package dev.berth.testsupport;

import dev.berth.answers.Answers;
import dev.berth.answers.AnswersFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

/**
 * The full example with a VPN provider that forwards a port (ProtonVPN over WireGuard), so Gluetun
 * pushes the forwarded port into the routed torrent client: qBittorrent as in the example, or
 * Transmission in its place (chosen, routed and protected where qBittorrent was).
 */
public final class ForwardingStacks {
    private ForwardingStacks() {
    }

    public static Answers protonVpn(String torrentClient) {
        try {
            String example = Files.readString(Examples.file("full-wireguard"));
            return AnswersFile.parse(example.replace("provider: mullvad", "provider: protonvpn")
                    .replace("- qbittorrent\n", "- " + torrentClient + "\n"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
