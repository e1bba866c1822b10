package dev.berth.engine.target;

import java.nio.file.Path;
import java.util.Optional;
import org.apache.sshd.common.NamedResource;
import org.apache.sshd.common.config.keys.FilePasswordProvider;
import org.apache.sshd.common.session.SessionContext;

/**
 * Where an encrypted key's passphrase comes from during one login: the keychain when it keeps
 * one, else the person; and, after a typed passphrase opened the key, the question whether to
 * keep it. A kept passphrase that no longer opens the key is dropped and the person asked.
 */
final class KeyPassphrases {
    private final SecretPrompt prompt;
    private final PassphraseKeeping keeping;
    private final PromptTimer timer;

    KeyPassphrases(SecretPrompt prompt, PassphraseKeeping keeping, PromptTimer timer) {
        this.prompt = prompt;
        this.keeping = keeping;
        this.timer = timer;
    }

    /** One reading of one key file. */
    Attempt attempt(Path file) {
        return new Attempt(file);
    }

    final class Attempt implements FilePasswordProvider {
        private final Path file;
        private final String account;
        private boolean keychainTried;
        private boolean fromKeychain;
        private boolean asked;
        private String typed;

        private Attempt(Path file) {
            this.file = file;
            this.account = PassphraseKeeping.account(file);
        }

        @Override
        public String getPassword(SessionContext session, NamedResource resource, int retry) {
            if (!keychainTried) {
                keychainTried = true;
                Optional<String> kept = keeping.keychain().available() ? keeping.keychain().find(account) : Optional.empty();
                if (kept.isPresent()) {
                    fromKeychain = true;
                    return kept.get();
                }
            }
            fromKeychain = false;
            asked = true;
            typed = timer.time(() -> prompt.ask("Passphrase for " + file));
            return typed;
        }

        @Override
        public ResourceDecodeResult handleDecodeAttemptResult(SessionContext session, NamedResource resource, int retry,
                String password, Exception err) {
            if (err != null && fromKeychain) {
                keeping.keychain().forget(account); // changed since it was kept: ask the person instead
                fromKeychain = false;
                return ResourceDecodeResult.RETRY;
            }
            return ResourceDecodeResult.TERMINATE; // one typed attempt: a wrong passphrase is reported, not re-asked
        }

        /** True when the person was asked (not only the keychain). */
        boolean asked() {
            return asked;
        }

        /** True when the person was asked and gave nothing. */
        boolean declined() {
            return asked && typed == null;
        }

        /** The key opened: a passphrase the person typed may now be kept, if they say so. */
        void opened() {
            if (typed != null && keeping.keychain().available()
                    && timer.time(() -> keeping.question().keep(file, keeping.keychain().name()))) {
                keeping.keychain().keep(account, typed);
            }
        }
    }
}
