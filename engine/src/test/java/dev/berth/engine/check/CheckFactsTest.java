package dev.berth.engine.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.engine.target.LocalTarget;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CheckFactsTest {
    @Test
    void gathersTheFactsOfThisComputer() throws Exception {
        try (LocalTarget t = new LocalTarget()) {
            TargetFacts f = new FactGatherer(t).gather();
            String osRelease = Files.readString(Path.of("/etc/os-release"));
            assertEquals(FactParsers.osRelease(osRelease), f.os());
            assertFalse(f.os().prettyName().isBlank());
            assertEquals(FactParsers.dockerArch(f.machine()), f.arch());
            if (System.getProperty("os.arch").equals("amd64")) {
                assertEquals("amd64", f.arch(), "x86_64 is amd64 to image manifests");
            }
            assertTrue(f.cores() >= 1);
            assertEquals(FactParsers.memTotalBytes(Files.readString(Path.of("/proc/meminfo"))), f.memoryBytes());
            assertEquals(System.getProperty("user.name"), f.user().name());
            assertEquals(new com.sun.security.auth.module.UnixSystem().getUid(), f.user().uid());
            assertTrue(f.user().groups().size() >= 1);
            assertTrue(f.timeZone() != null && !f.timeZone().isBlank(), "time zone: " + f.notes());
            if (Files.exists(Path.of("/etc/timezone")) && f.notes().stream().noneMatch(n -> n.contains("time zone"))) {
                // Without systemd (as in CI containers), /etc/timezone is what the gatherer reads.
                String file = Files.readString(Path.of("/etc/timezone")).strip();
                assertTrue(f.timeZone().equals(file) || Files.exists(Path.of("/run/systemd/system")), f.timeZone());
            }
            assertTrue(f.lanSubnet() == null || f.lanSubnet().matches("\\d+\\.\\d+\\.\\d+\\.\\d+/\\d+"), f.lanSubnet());
            assertTrue(Math.abs(f.clock().offsetNanos()) < 1_000_000_000L, "the same clock: " + f.clock());
        }
    }

    @Test
    void readsOsRelease() {
        TargetFacts.OsInfo os = FactParsers.osRelease("NAME=\"Ubuntu\"\nVERSION_ID=\"24.04\"\nID=ubuntu\n"
                + "PRETTY_NAME='Ubuntu 24.04.1 LTS'\n# a comment=1\n");
        assertEquals(new TargetFacts.OsInfo("ubuntu", "24.04", "Ubuntu 24.04.1 LTS"), os);
        assertEquals("an unknown Linux distribution", FactParsers.osRelease("").describe());
    }

    @Test
    void mapsMachineNamesToImageArchitectures() {
        assertEquals("amd64", FactParsers.dockerArch("x86_64"));
        assertEquals("arm64", FactParsers.dockerArch("aarch64\n"));
        assertEquals("arm", FactParsers.dockerArch("armv7l"));
        assertEquals("arm", FactParsers.dockerArch("armv6l"));
        assertEquals("386", FactParsers.dockerArch("i686"));
        assertNull(FactParsers.dockerArch("mips64"));
    }

    @Test
    void readsMemoryAndTimeZoneLinks() {
        assertEquals(24684084L * 1024, FactParsers.memTotalBytes("MemTotal:       24684084 kB\nMemFree: 1 kB\n"));
        assertEquals(Optional.of("Europe/Berlin"), FactParsers.zoneFromLink("/usr/share/zoneinfo/Europe/Berlin\n"));
        assertEquals(Optional.of("America/New_York"), FactParsers.zoneFromLink("../usr/share/zoneinfo/posix/America/New_York"));
        assertEquals(Optional.empty(), FactParsers.zoneFromLink("/etc/some-file"));
    }

    @Test
    void findsTheLanSubnetOfTheDefaultRoute() {
        String routes = """
                default via 192.168.1.1 dev enp3s0 proto dhcp src 192.168.1.20 metric 100
                172.17.0.0/16 dev docker0 proto kernel scope link src 172.17.0.1 linkdown
                192.168.1.0/24 dev enp3s0 proto kernel scope link src 192.168.1.20 metric 100
                """;
        assertEquals(Optional.of("enp3s0"), FactParsers.defaultInterface(routes));
        assertEquals(Optional.of("192.168.1.0/24"), FactParsers.linkNetwork(routes, "enp3s0"));
        assertEquals(Optional.empty(), FactParsers.defaultInterface("10.0.0.0/8 dev wg0 scope link\n"));
        String addr = "2: wlan0    inet 10.1.2.77/22 brd 10.1.3.255 scope global dynamic wlan0\\       valid_lft 86000sec";
        assertEquals(Optional.of("10.1.0.0/22"), FactParsers.addrNetwork(addr, "wlan0"));
    }

    @Test
    void comparesIpv4Networks() {
        assertEquals("192.168.1.0/24", Ipv4.network("192.168.1.77/24"));
        assertEquals("10.0.0.5/32", Ipv4.network("10.0.0.5"));
        assertTrue(Ipv4.contains("192.168.0.0/16", "192.168.1.0/24"));
        assertTrue(Ipv4.contains("192.168.1.0/24", "192.168.1.0/24"));
        assertFalse(Ipv4.contains("192.168.1.0/24", "192.168.0.0/16"));
        assertFalse(Ipv4.contains("192.168.1.0/24", "10.0.0.0/24"));
        assertTrue(Ipv4.contains("0.0.0.0/0", "10.0.0.0/24"));
    }
}
