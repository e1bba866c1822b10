package dev.berth.engine.deploy;

import java.util.Optional;

/**
 * What a deploy set up for backups, for the Done page and the CLI report.
 *
 * @param repository   where the snapshots go
 * @param schedule     when and by what they are taken, in words ("daily at 03:30 by a systemd timer")
 * @param ready        whether the repository opened with the stack's password (made now, or found)
 * @param message      what is wrong when it is not ready, with what to do; when ready, empty or a note (the
 *                     host key an SFTP repository's first connection remembered, by its fingerprint)
 * @param newPassword  the repository password, only on the deploy that made it: it is shown once,
 *                     with the sentence that without it the backup cannot be read
 * @param sshPublicKey for an SFTP repository, the public key the SFTP server must accept
 *                     ({@code ssh-ed25519 AAAA… berth-backup}); empty otherwise
 */
public record BackupSetup(String repository, String schedule, boolean ready, String message,
                          Optional<String> newPassword, Optional<String> sshPublicKey) {
    /** The sentence shown with the password, wherever it is shown. */
    public static final String KEEP_PASSWORD = "Keep this password somewhere safe outside this server: "
            + "without it, the backup cannot be read.";

    /** Without the password, which is shown once and nowhere else (not in a message that prints this). */
    @Override
    public String toString() {
        return "BackupSetup[repository=" + repository + ", schedule=" + schedule + ", ready=" + ready + ", message=" + message
                + ", newPassword=" + newPassword.map(p -> "[shown once]").orElse("none") + ", sshPublicKey=" + sshPublicKey.orElse("none") + "]";
    }
}
