package dev.berth.answers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.catalog.Catalog;
import dev.berth.testsupport.Examples;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The answers' backup section: each problem on its key, with an example of what to write (issue 16). */
class BackupAnswersTest {
    private final AnswersValidator validator = new AnswersValidator(Catalog.builtIn());
    private final Answers backups = Examples.answers("backups");

    @ParameterizedTest
    @ValueSource(strings = {"/mnt/backup/berth", "sftp:berth@nas.local:/srv/restic/berth", "sftp://berth@nas.local:2222//srv/restic",
            "s3:https://s3.eu-central-1.amazonaws.com/my-bucket/berth", "s3:https://minio.lan:9000/bucket",
            "rest:https://backup.example.com:8000/berth", "rest:http://192.168.1.5:8000/"})
    void theFourFormsAreAccepted(String repository) {
        BackupAnswers.Credentials credentials = repository.startsWith("s3:")
                ? new BackupAnswers.Credentials("AKIAEXAMPLE", "secret", null, null) : null;
        assertEquals(List.of(), validator.validate(backups.withBackup(backup(repository, credentials))));
    }

    @Test
    void aRepositoryIsRequiredWhenBackupsAreOn() {
        Problem p = only(backup(null, null));
        assertEquals("backup.repository", p.field());
        assertEquals(AnswerRule.BACKUP_REPOSITORY_REQUIRED, p.rule());
        assertTrue(p.message().contains("/mnt/backup/berth") && p.message().contains("sftp:user@host:/srv/restic"), p.message());
    }

    @ParameterizedTest
    @MethodSource("badRepositories")
    void aRepositoryOfNoKnownFormIsRefusedWithAnExample(String repository, String example) {
        Problem p = only(backup(repository, null));
        assertEquals("backup.repository", p.field());
        assertEquals(AnswerRule.BACKUP_REPOSITORY_FORM, p.rule());
        assertTrue(p.message().contains(example), p.message());
    }

    static Stream<org.junit.jupiter.params.provider.Arguments> badRepositories() {
        return Stream.of(
                org.junit.jupiter.params.provider.Arguments.of("backup-disk", "s3:https://s3.example.com/bucket/berth"),
                org.junit.jupiter.params.provider.Arguments.of("b2:bucket:path", "rest:https://backup.example.com:8000/berth"),
                org.junit.jupiter.params.provider.Arguments.of("/mnt/backup/", "e.g. /mnt/backup/berth"),
                org.junit.jupiter.params.provider.Arguments.of("/mnt/../etc", "e.g. /mnt/backup/berth"),
                org.junit.jupiter.params.provider.Arguments.of("sftp:nas.local:/srv/restic", "sftp:berth@nas.local:/srv/restic/berth"),
                org.junit.jupiter.params.provider.Arguments.of("sftp://berth@nas.local:2222/srv", "sftp://berth@nas.local:2222//srv/restic/berth"),
                org.junit.jupiter.params.provider.Arguments.of("s3:s3.amazonaws.com/bucket", "s3:https://host/bucket/path"),
                org.junit.jupiter.params.provider.Arguments.of("rest:backup.example.com", "rest:http(s)://host[:port]/[path]"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/opt/berth/backups", "/srv/data/backup", "/srv/config/restic", "/srv", "/opt/berth"})
    void aLocalRepositoryInsideWhatItSavesOrTheMediaIsRefused(String repository) {
        Problem p = only(backup(repository, null));
        assertEquals("backup.repository", p.field());
        assertEquals(AnswerRule.BACKUP_REPOSITORY_INSIDE_STACK, p.rule());
        assertTrue(p.message().contains("choose a folder outside it"), p.message());
    }

    @Test
    void s3NeedsTheAccessKeyId() {
        Problem p = only(backup("s3:https://s3.example.com/bucket", new BackupAnswers.Credentials(null, "secret", null, null)));
        assertEquals("backup.credentials.accessKeyId", p.field());
        assertEquals(AnswerRule.BACKUP_S3_KEY_ID, p.rule());
    }

    @Test
    void credentialsOfAnotherKindAreRefused() {
        Problem p = only(backup("/mnt/backup/berth", new BackupAnswers.Credentials("AKIA", null, null, null)));
        assertEquals("backup.credentials", p.field());
        assertEquals(AnswerRule.BACKUP_CREDENTIALS_KIND, p.rule());
    }

    @Test
    void offBackupsAreNotChecked() {
        assertEquals(List.of(), validator.validate(backups.withBackup(new BackupAnswers(false, "nonsense", null, null, null, null))));
    }

    @Test
    void theBackupScheduleIsNotChosenOnTheAppsList() {
        List<String> services = new java.util.ArrayList<>(backups.services());
        services.add("backup");
        List<Problem> problems = validator.validate(backups.withBackup(BackupAnswers.OFF).withServices(services));
        assertEquals(List.of(AnswerRule.SET_UP_ELSEWHERE), problems.stream().map(Problem::rule).toList(), problems.toString());
    }

    /** berth.yaml keeps the section while backups are on, never its secrets, and leaves it out while off. */
    @Test
    void theAnswersFileRoundTripsWithoutSecrets() {
        BackupAnswers s3 = new BackupAnswers(true, "s3:https://s3.example.com/bucket/berth", "04:15",
                new BackupAnswers.Keep(14, 8, 12), BackupAnswers.Scheduler.SYSTEMD,
                new BackupAnswers.Credentials("AKIAEXAMPLE", "very-secret-key", null, null));
        String written = AnswersFile.write(AnswersSecrets.strip(backups.withBackup(s3)));
        assertFalse(written.contains("very-secret-key"), written);
        Answers read = AnswersFile.parse(written);
        assertEquals(s3.withoutSecrets(), read.backup());
        assertEquals(backups, AnswersFile.parse(AnswersFile.write(backups)));

        String off = AnswersFile.write(backups.withBackup(BackupAnswers.OFF));
        assertFalse(off.contains("backup"), off);
        assertEquals(BackupAnswers.OFF, AnswersFile.parse(off).backup());
    }

    private Problem only(BackupAnswers backup) {
        List<Problem> problems = validator.validate(backups.withBackup(backup));
        assertEquals(1, problems.size(), problems.toString());
        return problems.getFirst();
    }

    private static BackupAnswers backup(String repository, BackupAnswers.Credentials credentials) {
        return new BackupAnswers(true, repository, null, null, BackupAnswers.Scheduler.CONTAINER, credentials);
    }
}
