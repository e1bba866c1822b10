package dev.berth.engine.backup;

import dev.berth.answers.BackupAnswers.RepositoryKind;
import dev.berth.answers.SftpAddress;
import dev.berth.plan.BackupPlan;
import java.util.List;
import java.util.Locale;

/**
 * Turns what restic (0.14 to 0.18) and Docker printed when a backup script run failed into a
 * {@link BackupException} whose message says what to do. The texts are restic's own
 * ({@code cmd/restic/global.go}, {@code main.go}, {@code internal/repository/key.go},
 * {@code internal/restic/lock.go}, {@code internal/backend/sftp}); credentials and connection
 * problems are looked for before a missing repository, since restic words a refused sign-in as
 * "unable to open config file … Is there a repository at the following location?" too.
 */
final class ResticErrors {
    /** The backup script's exit status when another backup of the stack holds its lock. */
    static final int ANOTHER_BACKUP = 75;

    private static final List<String> UNREACHABLE = List.of("unable to start the sftp session", "subprocess ssh",
            "permission denied", "connection refused", "no such host", "i/o timeout", "host key verification failed",
            "network is unreachable", "no route to host", "connection timed out", "access key id", "signature we calculated",
            "signaturedoesnotmatch", "invalidaccesskeyid", "access denied", "401 unauthorized", "403 forbidden",
            "x509:", "tls handshake");
    private static final List<String> NO_REPOSITORY = List.of("bucket does not exist", "is there a repository",
            "repository does not exist", "unable to open config file", "bind source path does not exist");

    private final BackupPlan backup;
    private final String stackDir;
    private final String where;

    ResticErrors(BackupPlan backup, String stackDir, String where) {
        this.backup = backup;
        this.stackDir = stackDir;
        this.where = where;
    }

    /**
     * @param exitCode the script's (or restic's) exit status
     * @param output   everything it printed
     * @param doing    what was being done, for the catch-all message ("The backup", "Listing the snapshots")
     */
    BackupException of(int exitCode, String output, String doing) {
        String text = output.toLowerCase(Locale.ROOT);
        if (exitCode == ANOTHER_BACKUP) {
            return new BackupException(BackupException.Reason.LOCKED, "Another backup of this stack is running on " + where
                    + " (the schedule's, or another berth backup). Wait until it has finished; it takes a snapshot too.");
        }
        if (text.contains("wrong password or no key found")) {
            return new BackupException(BackupException.Reason.WRONG_PASSWORD, "The backup repository " + repository()
                    + " does not open with this stack's password (" + stackDir + "/secrets/" + BackupPlan.PASSWORD_SECRET
                    + "). Put back the password the repository was made with (the one shown when backups were set up), "
                    + "or point the answers' backup.repository at a new, empty place and deploy again to start a new repository.");
        }
        if (text.contains("already locked")) {
            return new BackupException(BackupException.Reason.LOCKED, "Another restic is working on the backup repository "
                    + repository() + " (" + lockHolder(output) + "). Wait until it has finished and try again; a lock left by a "
                    + "restic that was killed goes away by itself within 30 minutes.");
        }
        if (text.contains("unable to find image") || text.contains("pull access denied")) {
            return new BackupException(BackupException.Reason.FAILED, "The restic image " + backup.resticImage() + " is not on "
                    + where + " and could not be pulled (" + lastWords(output) + "). Deploy again, or run docker pull "
                    + backup.resticImage() + " there.");
        }
        if (!text.contains("bucket does not exist") && UNREACHABLE.stream().anyMatch(text::contains)) {
            return new BackupException(BackupException.Reason.UNREACHABLE, unreachable(output));
        }
        if (NO_REPOSITORY.stream().anyMatch(text::contains)) {
            return new BackupException(BackupException.Reason.NO_REPOSITORY, noRepository());
        }
        if (text.contains("no matching id found") || text.contains("no snapshot found")) {
            return new BackupException(BackupException.Reason.NO_SNAPSHOT, "The backup repository " + repository()
                    + " holds no such snapshot (" + lastWords(output) + "). berth backups lists the snapshots there.");
        }
        return new BackupException(BackupException.Reason.FAILED, doing + " failed on " + where + " (exit " + exitCode + "): "
                + lastWords(output));
    }

    private String noRepository() {
        if (backup.kind() == RepositoryKind.LOCAL) {
            return "No backup repository at " + repository() + " on " + where + ". Is the backup disk mounted? "
                    + "Deploy again to create it.";
        }
        return "No backup repository at " + repository() + ". Check the address in the answers' backup.repository; "
                + "deploy again to create it there.";
    }

    private String unreachable(String output) {
        String why = " (" + lastWords(output) + ")";
        return switch (backup.kind()) {
            case SFTP -> {
                SftpAddress sftp = SftpAddress.parse(backup.repository());
                yield "The SFTP server " + sftp.host() + ":" + sftp.port() + " of the backup repository did not let "
                        + where + " in as " + sftp.user() + why + ". Check that it is reachable from there, and that "
                        + sftp.user() + "'s ~/.ssh/authorized_keys on it holds Berth's backup key (the public half of "
                        + stackDir + "/secrets/" + BackupPlan.SSH_KEY_SECRET + ", shown after the deploy).";
            }
            case S3 -> "The S3 bucket " + repository() + " refused the backup or could not be reached from " + where + why
                    + ". Check the endpoint, and the access key and secret key in the answers' backup.credentials.";
            case REST -> "The rest-server " + repository() + " refused the backup or could not be reached from " + where + why
                    + ". Check its address, and the user and password in the answers' backup.credentials.";
            case LOCAL -> "The backup repository " + repository() + " could not be read on " + where + why
                    + ". Check that the backup disk is mounted and readable.";
        };
    }

    private String repository() {
        return backup.repository().strip();
    }

    /** restic's "by PID 4121 on nas by root (UID 0, GID 0)" line, or its last words. */
    private static String lockHolder(String output) {
        return output.lines().filter(l -> l.contains("already locked")).map(String::strip).findFirst().orElse(lastWords(output));
    }

    /** The script's "failed …" words, else restic's last "Fatal" line, else the last line printed. */
    static String lastWords(String output) {
        List<String> lines = output.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        for (String prefix : List.of(ScriptOutput.PREFIX + "failed ", "fatal:")) {
            for (int i = lines.size() - 1; i >= 0; i--) {
                if (lines.get(i).toLowerCase(Locale.ROOT).startsWith(prefix.toLowerCase(Locale.ROOT))) {
                    return lines.get(i).substring(prefix.length()).strip();
                }
            }
        }
        return lines.isEmpty() ? "nothing was printed" : lines.getLast();
    }
}
