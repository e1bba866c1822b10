package dev.berth.secrets;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.generators.Ed25519KeyPairGenerator;
import org.bouncycastle.crypto.params.Ed25519KeyGenerationParameters;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.util.OpenSSHPrivateKeyUtil;
import org.bouncycastle.crypto.util.OpenSSHPublicKeyUtil;

/**
 * SSH keys Berth makes for itself (the backup's key for an SFTP repository): ed25519, the private
 * half in OpenSSH's own file format, which {@code ssh -i} reads, the public half as one
 * {@code authorized_keys} line.
 */
public final class SshKeys {
    private static final String BEGIN = "-----BEGIN OPENSSH PRIVATE KEY-----";
    private static final String END = "-----END OPENSSH PRIVATE KEY-----";

    private SshKeys() {
    }

    /** A new ed25519 private key in OpenSSH's format, unencrypted (it lives owner-only in secrets/). */
    public static String newPrivateKey(SecureRandom random) {
        Ed25519KeyPairGenerator generator = new Ed25519KeyPairGenerator();
        generator.init(new Ed25519KeyGenerationParameters(random));
        AsymmetricCipherKeyPair pair = generator.generateKeyPair();
        byte[] blob;
        try {
            blob = OpenSSHPrivateKeyUtil.encodePrivateKey(pair.getPrivate());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e); // in-memory encoding: does not happen
        }
        String base64 = Base64.getMimeEncoder(70, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(blob);
        return BEGIN + "\n" + base64 + "\n" + END + "\n";
    }

    /**
     * The {@code authorized_keys} line of a private key {@link #newPrivateKey} made.
     *
     * @throws IllegalArgumentException when the text is not such a key
     */
    public static String publicKeyLine(String privateKey, String comment) {
        String body = privateKey.strip();
        if (!body.startsWith(BEGIN) || !body.endsWith(END)) {
            throw new IllegalArgumentException("not an OpenSSH private key");
        }
        byte[] blob = Base64.getMimeDecoder().decode(body.substring(BEGIN.length(), body.length() - END.length()));
        if (!(OpenSSHPrivateKeyUtil.parsePrivateKeyBlob(blob) instanceof Ed25519PrivateKeyParameters key)) {
            throw new IllegalArgumentException("not an ed25519 key");
        }
        byte[] pub;
        try {
            pub = OpenSSHPublicKeyUtil.encodePublicKey(key.generatePublicKey());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return "ssh-ed25519 " + Base64.getEncoder().encodeToString(pub) + (comment == null || comment.isBlank() ? "" : " " + comment);
    }
}
