package dev.berth.render.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

/** The facts of one client as ClientSettings would give them, and a check that a merge kept the person's lines. */
final class TestClients {
    static final String PASSWORD = "Gen3ratedPassw0rdForT3st";
    static final String API_KEY = "0123456789abcdef0123456789abcdef";

    private TestClients() {
    }

    static ClientFacts torrent(String service, int port, List<String> categories) {
        return new ClientFacts(service, port, true, "media.example.com", "/data/torrents", "admin", PASSWORD, null, categories);
    }

    /** The same client, as the one Gluetun's hooks push the forwarded port into. */
    static ClientFacts forwarded(ClientFacts f) {
        return new ClientFacts(f.service(), f.webPort(), f.routed(), f.domain(), f.downloadFolder(), f.username(), f.password(),
                f.apiKey(), f.categories(), true);
    }

    static ClientFacts usenet(String service, int port, String username, List<String> categories) {
        return new ClientFacts(service, port, true, "media.example.com", "/data/usenet", username,
                username == null ? null : PASSWORD, username == null ? API_KEY : null, categories);
    }

    /** Every line of {@code before} that is not one of the changed keys is still there, in the same order. */
    static void keepsEveryOtherLine(String before, String after, List<String> changedKeyPrefixes) {
        List<String> remaining = new ArrayList<>(after.lines().toList());
        for (String line : before.lines().toList()) {
            if (changedKeyPrefixes.stream().anyMatch(line::startsWith)) {
                continue;
            }
            int at = remaining.indexOf(line);
            assertTrue(at >= 0, "the line <" + line + "> was kept, in order, in:\n" + after);
            remaining = remaining.subList(at + 1, remaining.size());
        }
    }

    static void setsNothingAgain(SettingsFormat format, SettingsMerge first, ClientFacts facts) {
        SettingsMerge again = format.merge(java.util.Optional.of(first.content()), null, facts);
        assertEquals(List.of(), again.setKeys(), "a re-run sets nothing");
        assertEquals(first.content(), again.content());
    }
}
