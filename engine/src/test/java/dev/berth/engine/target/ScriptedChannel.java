package dev.berth.engine.target;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.ByteChannel;

/**
 * A byte channel standing in for an agent's socket or pipe: it answers with the bytes it was
 * given, a few at a time (as a socket may), and keeps what was written to it.
 */
final class ScriptedChannel implements ByteChannel {
    private final ByteBuffer answers;
    private final int chunk;
    private final ByteArrayOutputStream written = new ByteArrayOutputStream();
    private boolean open = true;

    ScriptedChannel(byte[] answers, int chunk) {
        this.answers = ByteBuffer.wrap(answers);
        this.chunk = chunk;
    }

    /** One framed message: a 4-byte length, then the bytes. */
    static byte[] frame(byte[] message) {
        return ByteBuffer.allocate(4 + message.length).putInt(message.length).put(message).array();
    }

    byte[] written() {
        return written.toByteArray();
    }

    @Override
    public int read(ByteBuffer dst) {
        if (!answers.hasRemaining()) {
            return -1;
        }
        int n = Math.min(Math.min(chunk, dst.remaining()), answers.remaining());
        for (int i = 0; i < n; i++) {
            dst.put(answers.get());
        }
        return n;
    }

    @Override
    public int write(ByteBuffer src) {
        int n = src.remaining();
        while (src.hasRemaining()) {
            written.write(src.get());
        }
        return n;
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public void close() {
        open = false;
    }
}
