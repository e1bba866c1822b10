package dev.berth.engine.deploy;

import dev.berth.answers.BackupAnswers;
import dev.berth.engine.deploy.KnownHosts;
import dev.berth.engine.deploy.BackupSetup;
import dev.berth.engine.target.ExecResult;
import dev.berth.engine.target.Target;
import dev.berth.engine.target.TargetException;
import dev.berth.plan.BackupPlan;
import dev.berth.plan.StackPlan;
import dev.berth.render.BackupFiles;
import dev.berth.secrets.SshKeys;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Opens the backup repository with the stack's password, or creates it when nothing is there
 * ({@code berth-backup init}, the one place a repository is made), and records what the deploy set
 * up for backups ({@link #SETUP}).
 *
 * <p>The deploy's last job, after the stack is healthy: a rollback after a repository was made on
 * a first install would delete the stack folder and with it the only copy of the password the
 * repository was made with, locking every later deploy out of it. And like the wiring, it never
 * fails the deploy: a repository that cannot be reached (a disk not mounted, an SFTP server that
 * does not accept the key yet) is a reason to fix backups, not to take the apps down. There is
 * nothing to undo: a repository holds no stack and is kept for the next deploy.
 */
public final class BackupRepositoryJob implements Job {
    /** What the deploy set up for backups; recorded whenever the job ran. */
    public static final JobOutcomes.Key<BackupSetup> SETUP = JobOutcomes.Key.of("backup", BackupSetup.class);
    private static final String SAYS = "berth-backup: ";
    /** Long enough for a slow remote repository's first write; the script's ssh gives up after 20 s. */
    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    private final BackupPlan backup;
    private final String stackDir;
    private final Optional<String> newPassword;
    private final Optional<String> sshPublicKey;

    /**
     * @param newPassword  the repository password when this deploy made it (it was not among the previous stack's secrets)
     * @param sshPublicKey the public half of the SFTP key, for an SFTP repository
     */
    public BackupRepositoryJob(BackupPlan backup, String stackDir, Optional<String> newPassword, Optional<String> sshPublicKey) {
        this.backup = backup;
        this.stackDir = stackDir;
        this.newPassword = newPassword;
        this.sshPublicKey = sshPublicKey;
    }

    /** For a plan with backups on, given the previous stack's secrets. */
    public static BackupRepositoryJob of(StackPlan plan, BackupPlan backup, java.util.Map<String, String> previousSecrets) {
        String password = plan.secrets().get(BackupPlan.PASSWORD_SECRET);
        Optional<String> newPassword = password != null && !previousSecrets.containsKey(BackupPlan.PASSWORD_SECRET)
                ? Optional.of(password) : Optional.empty();
        String key = plan.secrets().get(BackupPlan.SSH_KEY_SECRET);
        Optional<String> publicKey = backup.kind() == BackupAnswers.RepositoryKind.SFTP && key != null
                ? Optional.of(SshKeys.publicKeyLine(key, "berth-backup")) : Optional.empty();
        return new BackupRepositoryJob(backup, plan.answers().storage().stackDir(), newPassword, publicKey);
    }

    /** When and by what the snapshots are taken, in words. */
    public static String schedule(BackupPlan backup) {
        return "daily at " + backup.time() + (backup.scheduler() == BackupAnswers.Scheduler.SYSTEMD ? " by a systemd timer"
                : " by the backup container");
    }

    @Override
    public String description() {
        return "Open the backup repository " + backup.repository() + " (create it when nothing is there)";
    }

    @Override
    public void execute(JobContext context) {
        Target target = context.target();
        boolean ready;
        String message;
        try {
            String knownHosts = dir() + "/" + BackupFiles.KNOWN_HOSTS;
            boolean hostKnown = backup.kind() == BackupAnswers.RepositoryKind.SFTP && target.files().stat(knownHosts).isPresent();
            if (backup.kind() == BackupAnswers.RepositoryKind.SFTP) {
                // ssh remembers the host key there, but makes no folder for it.
                target.files().mkdirs(knownHosts.substring(0, knownHosts.lastIndexOf('/')));
            }
            ExecResult init = target.exec(List.of("sh", dir() + "/" + BackupPlan.SCRIPT, "init"), TIMEOUT, context::cancelled);
            String said = said(init.stdout(), "failed ");
            ready = init.ok();
            message = ready ? "" : notOpened(said.isEmpty() ? lastLine(init) : said);
            if (backup.kind() == BackupAnswers.RepositoryKind.SFTP && !hostKnown && target.files().stat(knownHosts).isPresent()) {
                String fingerprint = KnownHosts.lastKeyFingerprint(new String(target.files().read(knownHosts), StandardCharsets.UTF_8)).orElse("");
                if (!fingerprint.isEmpty()) {
                    message = (message.isEmpty() ? "" : message + " ") + "The SFTP server's host key was remembered on this first "
                            + "connection: " + fingerprint + ". Compare it with the server's own (ssh-keygen -lf on its host key); "
                            + "if they differ, delete " + knownHosts + " and deploy again.";
                }
            }
        } catch (TargetException | RuntimeException e) {
            ready = false;
            message = notOpened(String.valueOf(e.getMessage()));
        }
        context.record(SETUP, new BackupSetup(backup.repository(), schedule(backup), ready, message, newPassword, sshPublicKey));
    }

    /** Nothing: see the class comment. */
    @Override
    public void undo(JobContext context) {
    }

    /** Why the repository did not open, what to check for its kind, and that the stack runs regardless. */
    private String notOpened(String why) {
        String w = why.strip();
        String fix = switch (backup.kind()) {
            case LOCAL -> "";
            case SFTP -> sshPublicKey.map(k -> " The SFTP server must accept Berth's backup key: add this line to the user's "
                    + "~/.ssh/authorized_keys there: " + k + ".").orElse("");
            case S3 -> " Check the bucket's address and its keys (backup.credentials).";
            case REST -> " Check the rest-server's address, user and password (backup.credentials).";
        };
        return "The backup repository " + backup.repository() + " could not be opened: " + w + (w.endsWith(".") ? "" : ".") + fix
                + " The stack runs; backups fail until the repository opens: once this is fixed, run 'sh " + dir() + "/"
                + BackupPlan.SCRIPT + " init' on the server (a deploy that changes something runs it too).";
    }

    private String dir() {
        return stackDir.length() > 1 && stackDir.endsWith("/") ? stackDir.substring(0, stackDir.length() - 1) : stackDir;
    }

    /** What the script said after {@code berth-backup: <what>}, on its last such line; empty when it did not. */
    private static String said(String stdout, String what) {
        return stdout.lines().filter(l -> l.startsWith(SAYS + what)).map(l -> l.substring((SAYS + what).length()).strip())
                .reduce((a, b) -> b).orElse("");
    }

    private static String lastLine(ExecResult r) {
        String all = (r.stdout() + "\n" + r.stderr()).strip();
        return all.isEmpty() ? "exit code " + r.exitCode() : all.substring(all.lastIndexOf('\n') + 1).strip();
    }
}
