package dev.berth.catalog;

import java.util.List;

/**
 * The HTTP API a service offers to other apps (the *arr apps). Other services read it with the
 * key: an exporter, Homepage's widget, Unpackerr, Recyclarr. Facts about talking to the API (the
 * key's header, download-client fields, root folders) belong here as they are added.
 *
 * @param key         the API key Berth generates and gives the app before its first start
 * @param path        the API's base path under the web port ({@code /api/v3}); null when Berth does not call it
 * @param publicPaths path patterns (regular expressions, as Authelia reads them) a reverse proxy
 *                    lets through without signing in, because the API checks its own key and
 *                    phone apps and other services cannot sign in; empty: none
 */
public record ApiSpec(ApiKey key, String path, List<String> publicPaths) {
    public ApiSpec {
        publicPaths = publicPaths == null ? List.of() : List.copyOf(publicPaths);
    }
}
