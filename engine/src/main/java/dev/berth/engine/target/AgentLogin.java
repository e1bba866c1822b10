package dev.berth.engine.target;

import java.io.IOException;
import java.nio.channels.ByteChannel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.sshd.agent.SshAgent;
import org.apache.sshd.agent.SshAgentFactory;
import org.apache.sshd.agent.SshAgentServer;
import org.apache.sshd.common.FactoryManager;
import org.apache.sshd.common.channel.ChannelFactory;
import org.apache.sshd.common.session.ConnectionService;
import org.apache.sshd.common.session.Session;

/**
 * The agent's part of one login, in OpenSSH's order: the agent's keys are offered before any key
 * file (so no passphrase is asked for a key the agent holds), the named keys' agent copies
 * first; with {@code IdentitiesOnly yes} only those. An agent that does not answer (a stale
 * {@code SSH_AUTH_SOCK}) is no error: the login goes on with the key files, and {@link #note}
 * says what happened if it fails.
 */
final class AgentLogin implements SshAgentFactory {
    private final AgentSocket socket;
    private final List<byte[]> namedKeys;
    private final boolean onlyNamed;
    private volatile String note = "";

    /**
     * @param namedKeys the wire form of the keys the person or the SSH config named, tried first
     * @param onlyNamed IdentitiesOnly: offer no other agent key
     */
    AgentLogin(AgentSocket socket, List<byte[]> namedKeys, boolean onlyNamed) {
        this.socket = socket;
        this.namedKeys = List.copyOf(namedKeys);
        this.onlyNamed = onlyNamed;
    }

    @Override
    public SshAgent createClient(Session session, FactoryManager manager) {
        ByteChannel channel = null;
        try {
            channel = socket.open();
            AgentClient agent = AgentClient.list(channel, socket.describe());
            AgentClient ordered = agent.withIdentities(order(agent.identities()));
            note = ordered.identities().isEmpty()
                    ? socket.describe() + " holds " + (agent.identities().isEmpty() ? "no keys" : "none of the named keys") + "."
                    : socket.describe() + " offered " + count(ordered.identities().size()) + "; the server accepted none.";
            return ordered;
        } catch (IOException | RuntimeException e) {
            closeQuietly(channel);
            // Windows' agent pipe is looked for even when nobody set one up: its absence is the usual case, not news.
            boolean noWindowsAgent = socket.windowsPipe() && socket.address().equals(AgentSocket.WINDOWS_PIPE)
                    && e instanceof java.io.FileNotFoundException;
            note = noWindowsAgent ? "" : socket.describe() + " did not answer (" + e.getMessage() + "); is the agent still running?";
            return null; // MINA then goes on with the key files
        }
    }

    private List<AgentClient.Identity> order(List<AgentClient.Identity> all) {
        List<AgentClient.Identity> named = new ArrayList<>();
        List<AgentClient.Identity> others = new ArrayList<>();
        for (AgentClient.Identity id : all) {
            (namedKeys.stream().anyMatch(k -> Arrays.equals(k, id.blob())) ? named : others).add(id);
        }
        if (!onlyNamed) {
            named.addAll(others);
        }
        return named;
    }

    private static String count(int n) {
        return n == 1 ? "1 key" : n + " keys";
    }

    /** What the agent did for this login, for the message when the login fails; empty before it was asked. */
    String note() {
        return note;
    }

    @Override
    public List<ChannelFactory> getChannelForwardingFactories(FactoryManager manager) {
        return List.of(); // Berth never forwards the agent to the server
    }

    @Override
    public SshAgentServer createServer(ConnectionService service) throws IOException {
        throw new IOException("Berth does not forward the ssh-agent");
    }

    private static void closeQuietly(ByteChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // already failing; the note says why
            }
        }
    }
}
