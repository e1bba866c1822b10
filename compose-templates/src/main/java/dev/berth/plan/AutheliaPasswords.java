package dev.berth.plan;

import dev.berth.answers.Answers;
import dev.berth.answers.AutheliaUser;
import dev.berth.secrets.Argon2idHasher;
import java.util.Map;

/** When an Authelia user's password needs a new argon2id hash, and starting those hashes early. */
public final class AutheliaPasswords {
    private AutheliaPasswords() {
    }

    /**
     * An unchanged password keeps its previous hash: hashing costs ~0.4 s, and a new salt would
     * change users_database.yml on every re-run.
     */
    static boolean keepsHash(String password, String previousPassword, String previousHash) {
        return previousHash != null && password.equals(previousPassword);
    }

    /** Starts hashing every typed password the plan will need a new hash for. */
    public static void hashAhead(Answers answers, Map<String, String> previousSecrets, Argon2idHasher hasher) {
        if (!answers.access().authelia().enabled()) {
            return;
        }
        for (AutheliaUser u : answers.access().authelia().users()) {
            String prefix = "authelia_user_" + u.username();
            if (u.password() != null && !keepsHash(u.password(), previousSecrets.get(prefix + "_password"),
                    previousSecrets.get(prefix + "_hash"))) {
                hasher.hashAhead(u.password());
            }
        }
    }
}
