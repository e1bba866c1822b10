package dev.berth.engine.stack;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A file as it is on the target now, kept in memory so a failed deploy can put it back byte for
 * byte, with its mode and owner.
 *
 * @param mode POSIX permission bits, e.g. 0644
 */
public record ExistingFile(byte[] content, int mode, int uid, int gid) {
    public ExistingFile {
        content = content.clone();
    }

    @Override
    public byte[] content() {
        return content.clone();
    }

    public String text() {
        return new String(content, StandardCharsets.UTF_8);
    }

    public boolean sameContent(byte[] other) {
        return Arrays.equals(content, other);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ExistingFile f && Arrays.equals(content, f.content) && mode == f.mode && uid == f.uid && gid == f.gid;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(content) * 31 + mode;
    }

    @Override
    public String toString() {
        // Never the content: it may be a secret.
        return "ExistingFile[" + content.length + " bytes, mode " + Integer.toOctalString(mode) + ", " + uid + ":" + gid + "]";
    }
}
