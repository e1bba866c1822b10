package dev.berth.engine.target;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.channels.InterruptedByTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Turns what MINA and the network throw into a reason and a sentence a person can act on. */
final class SshErrors {
    private SshErrors() {
    }

    static TargetException connectFailure(Throwable e, ResolvedHost host, SshSettings settings) {
        String where = host.hostName() + ":" + host.port();
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectException && String.valueOf(t.getMessage()).contains("refused")) {
                return new TargetException(TargetException.Reason.REFUSED, "Nothing accepts connections on port " + host.port()
                        + " of " + host.hostName() + ". Is the SSH server running there (sudo systemctl start ssh), and is"
                        + " the port right?", e);
            }
            if (t instanceof NoRouteToHostException || t instanceof UnresolvedAddressException || t instanceof UnknownHostException
                    || t instanceof ConnectException && String.valueOf(t.getMessage()).contains("unreachable")) {
                return new TargetException(TargetException.Reason.UNREACHABLE, "Cannot reach " + host.hostName()
                        + ": no route to it. Is it switched on and on this network, and is the address right?", e);
            }
            String text = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
            if (t instanceof SocketTimeoutException || t instanceof InterruptedByTimeoutException
                    || text.contains("timeout") || text.contains("timed out")) {
                String limit = settings == null ? "" : " within " + settings.connectTimeout().toSeconds() + " s";
                return new TargetException(TargetException.Reason.TIMEOUT, where + " did not answer" + limit
                        + ". Is the address right and the machine on? A firewall may be dropping the connection.", e);
            }
        }
        String why = e == null ? "unknown" : String.valueOf(e.getMessage());
        if (why.contains("negotiate")) {
            return new TargetException(TargetException.Reason.OTHER, "Berth and the SSH server on " + where
                    + " have no key exchange, cipher or key type in common (" + why + "). Update the server's OpenSSH.", e);
        }
        return new TargetException(TargetException.Reason.CONNECTION_LOST, "The connection to " + where
                + " closed during the SSH handshake (" + why + "). Is it an SSH server on that port?", e);
    }

    /** @param agentNote what the ssh-agent did, e.g. that it did not answer; empty without an agent */
    static TargetException loginRefused(ResolvedHost host, List<Path> keys, boolean passwordTried, String agentNote,
            Throwable cause) {
        String user = host.user();
        String dest = user + "@" + host.hostName();
        StringBuilder m = new StringBuilder("The server " + host.hostName() + " did not accept the login as " + user + ": ");
        if (keys.isEmpty() && !passwordTried) {
            if (agentNote.isEmpty()) {
                m.append("Berth had no key and no password to offer. Choose a key file, or give the password.");
            } else {
                m.append(agentNote).append(" Berth had no key file and no password to offer besides. Choose a key file,"
                        + " or give the password.");
            }
        } else {
            if (!keys.isEmpty()) {
                String names = keys.stream().map(Path::toString).collect(Collectors.joining(", "));
                m.append(keys.size() == 1 ? "the key " + names + " was rejected" : "the keys " + names + " were rejected");
                m.append(passwordTried ? ", and " : ". ");
            }
            if (passwordTried) {
                m.append("the user name or password is wrong. ");
            }
            if (!keys.isEmpty()) {
                m.append("To allow the key, add its public key to ~/.ssh/authorized_keys of ").append(user)
                        .append(" on the server, e.g. ssh-copy-id -i ").append(keys.getFirst()).append(".pub")
                        .append(host.port() == ResolvedHost.DEFAULT_PORT ? "" : " -p " + host.port()).append(' ').append(dest)
                        .append(". ");
            }
            m.append("Check that the user name ").append(user).append(" is right.");
            if (!agentNote.isEmpty()) {
                m.append(' ').append(agentNote);
            }
        }
        return new TargetException(TargetException.Reason.AUTH_FAILED, m.toString(), cause);
    }

    static TargetException connectionLost(String where, Throwable cause) {
        return new TargetException(TargetException.Reason.CONNECTION_LOST, "The connection to " + where
                + " was lost" + (cause == null || cause.getMessage() == null ? "" : " (" + cause.getMessage() + ")")
                + ". Check the network and connect again.", cause);
    }
}
