package dev.berth.engine.target;

import java.io.IOException;
import java.util.Map;
import org.apache.sshd.client.channel.ClientChannel;
import org.apache.sshd.common.SshConstants;
import org.apache.sshd.common.util.buffer.Buffer;

/**
 * Signals over SSH (RFC 4254 section 6.9). Closing a channel alone leaves a program without a
 * terminal running on the server; OpenSSH (7.9+) delivers a "signal" request to the command's
 * whole process group. MINA has no method for it, so the packet is written here.
 */
final class RemoteSignal {
    private static final Map<String, Integer> NUMBERS = Map.of("HUP", 1, "INT", 2, "QUIT", 3, "ILL", 4, "ABRT", 6,
            "KILL", 9, "SEGV", 11, "PIPE", 13, "ALRM", 14, "TERM", 15);

    private RemoteSignal() {
    }

    /** Best effort: servers that refuse signals still get the channel closed. */
    static void kill(ClientChannel channel) {
        try {
            Buffer buffer = channel.getSession().createBuffer(SshConstants.SSH_MSG_CHANNEL_REQUEST, 32);
            buffer.putUInt(channel.getRecipient());
            buffer.putString("signal");
            buffer.putBoolean(false);
            buffer.putString("KILL");
            channel.writePacket(buffer);
        } catch (IOException | RuntimeException ignored) {
            // The channel is closed next either way.
        } finally {
            channel.close(false);
        }
    }

    /** The number of a signal name as SSH reports it ("TERM"), for the shell's 128+N exit code. */
    static int number(String name) {
        return NUMBERS.getOrDefault(name, 0);
    }
}
