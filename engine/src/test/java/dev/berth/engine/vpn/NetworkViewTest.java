package dev.berth.engine.vpn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Reading what the probe script printed, as seen in real containers on Docker 20.10. */
class NetworkViewTest {
    private static final List<String> TUNNEL = List.of("tun0", "wg0");

    /** A container on a bridge network (BusyBox ls, tab-separated /proc/net/route with trailing blanks). */
    private static final String BRIDGED = """
            [netns]
            lrwxrwxrwx    1 0        0                0 Dec  5 12:56 /proc/self/ns/net -> net:[4026532251]
            [interfaces]
            eth0 0x1003
            lo 0x9
            [route]
            Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT                                                       \s
            eth0\t00000000\t010011AC\t0003\t0\t0\t0\t00000000\t0\t0\t0                                                                               \s
            eth0\t000011AC\t00000000\t0001\t0\t0\t0\t0000FFFF\t0\t0\t0                                                                               \s
            [ipv6_route]
            """;

    /** An app left in the namespace of a Gluetun that stopped or restarted: only the loopback. */
    private static final String CUT_OFF = """
            [netns]
            lrwxrwxrwx 1 root root 0 Dec  5 13:01 /proc/self/ns/net -> 'net:[4026532320]'
            [interfaces]
            lo 0x9
            [route]
            Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT
            [ipv6_route]
            """;

    @Test
    void aBridgedContainerHasAWayOut() {
        NetworkView v = NetworkView.parse(BRIDGED);
        assertEquals(Optional.of("net:[4026532251]"), v.namespace());
        assertEquals(Map.of("eth0", true, "lo", true), v.interfaces());
        assertEquals(List.of("eth0", "eth0"), v.routes());
        assertEquals(List.of("eth0"), v.upBesidesLoopback());
        assertEquals(List.of("IPv4 via eth0"), v.routesBesidesLoopback());
        assertFalse(v.cutOff(TUNNEL));
        assertEquals("interfaces up: eth0, lo; routes: IPv4 via eth0", v.describe());
    }

    @Test
    void onlyTheLoopbackIsCutOff() {
        // GNU ls quotes the link target; the namespace is found all the same.
        NetworkView v = NetworkView.parse(CUT_OFF);
        assertEquals(Optional.of("net:[4026532320]"), v.namespace());
        assertTrue(v.cutOff(TUNNEL));
        assertEquals("interfaces up: lo; routes: none", v.describe());
    }

    @Test
    void anInterfaceThatIsDownButStillRoutesIsAWayOut() {
        // eth1 flags 0x1090 (no IFF_UP) yet a route through it: routes count, not whether it says it is up.
        NetworkView v = NetworkView.parse("""
                [interfaces]
                lo 0x9
                eth1 0x1090
                [route]
                Iface Destination Gateway Flags RefCnt Use Metric Mask MTU Window IRTT
                eth1 00000000 00000000 0001 0 0 0 00000080 0 0 0
                """);
        assertEquals(List.of(), v.upBesidesLoopback());
        assertFalse(v.cutOff(TUNNEL));
        assertEquals(Optional.empty(), v.namespace());
    }

    @Test
    void whatIsLeftOfTheTunnelIsNoWayOut() {
        // Gluetun killed with WireGuard in the kernel: wg0 stays up with its routes, but the engine took eth0,
        // so the encrypted packets have nowhere to go; an interface up without any route sends nothing.
        NetworkView v = NetworkView.parse("""
                [interfaces]
                lo 0x9
                wg0 0x91
                veth0 0x1003
                [route]
                Iface Destination Gateway Flags RefCnt Use Metric Mask MTU Window IRTT
                wg0 00000000 00000000 0001 0 0 0 00000080 0 0 0
                """);
        assertTrue(v.cutOff(TUNNEL));
        assertFalse(v.cutOff(List.of()), "without knowing the tunnel, wg0's route is a way out");
    }

    @Test
    void ipv6RoutesCountButTheLoopbacksDoNot() {
        NetworkView v = NetworkView.parse("""
                [interfaces]
                lo 0x9
                [ipv6_route]
                00000000000000000000000000000001 80 00000000000000000000000000000000 00 00000000000000000000000000000000 00000000 00000002 00000000 80200001       lo
                fe800000000000000000000000000000 40 00000000000000000000000000000000 00 00000000000000000000000000000000 00000100 00000001 00000000 00000001     eth0
                """);
        assertEquals(List.of("IPv6 via eth0"), v.routesBesidesLoopback());
        assertFalse(v.cutOff(TUNNEL));
        assertTrue(NetworkView.parse("[interfaces]\nlo 0x9\n[ipv6_route]\n00000000000000000000000000000001 80 "
                + "00000000000000000000000000000000 00 00000000000000000000000000000000 00000000 00000002 00000000 80200001 lo\n").cutOff(TUNNEL));
    }

    @Test
    void linesItDoesNotKnowAreIgnored() {
        NetworkView v = NetworkView.parse("some banner\n[interfaces]\nlo notahex\nwg0 0x91\n[elsewhere]\nwhatever\n");
        assertEquals(Map.of("wg0", true), v.interfaces());
        assertEquals(List.of("wg0"), v.upBesidesLoopback());
    }
}
