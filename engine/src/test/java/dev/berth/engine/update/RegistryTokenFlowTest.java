package dev.berth.engine.update;

import static dev.berth.engine.update.UpdateFixtures.build;
import static dev.berth.engine.update.UpdateFixtures.pushedDigest;
import static dev.berth.engine.update.UpdateFixtures.run;
import static dev.berth.engine.update.UpdateFixtures.sonarrAt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.catalog.Image;
import dev.berth.engine.RequiresDocker;
import dev.berth.engine.target.LocalTarget;
import dev.berth.testsupport.ExternalTool;
import dev.berth.testsupport.NeedsDocker;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The registry's token flow and its Basic challenge, against docker-registry on loopback with real auth. */
@NeedsDocker
class RegistryTokenFlowTest {
    @TempDir
    Path work;

    @Test
    void aTokenFromTheChallengesRealmWithItsServiceAndAPullScope() throws Exception {
        RequiresDocker.engine();
        try (TestTokenServer tokens = new TestTokenServer(work);
             LoopbackRegistry registry = new LoopbackRegistry(work, tokens.registryAuth())) {
            String repo = registry.host() + "/linuxserver/sonarr";
            try {
                build(work, repo + ":4.0.15", "4.0.15");
                build(work, repo + ":4.0.16", "4.0.16");
                run(work, "docker", "push", "-q", repo + ":4.0.15");
                run(work, "docker", "push", "-q", repo + ":4.0.16");
                HttpResponse<String> bare = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://" + registry.host() + "/v2/linuxserver/sonarr/tags/list")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(401, bare.statusCode(), "the registry must refuse without a token: " + bare.body());
                int before = tokens.requests.size();

                List<ImageStatus> statuses;
                try (LocalTarget local = new LocalTarget()) {
                    statuses = UpdateFinder.registries().find(local, sonarrAt(new Image(repo, "4.0.15")), () -> false);
                }

                ImageStatus status = statuses.getFirst();
                assertEquals("4.0.16", status.update().orElseThrow(() -> new AssertionError(status + "\n" + tokens.requests)).tag());
                assertEquals(pushedDigest(work, repo + ":4.0.16"), status.update().get().digest());
                List<TestTokenServer.Request> berths = tokens.requests.subList(before, tokens.requests.size());
                assertFalse(berths.isEmpty(), "Berth asked the token server nothing");
                for (TestTokenServer.Request r : berths) {
                    assertEquals(null, r.refused(), "refused: " + r);
                    assertEquals(TestTokenServer.SERVICE, r.service());
                    assertEquals(List.of("repository:linuxserver/sonarr:pull"), r.scopes(), "Berth asks to read, nothing more");
                }
                assertEquals(1, berths.size(), "one token serves every request of the same scope: " + berths);
            } finally {
                ExternalTool.run(work, List.of("docker", "image", "rm", repo + ":4.0.15", repo + ":4.0.16"));
            }
        }
    }

    @Test
    void aBasicChallengeWithoutALoginIsASentence() throws Exception {
        RequiresDocker.engine();
        // Any bcrypt-looking line: nobody signs in here, the registry only has to ask.
        Path htpasswd = Files.writeString(work.resolve("htpasswd"), "someone:$2y$05$abcdefghijklmnopqrstuuJ1dvz2Qp5K0a3d0wAqWcLQnY8J1c6Xa\n");
        String auth = "auth:\n  htpasswd:\n    realm: berth-test\n    path: " + htpasswd + "\n";
        try (LoopbackRegistry registry = new LoopbackRegistry(work, auth); LocalTarget local = new LocalTarget()) {
            ImageStatus status = UpdateFinder.registries()
                    .find(local, sonarrAt(new Image(registry.host() + "/linuxserver/sonarr", "4.0.15")), () -> false).getFirst();

            String sentence = status.unreachable().orElseThrow(() -> new AssertionError("no sentence: " + status));
            assertTrue(sentence.contains("asks for a user name and password (Basic); Berth asks registries anonymously"), sentence);
        }
    }
}
