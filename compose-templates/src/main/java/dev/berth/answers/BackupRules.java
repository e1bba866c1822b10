package dev.berth.answers;

import dev.berth.answers.BackupAnswers.RepositoryKind;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The backup section's rules that look across fields (the repository against the kind of
 * credentials, a local repository against the storage folders). Each problem names its key and,
 * for the repository, shows an example of the form it should have.
 */
final class BackupRules {
    static final String EXAMPLES = "an absolute folder (/mnt/backup/berth), sftp:user@host:/srv/restic,"
            + " sftp://user@host:2222//srv/restic, s3:https://s3.example.com/bucket/berth or rest:https://backup.example.com:8000/berth";

    /** restic's own forms (its manual, "Preparing a new repository"), with the user and path restic needs. */
    private static final Pattern SFTP_SHORT = Pattern.compile("sftp:[^@/:\\s]+@[^@/:\\s]+:/\\S*");
    private static final Pattern SFTP_URL = Pattern.compile("sftp://[^@/:\\s]+@[^@/:\\s]+(:\\d{1,5})?//\\S*");
    private static final Pattern S3 = Pattern.compile("s3:https?://[^/\\s]+/[^/\\s]+(/\\S*)?");
    private static final Pattern REST = Pattern.compile("rest:https?://[^/\\s]+(:\\d{1,5})?/\\S*");

    private final Answers answers;
    private final Consumer<Problem> problems;

    BackupRules(Answers answers, Consumer<Problem> problems) {
        this.answers = answers;
        this.problems = problems;
    }

    void check() {
        BackupAnswers backup = answers.backup();
        if (!backup.enabled()) {
            return;
        }
        String repository = backup.repository();
        if (repository == null || repository.isBlank()) {
            fail("backup.repository", "is required when backups are on: give where the snapshots go, " + EXAMPLES,
                    AnswerRule.BACKUP_REPOSITORY_REQUIRED);
            return;
        }
        RepositoryKind kind = backup.repositoryKind().orElse(null);
        if (kind == null || !wellFormed(kind, repository.strip()) || repository.contains("..")) {
            fail("backup.repository", "'" + repository + "' is not a repository Berth sets up; use " + howToWrite(kind),
                    AnswerRule.BACKUP_REPOSITORY_FORM);
            return;
        }
        if (kind == RepositoryKind.LOCAL) {
            checkOutsideTheStack(repository.strip());
        }
        checkCredentials(kind, backup.credentials());
    }

    private static boolean wellFormed(RepositoryKind kind, String repository) {
        return switch (kind) {
            case LOCAL -> TextRules.absolutePath(repository);
            case SFTP -> SFTP_SHORT.matcher(repository).matches() || SFTP_URL.matcher(repository).matches();
            case S3 -> S3.matcher(repository).matches();
            case REST -> REST.matcher(repository).matches();
        };
    }

    private static String howToWrite(RepositoryKind kind) {
        if (kind == null) {
            return EXAMPLES;
        }
        return switch (kind) {
            case LOCAL -> "an absolute folder on the target, e.g. /mnt/backup/berth";
            case SFTP -> "sftp:user@host:/path (e.g. sftp:berth@nas.local:/srv/restic/berth) or, with a port,"
                    + " sftp://user@host:port//path (e.g. sftp://berth@nas.local:2222//srv/restic/berth)";
            case S3 -> "s3:https://host/bucket or s3:https://host/bucket/path (e.g. s3:https://s3.eu-central-1.amazonaws.com/my-bucket/berth)";
            case REST -> "rest:http(s)://host[:port]/[path] (e.g. rest:https://backup.example.com:8000/berth)";
        };
    }

    /** A backup kept in a folder it saves (or on the media) grows into itself and dies with the disk it should outlive. */
    private void checkOutsideTheStack(String repository) {
        StorageAnswers storage = answers.storage();
        if (storage == null) {
            return;
        }
        String[][] folders = {{storage.stackDir(), "the stack folder (storage.stackDir)"},
                {storage.configRoot(), "the apps' config folders (storage.configRoot)"},
                {storage.dataRoot(), "the data root (storage.dataRoot)"}};
        for (String[] folder : folders) {
            if (folder[0] != null && (TextRules.within(repository, folder[0]) || TextRules.within(folder[0], repository))) {
                fail("backup.repository", "'" + repository + "' overlaps " + folder[0] + ", " + folder[1]
                        + ": a backup there would save itself and be lost with the disk it should outlive;"
                        + " choose a folder outside it, best on another disk (e.g. /mnt/backup/berth)",
                        AnswerRule.BACKUP_REPOSITORY_INSIDE_STACK);
                return;
            }
        }
    }

    private void checkCredentials(RepositoryKind kind, BackupAnswers.Credentials credentials) {
        boolean s3Keys = credentials != null && (credentials.accessKeyId() != null || credentials.secretAccessKey() != null);
        boolean restUser = credentials != null && (credentials.username() != null || credentials.password() != null);
        if (kind == RepositoryKind.S3 && (credentials == null || blank(credentials.accessKeyId()))) {
            fail("backup.credentials.accessKeyId", "is required for an S3 repository: the bucket's access key id"
                    + " (with backup.credentials.secretAccessKey)", AnswerRule.BACKUP_S3_KEY_ID);
        }
        if (kind != RepositoryKind.S3 && s3Keys) {
            fail("backup.credentials", "accessKeyId and secretAccessKey are for an s3: repository; remove them for "
                    + kind.name().toLowerCase(Locale.ROOT) + " repositories", AnswerRule.BACKUP_CREDENTIALS_KIND);
        }
        if (kind != RepositoryKind.REST && restUser) {
            fail("backup.credentials", "username and password are for a rest: repository; remove them for "
                    + kind.name().toLowerCase(Locale.ROOT) + " repositories", AnswerRule.BACKUP_CREDENTIALS_KIND);
        }
        if (kind == RepositoryKind.REST && credentials != null && credentials.password() != null && blank(credentials.username())) {
            fail("backup.credentials.username", "is required with a password: the rest-server user it belongs to",
                    AnswerRule.BACKUP_CREDENTIALS_KIND);
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private void fail(String field, String message, AnswerRule rule) {
        problems.accept(new Problem(field, message, rule));
    }
}
