package dev.berth.engine.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.engine.target.LocalTarget;
import dev.berth.plan.StackPlan;
import dev.berth.testsupport.ExternalTool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckResourcesTest {
    @TempDir
    Path tmp;

    private StackPlan plan(Path data) {
        return CheckFixtures.withStorage(CheckFixtures.plan("full-wireguard", a -> a),
                s -> CheckFixtures.storage(s, tmp.resolve("stack"), data, tmp.resolve("config"), 1000, 1000));
    }

    @Test
    void thisComputerHasRoomForTheFullStack() throws Exception {
        StackPlan plan = plan(tmp.resolve("data"));
        try (LocalTarget t = new LocalTarget()) {
            CheckContext ctx = CheckFixtures.local(t, plan);
            CheckResult r = new ResourcesCheck().run(ctx);
            long estimate = ResourcesCheck.ramEstimateMb(plan) * 1024L * 1024;
            assertTrue(r.details().contains(plan.services().size() + " containers need about " + ResourcesCheck.gib(estimate)
                    + " of memory; this machine has " + ResourcesCheck.gib(ctx.facts().memoryBytes())), r.details());
            assertTrue(r.details().contains(" free at the data root " + tmp.resolve("data") + " (measured at " + tmp + ")"), r.details());
            assertTrue(r.details().contains(ctx.facts().cores() + " CPU cores") || ctx.facts().cores() < 2, r.details());
        }
    }

    @Test
    void aSmallDataDiskWarns() throws Exception {
        CheckFixtures.requireRoot();
        Path data = Files.createDirectories(tmp.resolve("data"));
        ExternalTool.Result mount = ExternalTool.run(tmp, List.of("mount", "-t", "tmpfs", "-o", "size=64m", "tmpfs", data.toString()));
        assertEquals(0, mount.exitCode(), mount.output());
        try (LocalTarget t = new LocalTarget()) {
            CheckResult r = new ResourcesCheck().run(CheckFixtures.local(t, plan(data)));
            assertEquals(Status.WARN, r.status(), r.toString());
            assertEquals("Only 64 MiB free at the data root " + data + " (Berth suggests at least 10.0 GiB)", r.summary());
            assertEquals("Free some space, or choose a folder on a bigger disk", r.fix());
        } finally {
            ExternalTool.run(tmp, List.of("umount", data.toString()));
        }
    }

    @Test
    void tooLittleMemoryFailsAndTightMemoryWarns() {
        Findings fail = new Findings(new ResourcesCheck());
        ResourcesCheck.memory(fail, 2L << 30, 3000, 12);
        CheckResult r = fail.result("");
        assertEquals(Status.FAIL, r.status());
        assertEquals("12 containers need about 2.9 GiB of memory; this machine has 2.0 GiB", r.summary());
        assertEquals("Choose fewer apps (or turn off monitoring), or add memory", r.fix());

        Findings warn = new Findings(new ResourcesCheck());
        ResourcesCheck.memory(warn, 2L << 30, 1800, 12);
        assertEquals(Status.WARN, warn.worst());
        assertEquals("12 containers need about 1.8 GiB of memory; this machine has 2.0 GiB, leaving little for the system",
                warn.result("").summary());
    }

    @Test
    void readsDf() {
        assertEquals(84627460096L, ResourcesCheck.available("""
                Filesystem         1-blocks        Used   Available Capacity Mounted on
                /dev/vda       270553174016 24316833792 84627460096      23% /
                """));
        assertEquals(-1, ResourcesCheck.available("df: /nope: No such file or directory\n"));
    }
}
