package dev.berth.engine.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.berth.plan.HostResources;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClusterResourcesTest {
    private static final long GIB = 1024L * 1024 * 1024;

    private static HostResources host(long memGib, long freeGib, String fileSystem, int cores, double load) {
        return new HostResources(memGib * GIB, memGib * GIB / 2, freeGib * GIB, fileSystem, cores, load, 3600, false);
    }

    @Test
    void addsUpMemoryCoresAndLoadAndEachHostsOwnDisk() {
        Map<String, HostResources> hosts = new LinkedHashMap<>();
        // Both machines have their root on /dev/sda1 with the same device id: still two disks.
        hosts.put("nas", host(8, 2000, "/dev/sda1 on / (device 2049)", 4, 0.5));
        hosts.put("pc", host(16, 300, "/dev/sda1 on / (device 2049)", 8, 1.25));
        ClusterResources sum = ClusterResources.sum(hosts);
        assertEquals(new ClusterResources(2, 24 * GIB, 12 * GIB, 2300 * GIB, 2, 12, 1.75), sum);
        assertEquals("2 hosts: 24.0 GiB memory (12.0 GiB available), 12 cores (load 1.75), 2300.0 GiB free on 2 file systems",
                sum.describe());
        assertEquals("8.0 GiB memory (4.0 GiB available), 4 cores (load 0.50), 2000.0 GiB free on /dev/sda1 on / (device 2049)",
                ClusterResources.describe(hosts.get("nas")));
    }

    @Test
    void countsANetworkShareSeveralHostsMountOnce() {
        Map<String, HostResources> hosts = new LinkedHashMap<>();
        hosts.put("nas", host(8, 2000, "/dev/md0 on /volume1 (device 2304)", 4, 0));
        hosts.put("pc", host(16, 5000, "nas.lan:/volume2 on /mnt/media (device 48)", 8, 0));
        hosts.put("pi", host(4, 5000, "nas.lan:/volume2 on /srv/media (device 51)", 4, 0));
        hosts.put("old", host(4, 100, "//nas.lan/backup on /mnt/b (device 60)", 2, 0));
        ClusterResources sum = ClusterResources.sum(hosts);
        assertEquals((2000 + 5000 + 100) * GIB, sum.storageFreeBytes());
        assertEquals(3, sum.fileSystems());
        assertEquals(4, sum.hosts());
    }
}
