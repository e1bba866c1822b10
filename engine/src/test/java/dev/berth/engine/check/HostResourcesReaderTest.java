package dev.berth.engine.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.engine.target.LocalTarget;
import dev.berth.plan.HostResources;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostResourcesReaderTest {
    /** What this project's build machine printed (a VM: no /dev/dri, / on /dev/vda). */
    private static final String MEMINFO = """
            MemTotal:       24683748 kB
            MemFree:        23782428 kB
            MemAvailable:   24192404 kB
            Buffers:           11644 kB
            Cached:           449972 kB
            """;
    private static final String DF = """
            65024
            Filesystem     1024-blocks     Used Available Capacity Mounted on
            /dev/vda         264212084 27861248  78529664      27% /
            """;

    @TempDir
    Path tmp;

    @Test
    void readsRealOutputs() {
        HostResources r = HostResourcesReader.parse(new HostResourcesReader.Outputs(MEMINFO, "2\n",
                "1.26 0.91 1.16 1/116 7949\n", "83044.93 96814.27\n", DF, "absent\n"));
        assertEquals(new HostResources(24683748L * 1024, 24192404L * 1024, 78529664L * 1024, "/dev/vda on / (device 65024)",
                2, 1.26, 83044, false), r);
    }

    @Test
    void readsANetworkShareWithSpacesInItsMountPointAndARenderDevice() {
        String df = """
                44
                Filesystem            1024-blocks       Used  Available Capacity Mounted on
                nas.lan:/volume1/media 11718719488 5859359744 5859359744      50% /mnt/media library
                """;
        HostResources r = HostResourcesReader.parse(new HostResourcesReader.Outputs(MEMINFO, "8", "0.00 0.01 0.05 1/300 12",
                "12.5 40.1", df, "present"));
        assertEquals("nas.lan:/volume1/media on /mnt/media library (device 44)", r.storageFileSystem());
        assertEquals(5859359744L * 1024, r.storageFreeBytes());
        assertTrue(r.hasRenderDevice());
    }

    @Test
    void namesTheOutputItCannotRead() {
        var noAvailable = new HostResourcesReader.Outputs("MemTotal: 1000 kB\n", "2", "0.1 0 0 1/1 1", "1 1", DF, "absent");
        var e = assertThrows(IllegalArgumentException.class, () -> HostResourcesReader.parse(noAvailable));
        assertTrue(e.getMessage().contains("MemAvailable"), e.getMessage());
        var badDf = new HostResourcesReader.Outputs(MEMINFO, "2", "0.1 0 0 1/1 1", "1 1", "65024\ndf: /x: No such file or directory", "absent");
        e = assertThrows(IllegalArgumentException.class, () -> HostResourcesReader.parse(badDf));
        assertTrue(e.getMessage().contains("df -P -k"), e.getMessage());
    }

    /** On this computer: the figures the kernel gives, the data root not there yet measured at its parent. */
    @Test
    void readsThisComputer() throws Exception {
        Path missing = tmp.resolve("not/yet/data");
        try (LocalTarget here = new LocalTarget()) {
            HostResources r = new HostResourcesReader().read(here, missing.toString());
            String meminfo = Files.readString(Path.of("/proc/meminfo"));
            assertEquals(FactParsers.memTotalBytes(meminfo), r.memoryTotalBytes());
            assertTrue(r.memoryAvailableBytes() > 0 && r.memoryAvailableBytes() <= r.memoryTotalBytes(), r.toString());
            assertEquals(Runtime.getRuntime().availableProcessors(), r.cores());
            assertTrue(r.storageFreeBytes() > 0, r.toString());
            String mount = Files.getFileStore(tmp).toString(); // "<mount point> (<source>)"
            assertTrue(mount.startsWith(r.storageFileSystem().replaceAll("^.* on (.*) \\(device \\d+\\)$", "$1")), r + " / " + mount);
            assertTrue(r.storageFileSystem().endsWith("(device " + Files.getAttribute(tmp, "unix:dev") + ")"), r.toString());
            assertEquals(Files.exists(Path.of("/dev/dri")), r.hasRenderDevice());
            assertTrue(r.uptimeSeconds() > 0 && r.load1() >= 0, r.toString());
            assertFalse(Files.exists(missing), "reading creates nothing");
        }
    }
}
