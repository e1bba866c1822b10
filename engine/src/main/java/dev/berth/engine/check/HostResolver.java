package dev.berth.engine.check;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

/** Host name to addresses; injectable so tests need no DNS beyond this machine. */
@FunctionalInterface
public interface HostResolver {
    List<InetAddress> resolve(String host) throws UnknownHostException;

    /**
     * This computer's resolver, plus RFC 6761's rule that every {@code *.localhost} name is the
     * loopback address (as systemd-resolved and browsers do; glibc alone does not).
     */
    static HostResolver system() {
        return host -> {
            String h = host.toLowerCase(Locale.ROOT);
            if (h.endsWith(".localhost")) {
                return List.of(InetAddress.getAllByName("localhost"));
            }
            return List.of(InetAddress.getAllByName(host));
        };
    }
}
