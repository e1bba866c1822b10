package dev.berth.engine.target;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.testsupport.ExternalTool;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A key's passphrase and the keychain: asked first, then kept, then taken from the keychain
 * without asking; a kept one that no longer opens the key is dropped and the person asked again.
 * Real encrypted keys (ssh-keygen), a keychain in memory.
 */
class KeptPassphraseTest {
    @TempDir
    Path tmp;
    private Path key;
    private final List<String> asked = new ArrayList<>();
    private final List<String> keepQuestions = new ArrayList<>();

    @BeforeEach
    void encryptedKey() {
        key = tmp.resolve("id_ed25519");
        keygen("-t", "ed25519", "-N", "first secret", "-f", key.toString());
    }

    private void keygen(String... args) {
        Path tool = ExternalTool.require("ssh-keygen", "apt-get install openssh-client");
        List<String> cmd = new ArrayList<>(List.of(tool.toString(), "-q"));
        cmd.addAll(List.of(args));
        ExternalTool.Result r = ExternalTool.run(tmp, cmd);
        assertEquals(0, r.exitCode(), r.output());
    }

    /** One login's reading of the key: the person types {@code typed} when asked and answers the keep question. */
    private List<KeyLoader.Identity> load(Keychain keychain, String typed, boolean keep) throws TargetException {
        PassphraseKeeping keeping = new PassphraseKeeping(keychain, (file, name) -> {
            keepQuestions.add("Keep the passphrase of " + file + " in " + name + "?");
            return keep;
        });
        SecretPrompt person = q -> {
            asked.add(q);
            return typed;
        };
        return KeyLoader.load(key, true, new KeyPassphrases(person, keeping, new PromptTimer()));
    }

    @Test
    void askedFirstThenKeptThenNotAskedAgain() throws TargetException {
        MemoryKeychain keychain = new MemoryKeychain(true);
        assertEquals(1, load(keychain, "first secret", true).size());
        assertEquals(List.of("Passphrase for " + key), asked);
        assertEquals(List.of("Keep the passphrase of " + key + " in Test Keyring?"), keepQuestions);
        assertEquals(Map.of(PassphraseKeeping.account(key), "first secret"), keychain.secrets);

        assertEquals(1, load(keychain, null, true).size());
        assertEquals(1, asked.size(), "the second login took the passphrase from the keychain");
        assertEquals(1, keepQuestions.size());
    }

    @Test
    void notNowKeepsNothingAndAsksAgainNextTime() throws TargetException {
        MemoryKeychain keychain = new MemoryKeychain(true);
        load(keychain, "first secret", false);
        load(keychain, "first secret", false);
        assertEquals(2, asked.size());
        assertEquals(2, keepQuestions.size());
        assertTrue(keychain.secrets.isEmpty());
    }

    @Test
    void aStalePassphraseIsDroppedAndThePersonAskedAgain() throws TargetException {
        MemoryKeychain keychain = new MemoryKeychain(true);
        keychain.keep(PassphraseKeeping.account(key), "first secret");
        keygen("-p", "-P", "first secret", "-N", "second secret", "-f", key.toString());

        assertEquals(1, load(keychain, "second secret", false).size());
        assertEquals(List.of("Passphrase for " + key), asked);
        assertTrue(keychain.secrets.isEmpty(), "the passphrase that no longer opens the key is gone");
        assertEquals(1, keepQuestions.size(), "and the person may keep the new one");
    }

    @Test
    void aWrongTypedPassphraseIsNeitherKeptNorOffered() {
        MemoryKeychain keychain = new MemoryKeychain(true);
        TargetException e = assertThrows(TargetException.class, () -> load(keychain, "not it", true));
        assertEquals("Cannot use the key " + key + ": the passphrase is wrong.", e.getMessage());
        assertTrue(keepQuestions.isEmpty());
        assertTrue(keychain.secrets.isEmpty());
    }

    @Test
    void withoutAKeychainNothingIsOffered() throws TargetException {
        MemoryKeychain none = new MemoryKeychain(false);
        none.secrets.put(PassphraseKeeping.account(key), "first secret"); // unavailable: not even read
        load(none, "first secret", true);
        assertEquals(1, asked.size());
        assertTrue(keepQuestions.isEmpty());
    }

    @Test
    void anUnencryptedKeyNeverTouchesTheKeychain() throws TargetException {
        Path plain = tmp.resolve("id_plain");
        keygen("-t", "ed25519", "-N", "", "-f", plain.toString());
        key = plain;
        MemoryKeychain keychain = new MemoryKeychain(true);
        load(keychain, "x", true);
        assertTrue(asked.isEmpty());
        assertTrue(keepQuestions.isEmpty());
    }

    @Test
    void theOpenSshHeaderNamesTheEncryptedKeysPublicHalf() throws Exception {
        byte[] fromPub = java.util.Base64.getDecoder().decode(
                java.nio.file.Files.readString(Path.of(key + ".pub")).split(" ")[1]);
        byte[] fromHeader = PublicKeyBlobs.fromOpenSshHeader(java.nio.file.Files.readString(key)).orElseThrow();
        assertEquals(java.util.HexFormat.of().formatHex(fromPub), java.util.HexFormat.of().formatHex(fromHeader));
    }
}
