package dev.berth.wizardsteps.vpn;

import dev.berth.answers.TextRules;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What the VPN page says about one of Gluetun's providers: the name to show, which connection
 * types Gluetun supports for it, and what its set-up needs (from the Gluetun wiki's provider pages).
 *
 * @param key              Gluetun's VPN_SERVICE_PROVIDER value, as in the answers
 * @param wireGuard        Gluetun connects to it with WireGuard
 * @param openVpn          Gluetun connects to it with OpenVPN and a user name and password
 * @param presharedKey     its WireGuard set-up needs a preshared key
 * @param wireGuardAddress the tunnel address every account gets, pre-filled; null when it differs per account
 * @param wireGuardHelp    where the WireGuard values are found
 * @param openVpnHelp      where the OpenVPN user name and password are found
 */
public record VpnProviderInfo(String key, String name, boolean wireGuard, boolean openVpn, boolean presharedKey,
                              String wireGuardAddress, String wireGuardHelp, String openVpnHelp) {

    private static final String WG_FILE = "Download a WireGuard configuration file from your account and copy "
            + "PrivateKey and the IPv4 Address from it.";
    private static final String OVPN_ACCOUNT = "Your VPN account's user name and password.";

    /** Every provider the answers accept, in Gluetun's order. */
    public static final List<VpnProviderInfo> ALL = List.of(
            wg("airvpn", "AirVPN", true, null, "In AirVPN's Client Area, open the Config Generator, choose WireGuard, and copy "
                    + "PrivateKey, PresharedKey and the IPv4 Address."),
            new VpnProviderInfo("custom", "Custom", true, true, false, null,
                    "Needs a WireGuard file of your own, which Berth cannot take yet.", "Needs an OpenVPN file of your own, "
                    + "which Berth cannot take yet."),
            ovpn("cyberghost", "CyberGhost", OVPN_ACCOUNT),
            ovpn("expressvpn", "ExpressVPN", "The user name and password under Set up ExpressVPN → Manual configuration."),
            both("fastestvpn", "FastestVPN", null, WG_FILE, OVPN_ACCOUNT),
            ovpn("giganews", "Giganews", OVPN_ACCOUNT),
            ovpn("hidemyass", "HideMyAss", OVPN_ACCOUNT),
            ovpn("ipvanish", "IPVanish", OVPN_ACCOUNT),
            both("ivpn", "IVPN", null, "In the IVPN account area, generate a WireGuard key and copy the private key and "
                    + "the IP address it was given.", "Your account ID (i-xxxx-xxxx-xxxx), or e-mail address and password."),
            wg("mullvad", "Mullvad", false, null, "On mullvad.net, generate a WireGuard configuration file and copy "
                    + "PrivateKey and the IPv4 Address from it (not the key shown on the Devices page). Mullvad ended "
                    + "OpenVPN in 2026."),
            both("nordvpn", "NordVPN", "10.5.0.2/32", "In Nord Account, open NordVPN → Manual setup and copy the private key; "
                    + "the tunnel address is 10.5.0.2/32 for everyone.", "The service credentials in Nord Account → NordVPN → "
                    + "Manual setup, not your e-mail and password."),
            ovpn("perfect privacy", "Perfect Privacy", OVPN_ACCOUNT),
            ovpn("privado", "Privado", OVPN_ACCOUNT),
            ovpn("private internet access", "Private Internet Access", "Your PIA user name (p1234567) and password."),
            ovpn("privatevpn", "PrivateVPN", OVPN_ACCOUNT),
            both("protonvpn", "Proton VPN", "10.2.0.2/32", "At account.proton.me, create a WireGuard configuration under VPN → "
                    + "WireGuard and copy PrivateKey; the tunnel address is 10.2.0.2/32 for everyone.",
                    "The OpenVPN / IKEv2 user name and password at account.proton.me (VPN → OpenVPN), not your Proton login."),
            ovpn("purevpn", "PureVPN", OVPN_ACCOUNT),
            ovpn("slickvpn", "SlickVPN", OVPN_ACCOUNT),
            both("surfshark", "Surfshark", null, "Under VPN → Manual setup → WireGuard, create a key pair, download a "
                    + "configuration file and copy PrivateKey and the IPv4 Address.",
                    "The service credentials under VPN → Manual setup → Credentials."),
            ovpn("torguard", "TorGuard", OVPN_ACCOUNT),
            new VpnProviderInfo("vpn secure", "VPNSecure", false, false, false, null, "",
                    "Needs a key file and its passphrase, which Berth cannot take yet."),
            ovpn("vpn unlimited", "VPN Unlimited", OVPN_ACCOUNT),
            ovpn("vyprvpn", "VyprVPN", OVPN_ACCOUNT),
            new VpnProviderInfo("windscribe", "Windscribe", true, true, true, null, "Generate a WireGuard configuration at "
                    + "windscribe.com/getconfig/wireguard and copy PrivateKey, Address and PresharedKey.",
                    "The user name and password in a configuration generated at windscribe.com/getconfig/openvpn."));

    private static final Map<String, VpnProviderInfo> BY_KEY = ALL.stream()
            .collect(Collectors.toUnmodifiableMap(VpnProviderInfo::key, Function.identity()));

    /** The providers Berth can set up from the answers: the page offers these. */
    public static List<VpnProviderInfo> offered() {
        return ALL.stream().filter(p -> !p.key().equals("custom") && (p.wireGuard() || p.openVpn())).toList();
    }

    /** The provider for a key, or one described by its key alone (a value the answers do not accept). */
    public static VpnProviderInfo of(String key) {
        VpnProviderInfo known = BY_KEY.get(key);
        return known != null ? known : new VpnProviderInfo(key, key, false, true, false, null, "", OVPN_ACCOUNT);
    }

    private static VpnProviderInfo wg(String key, String name, boolean openVpn, String address, String help) {
        check(key, true);
        return new VpnProviderInfo(key, name, true, openVpn, key.equals("airvpn"), address, help, openVpn ? OVPN_ACCOUNT : "");
    }

    private static VpnProviderInfo both(String key, String name, String address, String wgHelp, String ovpnHelp) {
        check(key, true);
        return new VpnProviderInfo(key, name, true, true, false, address, wgHelp, ovpnHelp);
    }

    private static VpnProviderInfo ovpn(String key, String name, String help) {
        check(key, false);
        return new VpnProviderInfo(key, name, false, true, false, null, "", help);
    }

    /** Keeps this table in step with the validator's list of providers with WireGuard. */
    private static void check(String key, boolean wireGuard) {
        if (TextRules.WIREGUARD_PROVIDERS.contains(key) != wireGuard || !TextRules.VPN_PROVIDERS.contains(key)) {
            throw new IllegalStateException("the VPN page's table disagrees with TextRules about " + key);
        }
    }
}
