package dev.berth.engine.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.engine.target.LocalTarget;
import dev.berth.plan.StackPlan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CheckDevicesTest {
    /** VPN with LAN exception 192.168.1.0/24, and hardware transcoding. */
    private static final StackPlan FULL = CheckFixtures.plan("full-wireguard", a -> a);

    @Test
    void theDevicesOfThisComputerAreLookedAt() throws Exception {
        try (LocalTarget t = new LocalTarget()) {
            CheckResult r = new DevicesCheck().run(CheckFixtures.local(t, FULL));
            assertEquals(Files.exists(Path.of("/dev/net/tun")), r.details().contains("PASS: /dev/net/tun is there for the VPN"),
                    r.details());
            assertEquals(Files.exists(Path.of("/dev/dri")), r.details().contains("PASS: /dev/dri is there for hardware transcoding"),
                    r.details());
        }
    }

    @Test
    void noTunFailsWithModprobe() throws Exception {
        try (LocalTarget real = new LocalTarget()) {
            HidingTarget t = new HidingTarget(real, Set.of(), Set.of(DevicesCheck.TUN, DevicesCheck.DRI), null);
            CheckResult r = new DevicesCheck().run(new CheckContext(t, FULL, CheckFixtures.facts("amd64")));
            assertEquals(Status.FAIL, r.status());
            assertEquals("/dev/net/tun is missing: the VPN container cannot make its tunnel", r.summary());
            assertTrue(r.details().contains("WARN: /dev/dri is missing: the media server will transcode on the CPU instead of the GPU"),
                    r.details());
            assertEquals("sudo modprobe tun (to load it at every boot: echo tun | sudo tee /etc/modules-load.d/tun.conf)\n"
                    + "Install the GPU's driver (Intel: sudo apt-get install intel-media-va-driver), or turn off hardware transcoding",
                    r.fix());
        }
    }

    @Test
    void aLanExceptionThatMissesThisNetworkWarnsAndOffersTheDetectedOne() throws Exception {
        try (LocalTarget t = new LocalTarget()) {
            TargetFacts facts = CheckFixtures.facts("amd64", 8L << 30, 1000, "media", "UTC", "10.0.0.0/24", null);
            CheckResult r = new DevicesCheck().run(new CheckContext(t, FULL, facts));
            assertTrue(r.details().contains("WARN: The VPN's LAN exception 192.168.1.0/24 does not cover this network, "
                    + "10.0.0.0/24: apps behind the VPN could not reach your home network"), r.details());
            assertTrue(r.fix().contains("Use 10.0.0.0/24 as the LAN subnet"), r.fix());
            assertEquals(new CheckData.DetectedSubnet("10.0.0.0/24"), r.data().orElseThrow());

            TargetFacts inside = CheckFixtures.facts("amd64", 8L << 30, 1000, "media", "UTC", "192.168.1.0/24", null);
            CheckResult ok = new DevicesCheck().run(new CheckContext(t, FULL, inside));
            assertTrue(ok.details().contains("PASS: LAN subnet 192.168.1.0/24 is within the VPN's exception 192.168.1.0/24"),
                    ok.details());
        }
    }
}
