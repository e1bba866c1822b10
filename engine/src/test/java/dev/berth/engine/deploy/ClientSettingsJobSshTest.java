package dev.berth.engine.deploy;

import dev.berth.engine.ComposeTool;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.engine.RequiresDocker;
import dev.berth.engine.SshdTestBase;
import dev.berth.engine.TestSshd;
import dev.berth.engine.target.SshTarget;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The settings-file job over SSH (SFTP files, Docker over dial-stdio to see that no container of
 * the project runs), as a user who is not root: the client's folder and an owner-only file are
 * made, a person's file keeps its lines, and undo puts back its bytes and mode.
 */
class ClientSettingsJobSshTest extends SshdTestBase {
    private static final String SECRET = "Ssh-Secret-Pass-99";

    @Test
    void writesMergesAndPutsBackOverSsh() throws Exception {
        RequiresDocker.engine();
        Path root = sshd.scratch();
        Path fresh = root.resolve("config/qbittorrent/qBittorrent/qBittorrent.conf");
        Path changed = root.resolve("config/transmission/settings.conf");
        Files.createDirectories(changed.getParent());
        String person = "speed-limit=50\nrpc-password=theirs-1234\n";
        Files.writeString(changed, person);
        Files.setPosixFilePermissions(changed, PosixFilePermissions.fromString("rw-r-----"));
        // The test user's files, as the folders on a server are its own.
        assertEquals(0, new ProcessBuilder("chown", "-R", TestSshd.USER + ":" + TestSshd.USER, root.resolve("config").toString())
                .inheritIO().start().waitFor());

        try (SshTarget ssh = SshTarget.connect(sshd.withKey("ed25519"), sshd.settings(tmp))) {
            JobContext ctx = new JobContext(ssh, DeployFixtures.CLOCK);
            var planned = ClientSettingsJob.plan(ssh, List.of(settings("qbittorrent", fresh), settings("transmission", changed)),
                    List.of(SECRET));
            assertEquals(List.of(true, false), planned.stream().map(ClientSettingsJob.Planned::newFile).toList());
            ClientSettingsJob job = new ClientSettingsJob(ComposeTool.PLUGIN, DeployFixtures.project(), root.toString(), planned,
                    Optional.empty(), List.of(SECRET));

            job.execute(ctx);
            assertEquals("user=admin\nrpc-password=" + SECRET + "\n", Files.readString(fresh));
            assertEquals("speed-limit=50\nrpc-password=" + SECRET + "\nuser=admin\n", Files.readString(changed));
            for (Path p : List.of(fresh, changed)) {
                assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(p)), p::toString);
            }

            job.undo(ctx);
            assertFalse(Files.exists(fresh));
            assertTrue(Files.isDirectory(fresh.getParent()));
            assertEquals(person, Files.readString(changed));
            assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(changed)));
        }
    }

    private static KeyValueSettings settings(String service, Path file) {
        Map<String, String> owned = new LinkedHashMap<>();
        owned.put("user", "admin");
        owned.put("rpc-password", SECRET);
        return new KeyValueSettings(service, file.toString(), owned);
    }
}
