package dev.berth.wizardsteps.vpn;

import dev.berth.answers.VpnAnswers;
import dev.berth.answers.VpnAnswers.Type;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The VPN page's fields as typed, and the {@link VpnAnswers} they make. Lists (tunnel addresses,
 * countries) are typed comma-separated. With the VPN off the answers are {@link VpnAnswers#OFF},
 * but the fields keep what was typed, so switching it on again brings it back.
 */
final class VpnForm {
    final BooleanProperty enabled = new SimpleBooleanProperty(this, "enabled");
    final ObjectProperty<String> provider = new SimpleObjectProperty<>(this, "provider");
    final ObjectProperty<Type> type = new SimpleObjectProperty<>(this, "type", Type.WIREGUARD);
    final StringProperty privateKey = new SimpleStringProperty(this, "privateKey", "");
    final StringProperty addresses = new SimpleStringProperty(this, "addresses", "");
    final StringProperty presharedKey = new SimpleStringProperty(this, "presharedKey", "");
    final StringProperty user = new SimpleStringProperty(this, "user", "");
    final StringProperty password = new SimpleStringProperty(this, "password", "");
    final StringProperty countries = new SimpleStringProperty(this, "countries", "");
    final StringProperty lanSubnet = new SimpleStringProperty(this, "lanSubnet", "");
    /** The page's "forward the provider's port" box: ticked unless the person switched it off. */
    final BooleanProperty portForwarding = new SimpleBooleanProperty(this, "portForwarding", true);

    /** Every field, for listening to edits (the routed apps are kept by the ViewModel). */
    List<Observable> all() {
        return List.of(enabled, provider, type, privateKey, addresses, presharedKey, user, password, countries, lanSubnet,
                portForwarding);
    }

    /** The text of a field, by its name in {@link VpnViewModel#FIELDS}; empty for the other choices. */
    String text(String field) {
        return switch (field) {
            case "provider" -> provider.get() == null ? "" : provider.get();
            case "privateKey" -> privateKey.get();
            case "addresses" -> addresses.get();
            case "presharedKey" -> presharedKey.get();
            case "user" -> user.get();
            case "password" -> password.get();
            case "countries" -> countries.get();
            case "lanSubnet" -> lanSubnet.get();
            default -> "";
        };
    }

    /** @param routed the apps ticked to go through the VPN */
    VpnAnswers build(List<String> routed) {
        if (!enabled.get()) {
            return VpnAnswers.OFF;
        }
        VpnAnswers.WireGuard wg = type.get() == Type.WIREGUARD
                ? new VpnAnswers.WireGuard(stripped(privateKey), list(addresses.get()), stripped(presharedKey)) : null;
        // Passwords are taken as typed: a space at either end may be part of them.
        VpnAnswers.OpenVpn ovpn = type.get() == Type.OPENVPN && !(user.get().isBlank() && password.get().isEmpty())
                ? new VpnAnswers.OpenVpn(stripped(user), password.get().isEmpty() ? null : password.get()) : null;
        return new VpnAnswers(true, provider.get(), type.get(), wg, ovpn, list(countries.get()), routed, stripped(lanSubnet));
    }

    /** Fills the fields from answers; the ViewModel ticks the routed apps. */
    void fill(VpnAnswers v) {
        enabled.set(v.enabled());
        provider.set(v.provider());
        type.set(v.type() != null ? v.type() : defaultType(v.provider()));
        VpnAnswers.WireGuard wg = v.wireguard();
        privateKey.set(wg == null ? "" : blank(wg::privateKey));
        addresses.set(wg == null ? "" : String.join(", ", wg.addresses()));
        presharedKey.set(wg == null ? "" : blank(wg::presharedKey));
        VpnAnswers.OpenVpn ovpn = v.openvpn();
        user.set(ovpn == null ? "" : blank(ovpn::user));
        password.set(ovpn == null ? "" : blank(ovpn::password));
        countries.set(String.join(", ", v.countries()));
        lanSubnet.set(v.lanSubnet() == null ? "" : v.lanSubnet());
        portForwarding.set(!Boolean.FALSE.equals(v.portForwarding()));
    }

    /** For the sidebar: "Mullvad, WireGuard: qBittorrent", or "Off". */
    String summary(List<String> routedNames) {
        if (!enabled.get()) {
            return "Off";
        }
        String name = provider.get() == null ? "provider not chosen" : VpnViewModel.providerName(provider.get());
        return name + ", " + (type.get() == Type.OPENVPN ? "OpenVPN" : "WireGuard")
                + (routedNames.isEmpty() ? "" : ": " + String.join(", ", routedNames));
    }

    /** WireGuard where Gluetun supports it: faster, and one key instead of a password. */
    static Type defaultType(String provider) {
        return provider == null || VpnProviderInfo.of(provider).wireGuard() ? Type.WIREGUARD : Type.OPENVPN;
    }

    /** "a, b,,c " → [a, b, c]. */
    static List<String> list(String typed) {
        return Arrays.stream(typed.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static String stripped(StringProperty p) {
        return p.get().isBlank() ? null : p.get().strip();
    }

    private static String blank(Supplier<String> value) {
        return value.get() == null ? "" : value.get();
    }
}
