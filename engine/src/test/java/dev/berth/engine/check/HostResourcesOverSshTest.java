package dev.berth.engine.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.berth.engine.SshdTestBase;
import dev.berth.engine.target.LocalTarget;
import dev.berth.engine.target.SshTarget;
import dev.berth.plan.HostResources;
import org.junit.jupiter.api.Test;

/** The test sshd serves this machine: over SSH the reader must read what it reads here. */
class HostResourcesOverSshTest extends SshdTestBase {
    @Test
    void readsTheSameHostOverSsh() throws Exception {
        String dataRoot = sshd.scratch().resolve("data/not-yet").toString();
        HostResources remote;
        try (SshTarget ssh = SshTarget.connect(sshd.withKey("ed25519"), sshd.settings(tmp))) {
            remote = new HostResourcesReader().read(ssh, dataRoot);
        }
        HostResources local;
        try (LocalTarget here = new LocalTarget()) {
            local = new HostResourcesReader().read(here, dataRoot);
        }
        assertEquals(local.memoryTotalBytes(), remote.memoryTotalBytes());
        assertEquals(local.cores(), remote.cores());
        assertEquals(local.storageFileSystem(), remote.storageFileSystem());
        assertEquals(local.hasRenderDevice(), remote.hasRenderDevice());
    }
}
