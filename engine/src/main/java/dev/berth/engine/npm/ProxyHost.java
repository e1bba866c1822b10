package dev.berth.engine.npm;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A proxy host as NPM returns it ({@code components/proxy-host-object.json}): the fields a
 * request may set, plus its id. Read-only extras (owner, dates, expansions) are dropped.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ProxyHost(
        int id,
        List<String> domainNames,
        String forwardScheme,
        String forwardHost,
        int forwardPort,
        int certificateId,
        boolean sslForced,
        boolean hstsEnabled,
        boolean hstsSubdomains,
        boolean trustForwardedProto,
        boolean http2Support,
        boolean blockExploits,
        boolean cachingEnabled,
        boolean allowWebsocketUpgrade,
        int accessListId,
        String advancedConfig,
        boolean enabled,
        Map<String, Object> meta,
        List<Map<String, Object>> locations) {

    public ProxyHost {
        domainNames = domainNames == null ? List.of() : List.copyOf(domainNames);
        advancedConfig = advancedConfig == null ? "" : advancedConfig;
        meta = meta == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(meta));
        locations = locations == null ? List.of() : List.copyOf(locations);
    }

    /** Whether it answers for this name (NPM compares names without regard to case). */
    public boolean serves(String domain) {
        return domainNames.stream().anyMatch(d -> d.toLowerCase(Locale.ROOT).equals(domain.toLowerCase(Locale.ROOT)));
    }

    /** Everything a PUT may set, as it is now: puts the host back exactly as it was. */
    public ProxyHostRequest asRequest() {
        return new ProxyHostRequest(domainNames, forwardScheme, forwardHost, forwardPort, certificateId, sslForced,
                hstsEnabled, hstsSubdomains, trustForwardedProto, http2Support, blockExploits, cachingEnabled,
                allowWebsocketUpgrade, accessListId, advancedConfig, enabled, meta, locations);
    }
}
