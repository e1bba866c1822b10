package dev.berth.engine.target;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Keeps what a program prints and passes each chunk on as it comes. The output and error streams
 * of one program share the receiver, so a chunk is passed on whole, never interleaved with another.
 */
final class StreamTee extends OutputStream {
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private final OutputStream receiver;

    StreamTee(OutputStream receiver) {
        this.receiver = receiver;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        synchronized (this) {
            kept.write(b, off, len);
        }
        synchronized (receiver) {
            receiver.write(b, off, len);
            receiver.flush();
        }
    }

    synchronized String text() {
        return kept.toString(StandardCharsets.UTF_8);
    }
}
