package dev.berth.engine.check;

import dev.berth.catalog.PortSpec.Protocol;
import dev.berth.engine.target.ExecResult;
import dev.berth.engine.target.Target;
import dev.berth.engine.target.TargetException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ports something listens on, from {@code ss} (which names the process where the OS lets
 * us see it) or, without ss, from /proc/net (which names nobody).
 */
final class ListeningSockets {
    private static final Pattern PROCESS = Pattern.compile("\\(\\(\"([^\"]+)\",pid=(\\d+)");

    /** @param process e.g. "nginx (pid 812)", or null when the OS did not say */
    record Listener(Protocol protocol, String address, int port, String process) {
    }

    /** Everything listening, and how we found out (for the details). */
    record Listing(List<Listener> listeners, String source) {
    }

    private ListeningSockets() {
    }

    static Listing read(Target target) throws TargetException {
        ExecResult ss = null;
        try {
            ss = target.exec(List.of("ss", "-H", "-l", "-t", "-u", "-n", "-p"), Duration.ofSeconds(10));
        } catch (TargetException e) {
            if (Thread.currentThread().isInterrupted()) {
                throw e;
            }
            // ss is not installed: /proc/net tells the ports, without the processes.
        }
        if (ss != null && ss.ok()) {
            return new Listing(parseSs(ss.stdout()), "ss");
        }
        List<Listener> all = new ArrayList<>();
        for (String file : List.of("tcp", "tcp6", "udp", "udp6")) {
            Protocol protocol = file.startsWith("tcp") ? Protocol.TCP : Protocol.UDP;
            try {
                all.addAll(parseProcNet(new String(target.files().read("/proc/net/" + file), StandardCharsets.UTF_8), protocol));
            } catch (TargetException e) {
                if (file.equals("tcp")) {
                    throw e; // no IPv6 is normal; no IPv4 table means we know nothing
                }
            }
        }
        return new Listing(all, "/proc/net");
    }

    /** Lines like {@code tcp LISTEN 0 128 127.0.0.1:8080 0.0.0.0:* users:(("java",pid=42,fd=7))}. */
    static List<Listener> parseSs(String out) {
        List<Listener> result = new ArrayList<>();
        for (String line : out.split("\n")) {
            String[] w = line.trim().split("\\s+");
            if (w.length < 6 || !(w[0].equals("tcp") || w[0].equals("udp"))) {
                continue;
            }
            String local = w[4];
            int colon = local.lastIndexOf(':');
            if (colon < 0 || !local.substring(colon + 1).matches("\\d+")) {
                continue;
            }
            Matcher m = PROCESS.matcher(line);
            String process = m.find() ? m.group(1) + " (pid " + m.group(2) + ")" : null;
            result.add(new Listener(w[0].equals("tcp") ? Protocol.TCP : Protocol.UDP, local.substring(0, colon),
                    Integer.parseInt(local.substring(colon + 1)), process));
        }
        return result;
    }

    /**
     * /proc/net/tcp{,6} and udp{,6}: "sl local_address rem_address st ...", the address as
     * hex ip:port. TCP listeners have state 0A; any bound UDP socket holds its port.
     */
    static List<Listener> parseProcNet(String text, Protocol protocol) {
        List<Listener> result = new ArrayList<>();
        for (String line : text.split("\n")) {
            String[] w = line.trim().split("\\s+");
            if (w.length < 4 || !w[0].endsWith(":")) {
                continue; // the header line
            }
            if (protocol == Protocol.TCP && !w[3].equals("0A")) {
                continue;
            }
            int colon = w[1].lastIndexOf(':');
            int port = Integer.parseInt(w[1].substring(colon + 1), 16);
            if (port > 0) {
                result.add(new Listener(protocol, w[1].substring(0, colon), port, null));
            }
        }
        return result;
    }
}
