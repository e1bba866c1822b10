package dev.berth.engine.target;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Cuts what a program prints (through {@link Target#execStreaming}) into lines at '\n' bytes, so a
 * UTF-8 character is never split, and hands each one on without its line end. A line drawn over
 * with carriage returns (apt's and restic's progress) is passed on as it settled.
 */
public final class OutputLines extends OutputStream {
    private final Consumer<String> listener;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

    public OutputLines(Consumer<String> listener) {
        this.listener = listener;
    }

    @Override
    public synchronized void write(int b) {
        if (b == '\n') {
            emit();
        } else {
            pending.write(b);
        }
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
        for (int i = off; i < off + len; i++) {
            write(b[i]);
        }
    }

    private void emit() {
        String text = pending.toString(StandardCharsets.UTF_8);
        int cr = text.lastIndexOf('\r', text.length() - 2);
        listener.accept(cr >= 0 ? text.substring(cr + 1).replace("\r", "") : text.replace("\r", ""));
        pending.reset();
    }

    /** Passes on a last line that had no line end; call once the program has ended. */
    public synchronized void end() {
        if (pending.size() > 0) {
            emit();
        }
    }
}
