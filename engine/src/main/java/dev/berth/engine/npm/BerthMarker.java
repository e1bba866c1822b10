package dev.berth.engine.npm;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How Berth knows the proxy hosts it made: a comment as the first line of their advanced
 * configuration. NPM keeps that text as it is (its schema allows any string), the person sees
 * it in NPM's editor, and deleting it is a plain way to say "this host is mine now": Berth then
 * leaves it alone, like any host the person made.
 */
final class BerthMarker {
    private static final Pattern LINE = Pattern.compile("\\A# Managed by Berth \\(service: ([a-z0-9][a-z0-9-]*)\\)");

    private BerthMarker() {
    }

    /** The marker line for a service's host, ending in a newline. */
    static String line(String service) {
        return "# Managed by Berth (service: " + service + "). Berth rewrites this host on every deploy;"
                + " delete this line to keep your own changes.\n";
    }

    /** The service a host was made for, when Berth made it. */
    static Optional<String> service(ProxyHost host) {
        Matcher m = LINE.matcher(host.advancedConfig());
        return m.lookingAt() ? Optional.of(m.group(1)) : Optional.empty();
    }
}
