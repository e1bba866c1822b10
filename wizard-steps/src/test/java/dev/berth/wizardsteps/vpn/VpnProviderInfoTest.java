package dev.berth.wizardsteps.vpn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.berth.answers.TextRules;
import org.junit.jupiter.api.Test;

class VpnProviderInfoTest {
    @Test
    void everyProviderTheAnswersAcceptIsDescribed() {
        assertEquals(TextRules.VPN_PROVIDERS, VpnProviderInfo.ALL.stream().map(VpnProviderInfo::key).toList());
    }

    @Test
    void providersBerthCannotSetUpAreNotOffered() {
        var offered = VpnProviderInfo.offered().stream().map(VpnProviderInfo::key).toList();
        assertFalse(offered.contains("custom"), "custom needs a WireGuard or OpenVPN file the answers cannot hold");
        assertFalse(offered.contains("vpn secure"), "VPNSecure needs a key file and passphrase");
        assertEquals(TextRules.VPN_PROVIDERS.size() - 2, offered.size());
    }
}
