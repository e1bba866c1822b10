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
    /** The same without hardware transcoding, so /dev/dri (there or not on this machine) plays no part. */
    private static final StackPlan FULL_NO_GPU = CheckFixtures.plan("full-wireguard", a -> a.withStorage(
            new dev.berth.answers.StorageAnswers(a.storage().stackDir(), a.storage().dataRoot(), a.storage().configRoot(),
                    a.storage().puid(), a.storage().pgid(), a.storage().timeZone(), false)));

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
            HidingTarget t = new HidingTarget(real, Set.of(), Set.of(DevicesCheck.TUN), null);
            CheckResult r = new DevicesCheck().run(new CheckContext(t, FULL_NO_GPU, CheckFixtures.facts("amd64")));
            assertEquals(Status.FAIL, r.status());
            assertEquals("/dev/net/tun is missing: the VPN container cannot make its tunnel", r.summary());
            assertEquals("sudo modprobe tun (to load it at every boot: echo tun | sudo tee /etc/modules-load.d/tun.conf)", r.fix());
        }
    }

    /**
     * Docker refuses to create a container whose device is missing, so the check FAILs (a WARN
     * let the deploy go ahead and fail half-way), naming the service and both ways out.
     */
    @Test
    void hardwareTranscodingWithoutDevDriFails() throws Exception {
        try (LocalTarget real = new LocalTarget()) {
            HidingTarget t = new HidingTarget(real, Set.of(), Set.of(DevicesCheck.DRI), null);
            CheckResult r = new DevicesCheck().run(new CheckContext(t, FULL, CheckFixtures.facts("amd64", 8L << 30, 1000,
                    "media", "UTC", "192.168.1.0/24", null)));
            assertEquals(Status.FAIL, r.status(), r.details());
            assertEquals("/dev/dri is missing: Docker cannot start jellyfin with hardware transcoding on", r.summary());
            assertEquals("Turn off hardware transcoding (the wizard's Storage page, or storage.hardwareTranscoding: false in "
                    + "the answers file), or make the GPU available: /dev/dri appears once its kernel driver is loaded "
                    + "(Intel: sudo modprobe i915; in a virtual machine, pass the GPU through)", r.fix());
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
