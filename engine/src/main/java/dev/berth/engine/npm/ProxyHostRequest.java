package dev.berth.engine.npm;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import java.util.Map;

/**
 * The body of {@code POST /api/nginx/proxy-hosts} and {@code PUT …/{id}}. NPM's schema forbids
 * unknown keys, so only its own fields are here; a null field is left out, which for a PUT
 * means "keep as it is".
 *
 * @param certificateId an existing certificate's id (0 for none), or {@link #NEW_CERTIFICATE} to
 *                      have NPM request one from Let's Encrypt for the domain names
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ProxyHostRequest(
        List<String> domainNames,
        String forwardScheme,
        String forwardHost,
        Integer forwardPort,
        Object certificateId,
        Boolean sslForced,
        Boolean hstsEnabled,
        Boolean hstsSubdomains,
        Boolean trustForwardedProto,
        Boolean http2Support,
        Boolean blockExploits,
        Boolean cachingEnabled,
        Boolean allowWebsocketUpgrade,
        Integer accessListId,
        String advancedConfig,
        Boolean enabled,
        Map<String, Object> meta,
        List<Map<String, Object>> locations) {

    public static final String NEW_CERTIFICATE = "new";

    public ProxyHostRequest {
        if (certificateId != null && !(certificateId instanceof Integer) && !NEW_CERTIFICATE.equals(certificateId)) {
            throw new IllegalArgumentException("certificate_id is a number or \"new\", not " + certificateId);
        }
    }

    public boolean requestsCertificate() {
        return NEW_CERTIFICATE.equals(certificateId);
    }

    /** The same request without asking for a certificate: what is left when Let's Encrypt fails. */
    public ProxyHostRequest withoutNewCertificate() {
        if (!requestsCertificate()) {
            return this;
        }
        // Without a certificate NPM turns HTTPS forcing and HTTP/2 off itself; asking for them would be noise.
        return new ProxyHostRequest(domainNames, forwardScheme, forwardHost, forwardPort, null, null, hstsEnabled,
                hstsSubdomains, trustForwardedProto, null, blockExploits, cachingEnabled, allowWebsocketUpgrade,
                accessListId, advancedConfig, enabled, meta, locations);
    }
}
