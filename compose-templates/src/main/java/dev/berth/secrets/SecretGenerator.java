package dev.berth.secrets;

import java.security.SecureRandom;
import java.util.HexFormat;

/** Random secrets in the shapes the apps want. */
public final class SecretGenerator {
    private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private final SecureRandom random;

    public SecretGenerator(SecureRandom random) {
        this.random = random;
    }

    public SecretGenerator() {
        this(new SecureRandom());
    }

    /** Letters and digits only: safe in every file format and URL. */
    public String alphanumeric(int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(ALPHANUMERIC.charAt(random.nextInt(ALPHANUMERIC.length())));
        }
        return sb.toString();
    }

    /** The 32 lower-case hex characters *arr apps use as API keys. */
    public String apiKey() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** A password a person may have to type: 24 letters and digits. */
    public String password() {
        return alphanumeric(24);
    }

    /** An ed25519 private key in OpenSSH's format (see {@link SshKeys}). */
    public String sshKey() {
        return SshKeys.newPrivateKey(random);
    }

    public byte[] bytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }
}
