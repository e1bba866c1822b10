package dev.berth.wizardsteps.vpn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.answers.TargetAnswers;
import dev.berth.answers.VpnAnswers;
import dev.berth.answers.VpnAnswers.Type;
import dev.berth.wizardsteps.core.AppChoice;
import dev.berth.wizardsteps.core.StepContext;
import dev.berth.wizardsteps.testing.Drafts;
import dev.berth.wizardsteps.testing.ScriptedDialogs;
import dev.berth.wizardsteps.testing.TestContexts;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;

class VpnViewModelTest {
    private static final String KEY = "yAnz5TF+lXXJte14tji3zlMNq+hd2rYUIgJBgB3fBmk=";
    private final StepContext ctx = TestContexts.create(new ScriptedDialogs());
    private final VpnViewModel vm = new VpnViewModel(ctx);

    @Test
    void offIsAGoodAnswer() {
        Drafts.upToApps(ctx, "jellyfin", "qbittorrent");
        vm.enter();
        assertTrue(vm.isValid());
        assertEquals("Off", vm.summaryProperty().get());
        assertEquals(VpnAnswers.OFF, ctx.model().vpnProperty().get());
    }

    @Test
    void switchedOnItBlocksNextAndSaysWhatIsStillNeededWithoutMarkingUntouchedFields() {
        Drafts.upToApps(ctx, "jellyfin", "qbittorrent");
        vm.enter();
        vm.enabledProperty().set(true);
        assertFalse(vm.isValid());
        assertEquals("", vm.messageProperty("provider").get());
        assertTrue(vm.missingProperty().get().startsWith("Still needed: the provider"), vm.missingProperty().get());
    }

    @Test
    void aBadWireGuardKeyShowsTheValidatorsMessageAndBlocksNext() {
        readyWithMullvad();
        vm.privateKeyProperty().set("not-a-key");
        assertFalse(vm.isValid());
        assertTrue(vm.messageProperty("privateKey").get().startsWith("must be a WireGuard key: 44 characters of base64"),
                vm.messageProperty("privateKey").get());
        vm.privateKeyProperty().set(KEY);
        assertEquals("", vm.messageProperty("privateKey").get());
        assertTrue(vm.isValid(), vm.missingProperty().get());
        assertEquals(KEY, ctx.model().vpnProperty().get().wireguard().privateKey());
        assertEquals("Mullvad, WireGuard: qBittorrent", vm.summaryProperty().get());
    }

    @Test
    void eachFieldShowsItsOwnMessage() {
        readyWithMullvad();
        vm.privateKeyProperty().set(KEY);
        vm.addressesProperty().set("10.64.222.21");
        assertEquals("'10.64.222.21' must be an IPv4 or IPv6 network in CIDR form, e.g. 192.168.1.0/24",
                vm.messageProperty("addresses").get());
        vm.addressesProperty().set("10.64.222.21/32");
        vm.countriesProperty().set("Netherlands, Sweden2");
        assertTrue(vm.messageProperty("countries").get().startsWith("'Sweden2' is not a country name"), vm.messageProperty("countries").get());
        vm.countriesProperty().set("Netherlands, Sweden");
        vm.lanSubnetProperty().set("192.168.1.0/33");
        assertTrue(vm.messageProperty("lanSubnet").get().startsWith("must be an IPv4 or IPv6 network"));
        assertFalse(vm.isValid());
        vm.lanSubnetProperty().set("192.168.1.0/24");
        assertTrue(vm.isValid());
        assertEquals(List.of("Netherlands", "Sweden"), ctx.model().vpnProperty().get().countries());
    }

    @Test
    void anEmptiedRequiredFieldSaysSo() {
        readyWithMullvad();
        vm.addressesProperty().set("");
        assertEquals("WireGuard needs the tunnel address your provider gave you (e.g. 10.64.222.21/32)",
                vm.messageProperty("addresses").get());
        vm.privateKeyProperty().set(KEY);
        vm.privateKeyProperty().set("");
        assertEquals("is required: copy the private key from your provider's WireGuard configuration",
                vm.messageProperty("privateKey").get());
    }

    @Test
    void downloadClientsGoThroughTheVpnByDefaultAndOnlyChosenAppsAreOffered() {
        Drafts.upToApps(ctx, "sonarr", "prowlarr", "qbittorrent", "sabnzbd");
        vm.enter();
        vm.enabledProperty().set(true);
        assertEquals(List.of("prowlarr", "qbittorrent", "sabnzbd"), vm.routedApps().stream().map(AppChoice::id).sorted().toList());
        assertEquals(List.of("qbittorrent", "sabnzbd"), ctx.model().vpnProperty().get().routedServices().stream().sorted().toList());

        vm.routedApps().stream().filter(a -> a.id().equals("sabnzbd")).findFirst().orElseThrow().selectedProperty().set(false);
        ctx.model().setServices(List.of("sonarr", "prowlarr", "qbittorrent"));
        assertEquals(List.of("qbittorrent"), ctx.model().vpnProperty().get().routedServices(), "an app no longer chosen is not routed");
        ctx.model().setServices(List.of("sonarr", "prowlarr", "qbittorrent", "sabnzbd"));
        assertEquals(List.of("qbittorrent"), ctx.model().vpnProperty().get().routedServices(), "the person's choice is kept");
    }

    @Test
    void nothingToRouteBlocksNextWithTheValidatorsMessage() {
        readyWithMullvad();
        vm.privateKeyProperty().set(KEY);
        vm.routedApps().getFirst().selectedProperty().set(false);
        assertFalse(vm.isValid());
        assertEquals("choose which services go through the VPN (usually the download clients)", vm.messageProperty("routedServices").get());
    }

    @Test
    void aProviderWithoutWireGuardAsksForTheOpenVpnLogin() {
        readyWithMullvad();
        vm.providerProperty().set("private internet access");
        assertEquals(Type.OPENVPN, vm.typeProperty().get());
        assertFalse(vm.wireGuardOfferedProperty().get());
        assertFalse(vm.isValid());
        vm.userProperty().set("p1234567");
        vm.passwordProperty().set("x");
        vm.passwordProperty().set("");
        assertEquals("is required for OpenVPN", vm.messageProperty("password").get());
        vm.passwordProperty().set("a password");
        assertTrue(vm.isValid(), vm.missingProperty().get());
        assertEquals(new VpnAnswers.OpenVpn("p1234567", "a password"), ctx.model().vpnProperty().get().openvpn());
        assertEquals("Private Internet Access, OpenVPN: qBittorrent", vm.summaryProperty().get());
    }

    @Test
    void aTunnelAddressEveryAccountShares_isFilledInAndDroppedWithTheProvider() {
        readyWithMullvad();
        vm.addressesProperty().set("");
        vm.providerProperty().set("nordvpn");
        assertEquals("10.5.0.2/32", vm.addressesProperty().get());
        vm.providerProperty().set("surfshark");
        assertEquals("", vm.addressesProperty().get());
    }

    @Test
    void windscribeAsksForThePresharedKey() {
        readyWithMullvad();
        vm.privateKeyProperty().set(KEY);
        assertFalse(vm.presharedKeyShownProperty().get());
        vm.providerProperty().set("windscribe");
        vm.addressesProperty().set("10.64.222.21/32");
        assertTrue(vm.presharedKeyShownProperty().get());
        assertFalse(vm.isValid());
        assertTrue(vm.missingProperty().get().contains("the preshared key"), vm.missingProperty().get());
        vm.presharedKeyProperty().set(KEY);
        assertTrue(vm.isValid());
    }

    @Test
    void theLanSubnetComesFromTheTarget() {
        ctx.target().connect(TargetAnswers.LOCAL);
        String detected = ctx.target().connected().orElseThrow().facts().lanSubnet();
        vm.enter();
        assertEquals(Objects.requireNonNullElse(detected, ""), vm.lanSubnetProperty().get());
    }

    @Test
    void answersLoadedLaterFillThePageAndShowTheirProblems() {
        Drafts.upToApps(ctx, "qbittorrent", "prowlarr");
        vm.enter();
        ctx.model().setVpn(new VpnAnswers(true, "mullvad", Type.WIREGUARD, new VpnAnswers.WireGuard(KEY,
                List.of("10.64.222.21/32"), null), null, List.of("Sweden"), List.of("prowlarr"), "192.168.1.0/24"));
        assertTrue(vm.enabledProperty().get());
        assertEquals("Sweden", vm.countriesProperty().get());
        assertEquals(List.of("prowlarr"), ctx.model().vpnProperty().get().routedServices(), "loaded, not the default");
        assertTrue(vm.isValid());

        ctx.model().setVpn(new VpnAnswers(true, "private internet access", Type.WIREGUARD, new VpnAnswers.WireGuard(KEY,
                List.of("10.64.222.21/32"), null), null, List.of(), List.of("qbittorrent"), "192.168.1.0/24"));
        assertEquals(Type.WIREGUARD, vm.typeProperty().get(), "a loaded type stays, with its message");
        assertTrue(vm.messageProperty("type").get().startsWith("Gluetun has no WireGuard support for 'private internet access'"),
                vm.messageProperty("type").get());
        assertFalse(vm.isValid());
    }

    @Test
    void answersLoadedBeforeThePageIsOpenedKeepTheirRouting() {
        Drafts.upToApps(ctx, "qbittorrent", "prowlarr");
        VpnAnswers loaded = new VpnAnswers(true, "mullvad", Type.WIREGUARD, new VpnAnswers.WireGuard(KEY, List.of("10.64.222.21/32"),
                null), null, List.of(), List.of("prowlarr"), "192.168.1.0/24");
        ctx.model().setVpn(loaded);
        assertEquals(loaded, ctx.model().vpnProperty().get(), "qBittorrent is not routed: the answers did not say so");
        assertEquals("Mullvad, WireGuard: Prowlarr", vm.summaryProperty().get());
        vm.enter();
        assertEquals(loaded, ctx.model().vpnProperty().get());
        assertTrue(vm.isValid());
    }

    @Test
    void theCatalogsRulesShowEvenWhileAnotherPageIsUnfinished() {
        Drafts.upToApps(ctx, "qbittorrent");
        ctx.model().setStorage(null);
        vm.enter();
        ctx.model().setVpn(new VpnAnswers(true, "private internet access", Type.WIREGUARD, new VpnAnswers.WireGuard(KEY,
                List.of("10.64.222.21/32"), null), null, List.of(), List.of("qbittorrent"), "192.168.1.0/24"));
        assertFalse(vm.messageProperty("type").get().isEmpty());
        assertFalse(vm.isValid());
    }

    @Test
    void reconfiguringKeepsTheKeyWhenLeftEmpty() {
        readyWithMullvad();
        assertFalse(vm.isValid());
        ctx.model().setPreviousSecrets(Map.of("wireguard_private_key", KEY));
        assertTrue(vm.isValid(), vm.missingProperty().get());
        assertEquals("leave empty to keep the current one", vm.promptProperty("privateKey").get());
    }

    /** VPN on, Mullvad, the apps chosen with qBittorrent, a home network: only the key missing. */
    private void readyWithMullvad() {
        Drafts.upToApps(ctx, "jellyfin", "qbittorrent");
        vm.enter();
        vm.enabledProperty().set(true);
        vm.providerProperty().set("mullvad");
        vm.addressesProperty().set("10.64.222.21/32");
        vm.lanSubnetProperty().set("192.168.1.0/24");
    }

    /** ProtonVPN over OpenVPN with qBittorrent routed: the port is forwarded to it unless switched off. */
    private void readyWithProtonOpenVpn() {
        Drafts.upToApps(ctx, "jellyfin", "qbittorrent");
        vm.enter();
        vm.enabledProperty().set(true);
        vm.providerProperty().set("protonvpn");
        vm.typeProperty().set(Type.OPENVPN);
        vm.passwordProperty().set("secret-password");
        vm.lanSubnetProperty().set("192.168.1.0/24");
    }

    @Test
    void protonVpnForwardsAPortToTheRoutedTorrentClientAndItsOpenVpnUserMustEndAsTheCatalogSays() {
        readyWithProtonOpenVpn();
        String suffix = dev.berth.catalog.Catalog.builtIn().get("gluetun").vpnGateway().forwarding("protonvpn").orElseThrow()
                .openvpnUserSuffix();
        assertTrue(vm.forwardingOfferedProperty().get());
        assertTrue(vm.portForwardingProperty().get(), "on by default");
        assertEquals("Proton VPN forwards a port: qBittorrent gets it at every reconnect, so other peers can connect to it.",
                vm.forwardingProperty().get());

        vm.userProperty().set("anna");
        assertEquals("must end with " + suffix + " for Proton VPN to forward a port to qBittorrent: type anna" + suffix
                + ", or switch port forwarding off below", vm.messageProperty("user").get());
        assertFalse(vm.isValid());
        vm.userProperty().set("anna" + suffix);
        assertEquals("", vm.messageProperty("user").get());
        assertTrue(vm.isValid(), vm.missingProperty().get());
        assertEquals(null, ctx.model().vpnProperty().get().portForwarding(), "the default stays out of berth.yaml");

        // Switched off: the user name may be the plain one, and the answers say so.
        vm.userProperty().set("anna");
        vm.portForwardingProperty().set(false);
        assertEquals("", vm.messageProperty("user").get());
        assertTrue(vm.isValid(), vm.missingProperty().get());
        assertEquals(Boolean.FALSE, ctx.model().vpnProperty().get().portForwarding());
        assertEquals("Off: qBittorrent gets no forwarded port, so it finds fewer peers.", vm.forwardingProperty().get());
    }

    @Test
    void theProvidersHintShowsAndAProviderWithoutForwardingOffersNone() {
        readyWithProtonOpenVpn();
        vm.typeProperty().set(Type.WIREGUARD);
        assertEquals(dev.berth.catalog.Catalog.builtIn().get("gluetun").vpnGateway().forwarding("protonvpn").orElseThrow().hint(),
                vm.forwardingHintProperty().get());
        assertFalse(vm.forwardingHintProperty().get().isEmpty());

        vm.portForwardingProperty().set(false);
        vm.providerProperty().set("mullvad");
        assertFalse(vm.forwardingOfferedProperty().get());
        assertEquals("", vm.forwardingProperty().get());
        assertEquals(null, ctx.model().vpnProperty().get().portForwarding(), "nothing to switch off: nothing written");
    }

    @Test
    void answersWithForwardingOffUntickTheBox() {
        Drafts.upToApps(ctx, "jellyfin", "qbittorrent");
        ctx.model().setVpn(new VpnAnswers(true, "protonvpn", Type.OPENVPN, null, new VpnAnswers.OpenVpn("anna", "pw"),
                List.of(), List.of("qbittorrent"), "192.168.1.0/24", false));
        VpnViewModel loaded = new VpnViewModel(ctx);
        loaded.enter();
        assertFalse(loaded.portForwardingProperty().get());
        assertEquals("", loaded.messageProperty("user").get());
        assertEquals(Boolean.FALSE, ctx.model().vpnProperty().get().portForwarding());
    }
}
