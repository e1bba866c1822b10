package dev.berth.engine.target;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ByteChannel;

/**
 * The ssh-agent protocol's framing (draft-miller-ssh-agent, section 3): every message is a
 * 4-byte big-endian length and that many bytes, the first of them the message type. One request,
 * then one answer, over any byte channel (a Unix socket, a Windows pipe, a test's own channel).
 */
final class AgentWire {
    /** OpenSSH's agent refuses longer messages too; a larger length means the stream is not an agent's. */
    static final int MAX_MESSAGE = 256 * 1024;

    private AgentWire() {
    }

    /** Sends one message and returns the answer (type byte first). */
    static byte[] exchange(ByteChannel channel, byte[] message) throws IOException {
        ByteBuffer out = ByteBuffer.allocate(4 + message.length).putInt(message.length).put(message).flip();
        while (out.hasRemaining()) {
            channel.write(out);
        }
        ByteBuffer length = readFully(channel, ByteBuffer.allocate(4));
        int size = length.getInt();
        if (size <= 0 || size > MAX_MESSAGE) {
            throw new IOException("the agent sent a message of " + size + " bytes; is it really an ssh-agent?");
        }
        return readFully(channel, ByteBuffer.allocate(size)).array();
    }

    private static ByteBuffer readFully(ByteChannel channel, ByteBuffer into) throws IOException {
        while (into.hasRemaining()) {
            if (channel.read(into) < 0) {
                throw new EOFException("the agent closed the connection before answering");
            }
        }
        return into.flip();
    }
}
