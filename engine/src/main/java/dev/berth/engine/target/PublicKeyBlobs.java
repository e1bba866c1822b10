package dev.berth.engine.target;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import org.apache.sshd.common.util.buffer.Buffer;
import org.apache.sshd.common.util.buffer.ByteArrayBuffer;

/**
 * The public half of a private key file, in wire form, read without its passphrase: from the
 * {@code .pub} file beside it, or from the unencrypted header of an OpenSSH-format key. This is
 * how ssh matches an IdentityFile with the same key in the agent.
 */
final class PublicKeyBlobs {
    private static final String OPENSSH_BEGIN = "-----BEGIN OPENSSH PRIVATE KEY-----";
    private static final String OPENSSH_END = "-----END OPENSSH PRIVATE KEY-----";
    private static final byte[] OPENSSH_MAGIC = "openssh-key-v1\0".getBytes(StandardCharsets.US_ASCII);

    private PublicKeyBlobs() {
    }

    /** Empty when neither a .pub file nor an OpenSSH header tells (e.g. an encrypted PEM key without .pub). */
    static Optional<byte[]> of(Path privateKey) {
        try {
            Path pub = Path.of(privateKey + ".pub");
            if (Files.isRegularFile(pub)) {
                String[] fields = Files.readString(pub, StandardCharsets.UTF_8).strip().split("\\s+");
                if (fields.length >= 2) {
                    return Optional.of(Base64.getDecoder().decode(fields[1]));
                }
            }
            if (Files.isRegularFile(privateKey)) {
                return fromOpenSshHeader(Files.readString(privateKey, StandardCharsets.UTF_8));
            }
        } catch (IOException | RuntimeException e) {
            // unreadable or not a key: then the file itself is reported when it is loaded
        }
        return Optional.empty();
    }

    /** openssh-key-v1: magic, cipher, kdf, kdf options, key count, then the first public key, all in the clear. */
    static Optional<byte[]> fromOpenSshHeader(String text) {
        int begin = text.indexOf(OPENSSH_BEGIN);
        int end = text.indexOf(OPENSSH_END);
        if (begin < 0 || end < begin) {
            return Optional.empty();
        }
        byte[] data = Base64.getMimeDecoder().decode(text.substring(begin + OPENSSH_BEGIN.length(), end));
        if (data.length < OPENSSH_MAGIC.length || !Arrays.equals(data, 0, OPENSSH_MAGIC.length, OPENSSH_MAGIC, 0, OPENSSH_MAGIC.length)) {
            return Optional.empty();
        }
        Buffer buffer = new ByteArrayBuffer(data, OPENSSH_MAGIC.length, data.length - OPENSSH_MAGIC.length);
        buffer.getString(); // cipher
        buffer.getString(); // kdf
        buffer.getBytes(); // kdf options
        return buffer.getUInt() >= 1 ? Optional.of(buffer.getBytes()) : Optional.empty();
    }
}
