package dev.berth.app.cli;

import java.util.Locale;

/** Which machine to work on, as given on the command line: {@code local} or {@code ssh://user@host:port}. */
public sealed interface TargetSpec {
    /** This computer. */
    record Local() implements TargetSpec {
    }

    /**
     * A server over SSH.
     *
     * @param user          the login, or null to leave it to ~/.ssh/config (or this computer's user name)
     * @param host          a host name, address or ~/.ssh/config alias (IPv6 without brackets)
     * @param port          the port, or 0 to leave it to ~/.ssh/config (else 22)
     * @param acceptHostKey a host key fingerprint the person accepted beforehand ("SHA256:..."), or null
     */
    record Ssh(String user, String host, int port, String acceptHostKey) implements TargetSpec {
        @Override
        public String toString() {
            String h = host.contains(":") ? "[" + host + "]" : host;
            return "ssh://" + (user == null ? "" : user + "@") + h + (port == 0 ? "" : ":" + port);
        }
    }

    /** The machine an answers file's {@code target:} (or a host's) names. */
    static TargetSpec of(dev.berth.answers.TargetAnswers t, String acceptHostKey) {
        if (t.kind() == dev.berth.answers.TargetAnswers.Kind.SSH && t.host() != null) {
            return new Ssh(t.user(), t.host(), t.port() == null ? 0 : t.port(), acceptHostKey);
        }
        return parse("local", acceptHostKey);
    }

    /**
     * Reads {@code local} or {@code ssh://[user@]host[:port]}. Parsed by hand rather than with
     * java.net.URI, which drops host names it finds invalid (an alias like {@code my_nas}).
     *
     * @throws IllegalArgumentException saying what is wrong, for the person
     */
    static TargetSpec parse(String text, String acceptHostKey) {
        String t = text.strip();
        if (t.equalsIgnoreCase("local")) {
            if (acceptHostKey != null) {
                throw new IllegalArgumentException("--accept-host-key is for ssh:// targets only");
            }
            return new Local();
        }
        if (!t.toLowerCase(Locale.ROOT).startsWith("ssh://")) {
            throw new IllegalArgumentException("'" + text + "' is not a target: use local or ssh://user@host:port");
        }
        String rest = t.substring(6);
        if (rest.endsWith("/")) {
            rest = rest.substring(0, rest.length() - 1);
        }
        int at = rest.lastIndexOf('@');
        String user = at < 0 ? null : rest.substring(0, at);
        String hostPort = rest.substring(at + 1);
        String host;
        String port = "";
        if (hostPort.startsWith("[")) {
            int close = hostPort.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("'" + text + "': an IPv6 address needs its closing ]");
            }
            host = hostPort.substring(1, close);
            port = hostPort.substring(close + 1);
            if (!port.isEmpty() && !port.startsWith(":")) {
                throw new IllegalArgumentException("'" + text + "': expected :port after the address");
            }
            port = port.isEmpty() ? "" : port.substring(1);
        } else {
            int colon = hostPort.indexOf(':');
            host = colon < 0 ? hostPort : hostPort.substring(0, colon);
            port = colon < 0 ? "" : hostPort.substring(colon + 1);
        }
        if (host.isEmpty() || host.contains("/") || (user != null && (user.isEmpty() || user.contains(":")))) {
            throw new IllegalArgumentException("'" + text + "' is not a target: use ssh://user@host:port");
        }
        int p = 0;
        if (!port.isEmpty()) {
            try {
                p = Integer.parseInt(port);
            } catch (NumberFormatException e) {
                p = -1;
            }
            if (p < 1 || p > 65535) {
                throw new IllegalArgumentException("'" + port + "' is not a port: use a number from 1 to 65535");
            }
        }
        if (acceptHostKey != null && !acceptHostKey.startsWith("SHA256:")) {
            throw new IllegalArgumentException("--accept-host-key takes a fingerprint as ssh prints it: SHA256:...");
        }
        return new Ssh(user, host, p, acceptHostKey);
    }
}
