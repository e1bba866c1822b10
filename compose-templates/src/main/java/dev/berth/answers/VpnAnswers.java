package dev.berth.answers;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * The VPN that download traffic goes through (Gluetun).
 *
 * @param provider        one of Gluetun's providers, e.g. {@code mullvad}
 * @param type            WireGuard or OpenVPN
 * @param wireguard       WireGuard credentials (the private key is a secret: kept in secrets/, not berth.yaml)
 * @param openvpn         OpenVPN credentials (both are secrets)
 * @param countries       server countries, as the provider names them
 * @param routedServices  the services whose traffic must leave through the VPN
 * @param lanSubnet       the home network, reachable from inside the tunnel (outbound exception)
 * @param portForwarding  whether the provider forwards a port to the routed torrent client; null (the
 *                        default, left out of berth.yaml): on when a torrent client is routed and the
 *                        provider forwards ports, else off
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"enabled", "provider", "type", "wireguard", "openvpn", "countries", "routedServices", "lanSubnet", "portForwarding"})
public record VpnAnswers(
        boolean enabled,
        @VpnProvider String provider,
        Type type,
        @Valid WireGuard wireguard,
        @Valid OpenVpn openvpn,
        List<@NotNull @Pattern(regexp = "[\\p{L}][\\p{L} .'-]{1,55}", message = "is not a country name (letters, spaces, '.', ''' or '-')") String> countries,
        List<@NotNull String> routedServices,
        @Cidr String lanSubnet,
        Boolean portForwarding) {

    public static final VpnAnswers OFF = new VpnAnswers(false, null, null, null, null, List.of(), List.of(), null);

    /** Port forwarding left to the default (see {@code portForwarding}). */
    public VpnAnswers(boolean enabled, String provider, Type type, WireGuard wireguard, OpenVpn openvpn,
                      List<String> countries, List<String> routedServices, String lanSubnet) {
        this(enabled, provider, type, wireguard, openvpn, countries, routedServices, lanSubnet, null);
    }

    public VpnAnswers withPortForwarding(Boolean on) {
        return new VpnAnswers(enabled, provider, type, wireguard, openvpn, countries, routedServices, lanSubnet, on);
    }

    public VpnAnswers {
        countries = countries == null ? List.of() : List.copyOf(countries);
        routedServices = routedServices == null ? List.of() : List.copyOf(routedServices);
    }

    public enum Type {
        WIREGUARD, OPENVPN;

        @com.fasterxml.jackson.annotation.JsonValue
        public String key() {
            return Enums.key(this);
        }

        @com.fasterxml.jackson.annotation.JsonCreator
        public static Type fromKey(String key) {
            return Enums.parse(Type.class, key);
        }
    }

    /**
     * @param privateKey   base64 of 32 bytes, from the provider's WireGuard configuration
     * @param addresses    the tunnel address(es) the provider assigned, in CIDR form
     * @param presharedKey optional, base64 of 32 bytes
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record WireGuard(@WireGuardKey String privateKey,
                            List<@NotNull @Cidr String> addresses,
                            @WireGuardKey String presharedKey) {
        public WireGuard {
            addresses = addresses == null ? List.of() : List.copyOf(addresses);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record OpenVpn(@Size(min = 1, max = 256, message = "must be 1 to 256 characters") @SingleLine String user,
                          @Size(min = 1, max = 256, message = "must be 1 to 256 characters") @SingleLine String password) {
    }

    @JsonIgnore
    @AssertTrue(message = "a VPN needs a provider and a type (wireguard or openvpn)")
    public boolean isProviderChosen() {
        return !enabled || (provider != null && type != null);
    }

    @JsonIgnore
    @AssertTrue(message = "WireGuard needs the tunnel address your provider gave you (e.g. 10.64.222.21/32)")
    public boolean isWireGuardHasAddress() {
        return !enabled || type != Type.WIREGUARD || (wireguard != null && !wireguard.addresses().isEmpty());
    }

    @JsonIgnore
    @AssertTrue(message = "choose which services go through the VPN (usually the download clients)")
    public boolean isSomethingRouted() {
        return !enabled || !routedServices.isEmpty();
    }

    @JsonIgnore
    @AssertTrue(message = "the LAN subnet is needed so your apps can still reach your home network (e.g. 192.168.1.0/24)")
    public boolean isLanSubnetSet() {
        return !enabled || lanSubnet != null;
    }
}
