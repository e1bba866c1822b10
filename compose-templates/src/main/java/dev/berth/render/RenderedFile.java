package dev.berth.render;

import java.nio.charset.StandardCharsets;

/**
 * One generated file.
 *
 * @param content the bytes to write
 * @param mode    POSIX permission bits, e.g. {@code 0600} for secrets
 * @param secret  holds a secret: never shown in logs or diffs, written owner-only
 */
public record RenderedFile(byte[] content, int mode, boolean secret) {
    public static final int PUBLIC = 0644;
    public static final int PRIVATE = 0600;

    public static RenderedFile text(String text) {
        return new RenderedFile(text.getBytes(StandardCharsets.UTF_8), PUBLIC, false);
    }

    public static RenderedFile secretText(String text) {
        return new RenderedFile(text.getBytes(StandardCharsets.UTF_8), PRIVATE, true);
    }

    public String text() {
        return new String(content, StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RenderedFile f && java.util.Arrays.equals(content, f.content) && mode == f.mode && secret == f.secret;
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(content) * 31 + mode;
    }

    @Override
    public String toString() {
        return "RenderedFile[" + content.length + " bytes, mode " + Integer.toOctalString(mode) + (secret ? ", secret]" : "]");
    }
}
