package dev.berth.secrets;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Password hashes in the PHC string format Authelia reads:
 * {@code $argon2id$v=19$m=65536,t=3,p=4$<salt>$<hash>} with unpadded base64. The parameters
 * match Authelia's recommended defaults (and the ones in the generated configuration).
 */
public final class Argon2idHasher {
    public static final int MEMORY_KIB = 65536;
    public static final int ITERATIONS = 3;
    public static final int PARALLELISM = 4;
    public static final int KEY_LENGTH = 32;
    public static final int SALT_LENGTH = 16;

    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();

    private final SecretGenerator generator;
    /** Hashes started ahead of need, by password; each is used once. */
    private final Map<String, CompletableFuture<String>> ahead = new ConcurrentHashMap<>();

    public Argon2idHasher(SecretGenerator generator) {
        this.generator = generator;
    }

    /**
     * Starts hashing a password on its own thread, so the ~0.5 s it takes on a cold JVM overlaps
     * with loading the catalog; {@link #hash} then takes the result.
     */
    public void hashAhead(String password) {
        ahead.computeIfAbsent(password, p -> {
            byte[] salt = generator.bytes(SALT_LENGTH);
            CompletableFuture<String> f = new CompletableFuture<>();
            Thread.ofPlatform().daemon().name("berth-argon2id").start(() -> {
                try {
                    f.complete(hash(p, salt));
                } catch (RuntimeException | Error e) {
                    f.completeExceptionally(e);
                }
            });
            return f;
        });
    }

    public String hash(String password) {
        CompletableFuture<String> started = ahead.remove(password);
        if (started != null) {
            return started.join();
        }
        return hash(password, generator.bytes(SALT_LENGTH));
    }

    static String hash(String password, byte[] salt) {
        byte[] out = derive(password, salt, MEMORY_KIB, ITERATIONS, PARALLELISM, KEY_LENGTH);
        return "$argon2id$v=19$m=" + MEMORY_KIB + ",t=" + ITERATIONS + ",p=" + PARALLELISM + "$"
                + B64.encodeToString(salt) + "$" + B64.encodeToString(out);
    }

    /** Whether a PHC argon2id string was made from this password (for tests and for re-runs). */
    public static boolean verify(String phc, String password) {
        String[] parts = phc.split("\\$");
        if (parts.length != 6 || !parts[1].equals("argon2id") || !parts[2].equals("v=19")) {
            return false;
        }
        int m = 0, t = 0, p = 0;
        for (String kv : parts[3].split(",")) {
            String[] pair = kv.split("=");
            int value = Integer.parseInt(pair[1]);
            switch (pair[0]) {
                case "m" -> m = value;
                case "t" -> t = value;
                case "p" -> p = value;
                default -> { return false; }
            }
        }
        byte[] salt = Base64.getDecoder().decode(parts[4]);
        byte[] expected = Base64.getDecoder().decode(parts[5]);
        byte[] actual = derive(password, salt, m, t, p, expected.length);
        return java.security.MessageDigest.isEqual(expected, actual);
    }

    private static byte[] derive(String password, byte[] salt, int memoryKib, int iterations, int parallelism, int length) {
        Argon2Parameters params = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(memoryKib)
                .withIterations(iterations)
                .withParallelism(parallelism)
                .withSalt(salt)
                .build();
        Argon2BytesGenerator gen = new Argon2BytesGenerator();
        gen.init(params);
        byte[] out = new byte[length];
        gen.generateBytes(password.getBytes(StandardCharsets.UTF_8), out);
        return out;
    }
}
