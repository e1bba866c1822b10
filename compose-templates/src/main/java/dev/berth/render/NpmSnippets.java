package dev.berth.render;

import java.util.List;
import java.util.Map;

/**
 * The nginx snippets Nginx Proxy Manager's hosts include (mounted at {@code /snippets}): proxy
 * headers, websockets, and the Authelia auth-request pair. Public for the engine, which puts
 * {@link #advancedConfig} into the proxy hosts it sets up through NPM's API.
 */
public final class NpmSnippets {
    static final List<String> FILES = List.of("proxy.conf", "websocket.conf", "authelia-location.conf", "authelia-authrequest.conf");

    private NpmSnippets() {
    }

    static void render(boolean authelia, Map<String, RenderedFile> out) {
        for (String file : FILES) {
            if (authelia || !file.startsWith("authelia")) {
                out.put("config/npm/snippets/" + file, RenderedFile.text(Resources.text("npm/" + file)));
            }
        }
    }

    /**
     * The {@code advanced_config} for an app's proxy host: everything in one {@code location /}
     * so the Authelia check cannot be bypassed by a custom location.
     */
    public static String advancedConfig(boolean protectedByAuthelia, boolean websockets) {
        StringBuilder sb = new StringBuilder();
        if (protectedByAuthelia) {
            sb.append("include /snippets/authelia-location.conf;\n");
        }
        sb.append("location / {\n");
        sb.append("    include /snippets/proxy.conf;\n");
        if (protectedByAuthelia) {
            sb.append("    include /snippets/authelia-authrequest.conf;\n");
        }
        if (websockets) {
            sb.append("    include /snippets/websocket.conf;\n");
        }
        sb.append("    proxy_pass $forward_scheme://$server:$port;\n");
        sb.append("}\n");
        return sb.toString();
    }
}
