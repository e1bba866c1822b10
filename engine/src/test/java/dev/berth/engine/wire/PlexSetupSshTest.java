package dev.berth.engine.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.engine.SshdTestBase;
import dev.berth.engine.deploy.StackWiring;
import dev.berth.engine.target.SshTarget;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Plex's libraries over SSH: Preferences.xml read through SFTP, Plex reached through the SSH connection. */
class PlexSetupSshTest extends SshdTestBase {
    @Test
    void theTokenIsReadOverSshAndTheLibrariesAreMadeOnce() throws Exception {
        try (PlexStack stack = new PlexStack(sshd.scratch(), Map.of());
             SshTarget ssh = SshTarget.connect(sshd.withKey("ed25519"), sshd.settings(tmp))) {
            Link unclaimed = stack.run(ssh, WiringMemory.EMPTY, StackWiring.Mode.APPLY).result().links().getFirst();
            assertEquals(Link.Status.NEEDS_ATTENTION, unclaimed.status());
            assertTrue(unclaimed.detail().contains("berth deploy --plex-claim CODE within four minutes"), unclaimed.detail());

            stack.plexClaimed();
            StackWiring.Outcome first = stack.run(ssh, WiringMemory.EMPTY, StackWiring.Mode.APPLY);
            assertEquals(List.of(), first.result().needingAttention(), () -> first.result().links().toString());
            assertEquals(3, first.result().writes());
            assertEquals(List.of("Shows", "Movies", "Music"), stack.plex.sections().stream().map(FakePlex.Section::title).toList());
            assertEquals(0, stack.run(ssh, first.memory(), StackWiring.Mode.APPLY).result().writes());
            assertEquals(List.of(), stack.plex.refused());
        }
    }
}
