package dev.berth.catalog;

import java.util.List;
import java.util.Map;

/**
 * A VPN provider the gateway forwards a port for, and what that needs.
 *
 * @param provider          the gateway's name for it ({@code protonvpn}, {@code private internet access})
 * @param types             the VPN types it forwards a port with ({@code openvpn}, {@code wireguard})
 * @param openvpnUserSuffix what the OpenVPN user name must end with for the provider to forward
 *                          ({@code +pmp} for ProtonVPN); null: nothing
 * @param environment       settings the gateway needs besides switching forwarding on, e.g. picking
 *                          only servers that forward ({@code PORT_FORWARD_ONLY})
 * @param hint              what the person must do at the provider that Berth cannot check (e.g.
 *                          "make the WireGuard configuration with NAT-PMP on"); null: nothing
 */
public record PortForwardingProvider(String provider, List<String> types, String openvpnUserSuffix,
                                     Map<String, String> environment, String hint) {
    public PortForwardingProvider {
        types = types == null ? List.of() : List.copyOf(types);
        environment = environment == null ? Map.of()
                : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(environment));
    }
}
