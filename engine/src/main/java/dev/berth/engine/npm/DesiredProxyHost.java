package dev.berth.engine.npm;

import dev.berth.render.NpmSnippets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One proxy host as Berth wants it: a service's web port under its own name.
 *
 * @param service             the compose service it leads to
 * @param domainNames         the names it answers for; the first is the one shown in messages
 * @param forwardHost         the container to forward to (gluetun for apps routed through the VPN)
 * @param forwardPort         the app's port inside its network
 * @param websockets          whether the app needs websocket upgrades passed on
 * @param protectedByAuthelia whether Authelia asks for a sign-in first
 * @param letsEncrypt         whether NPM gets a Let's Encrypt certificate and forces HTTPS
 */
public record DesiredProxyHost(String service, List<String> domainNames, String forwardHost, int forwardPort,
                               boolean websockets, boolean protectedByAuthelia, boolean letsEncrypt) {
    public DesiredProxyHost {
        domainNames = List.copyOf(domainNames);
        if (domainNames.isEmpty()) {
            throw new IllegalArgumentException("a proxy host needs a domain name");
        }
    }

    public String domain() {
        return domainNames.getFirst();
    }

    /**
     * Everything in one {@code location /} (see NpmSnippets), after Berth's marker line. NPM's own
     * websocket switch does not reach into that location, so websockets come from the snippet.
     */
    public String advancedConfig() {
        return BerthMarker.line(service) + NpmSnippets.advancedConfig(protectedByAuthelia, websockets);
    }

    /** The body that creates it; with Let's Encrypt, NPM requests the certificate in the same call. */
    public ProxyHostRequest createRequest() {
        return request(letsEncrypt);
    }

    /**
     * The PUT that brings an existing host of Berth's to this, or empty when it already is.
     * Only Berth's own fields are compared: a certificate the person attached, an access list
     * or a disabled switch stay as they are; with Let's Encrypt, a certificate is asked for
     * only when the host has none (each "new" would request another one).
     */
    public Optional<ProxyHostRequest> updateFor(ProxyHost existing) {
        boolean needsCertificate = letsEncrypt && existing.certificateId() == 0;
        boolean same = lowerCase(existing.domainNames()).equals(lowerCase(domainNames))
                && "http".equals(existing.forwardScheme())
                && forwardHost.equals(existing.forwardHost())
                && forwardPort == existing.forwardPort()
                && websockets == existing.allowWebsocketUpgrade()
                && existing.blockExploits()
                && advancedConfig().equals(existing.advancedConfig())
                && (!letsEncrypt || !needsCertificate && existing.sslForced() && existing.http2Support());
        return same ? Optional.empty() : Optional.of(request(needsCertificate));
    }

    private ProxyHostRequest request(boolean newCertificate) {
        Boolean https = letsEncrypt ? Boolean.TRUE : null;
        return new ProxyHostRequest(domainNames, "http", forwardHost, forwardPort,
                newCertificate ? ProxyHostRequest.NEW_CERTIFICATE : null, https, null, null, null, https,
                true, null, websockets, null, advancedConfig(), null, null, null);
    }

    private static Set<String> lowerCase(List<String> names) {
        return names.stream().map(n -> n.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
    }
}
