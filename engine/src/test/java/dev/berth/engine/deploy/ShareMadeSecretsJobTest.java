package dev.berth.engine.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.answers.InvalidAnswersException;
import dev.berth.catalog.Catalog;
import dev.berth.engine.target.LocalTarget;
import dev.berth.testsupport.TwoHostStacks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A secret an app makes on one host of a multi-host stack reaches the manager and the hosts that
 * mount it; and answers with hosts are refused by the single-host deploy. Local folders stand for
 * the hosts' stack folders; no Docker.
 */
class ShareMadeSecretsJobTest {
    @TempDir
    Path nas;
    @TempDir
    Path pc;
    @TempDir
    Path other;
    @TempDir
    Path unrelated;
    private final LocalTarget target = new LocalTarget();

    @AfterEach
    void close() {
        target.close();
    }

    @Test
    void theKeyMadeOnOneHostReachesTheManagerAndTheHostsThatMountIt() throws Exception {
        Files.createDirectories(pc.resolve("secrets"));
        Files.writeString(pc.resolve("secrets/jellyfin_api_key"), "k3y");
        // The placeholder a running Homepage on "other" mounts: filled in place.
        Files.createDirectories(other.resolve("secrets"));
        Path placeholder = Files.writeString(other.resolve("secrets/jellyfin_api_key"), "");
        Files.setPosixFilePermissions(placeholder, PosixFilePermissions.fromString("rw-------"));
        Object inode = Files.getAttribute(placeholder, "unix:ino");
        ShareMadeSecretsJob job = new ShareMadeSecretsJob(List.of(
                place("nas", nas, Set.of()), place("pc", pc, Set.of("jellyfin_api_key")),
                place("other", other, Set.of("jellyfin_api_key")), place("quiet", unrelated, Set.of("grafana_password"))),
                Map.of("jellyfin_api_key", "pc"));

        job.execute(null);

        assertEquals("k3y", Files.readString(nas.resolve("secrets/jellyfin_api_key")), "the manager keeps every secret");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(nas.resolve("secrets/jellyfin_api_key"))));
        assertEquals("k3y", Files.readString(other.resolve("secrets/jellyfin_api_key")));
        assertEquals(inode, Files.getAttribute(other.resolve("secrets/jellyfin_api_key"), "unix:ino"), "filled in place");
        assertFalse(Files.exists(unrelated.resolve("secrets/jellyfin_api_key")), "a host that does not mount it gets none");
    }

    @Test
    void aKeyNotMadeYetIsLeftAlone() throws Exception {
        new ShareMadeSecretsJob(List.of(place("nas", nas, Set.of()), place("pc", pc, Set.of())), Map.of("jellyfin_api_key", "pc"))
                .execute(null);

        assertFalse(Files.exists(nas.resolve("secrets/jellyfin_api_key")));
    }

    @Test
    void theClusterDeployKnowsWhichSecretsTheAppsMakeAndWhere() {
        var whole = TwoHostStacks.whole();
        var layout = TwoHostStacks.layout(whole.plan(), TwoHostStacks.ON_PC);

        Map<String, String> made = ClusterDeployer.madeSecrets(new ClusterPreview(whole.plan(), layout, Map.of()));

        assertEquals("pc", made.get("jellyfin_api_key"), made::toString);
    }

    @Test
    void theSingleHostDeployRefusesAnswersWithHosts() {
        StackDeployer deployer = new StackDeployer(target, Catalog.builtIn(), DeployFixtures.CLOCK);

        InvalidAnswersException refused = assertThrows(InvalidAnswersException.class,
                () -> deployer.preview(TwoHostStacks.answers(), DeployOptions.DEFAULT));

        assertEquals("hosts", refused.problems().getFirst().field());
        assertEquals(DeployRule.HOSTS_NEED_CLUSTER_DEPLOY, refused.problems().getFirst().rule());
        assertTrue(refused.getMessage().contains("(nas, pc)") && refused.getMessage().contains("berth deploy --answers FILE"),
                refused.getMessage());
    }

    private ShareMadeSecretsJob.Place place(String host, Path dir, Set<String> mounted) {
        return new ShareMadeSecretsJob.Place(host, target, dir.toString(), mounted, Optional.empty());
    }
}
