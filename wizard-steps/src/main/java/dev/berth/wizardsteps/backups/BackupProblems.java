package dev.berth.wizardsteps.backups;

import dev.berth.answers.Problem;
import dev.berth.plan.PlanRule;
import dev.berth.wizardsteps.core.PageRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * What the Backups page says is wrong, and beside which field. The answers validator checks the
 * section as the answers hold it (the repository in restic's notation, the time, what is kept);
 * the page asks for the repository in parts, so it says which part is missing, and it asks for
 * the bucket's secret key or the rest-server's password up front, as the plan will, unless the
 * stack being changed keeps one already (they are secrets, left out of berth.yaml, so the
 * validator cannot require them).
 */
final class BackupProblems {
    /**
     * The secrets the plan keeps the typed secret fields in, by field: its own names for them
     * ({@code BackupPlan.S3_SECRET_KEY_SECRET} and {@code REST_PASSWORD_SECRET}), as the plan is what
     * refuses a missing one.
     */
    static final Map<String, String> KEPT_IN = Map.of("secretAccessKey", dev.berth.plan.BackupPlan.S3_SECRET_KEY_SECRET,
            "password", dev.berth.plan.BackupPlan.REST_PASSWORD_SECRET);

    private final BackupForm form;
    private final ReadOnlyObjectProperty<Map<String, String>> previousSecrets;
    private final Map<String, ReadOnlyStringWrapper> prompts = Map.of("secretAccessKey", new ReadOnlyStringWrapper(),
            "password", new ReadOnlyStringWrapper());

    BackupProblems(BackupForm form, ReadOnlyObjectProperty<Map<String, String>> previousSecrets) {
        this.form = form;
        this.previousSecrets = previousSecrets;
        previousSecrets.addListener(o -> updatePrompts());
        updatePrompts();
    }

    /** What a secret field says while empty: that leaving it empty keeps the stack's, when it has one. */
    ReadOnlyStringProperty promptProperty(String field) {
        return prompts.get(field).getReadOnlyProperty();
    }

    /** Every problem the page shows: its own on the repository's parts and secrets, then the validator's, on the page's fields. */
    List<Problem> onPage(List<Problem> draft) {
        List<Problem> found = new ArrayList<>(beyondValidator());
        boolean partMissing = found.stream().anyMatch(p -> p.rule() == PageRule.BACKUP_REPOSITORY_PART
                || p.rule() == PageRule.NOT_A_NUMBER);
        for (Problem p : draft) {
            // The validator sees only the notation the parts make: a missing part is said better beside it.
            if (!(partMissing && p.field().equals("backup.repository"))) {
                found.add(onField(p));
            }
        }
        return found;
    }

    /** The problems the validator cannot see, with paths like the page's fields. */
    List<Problem> beyondValidator() {
        List<Problem> found = new ArrayList<>();
        if (!form.enabled.get()) {
            return found;
        }
        switch (form.kind.get()) {
            case LOCAL -> required(found, "folder", "is required: the folder or disk on the server the backups go to,"
                    + " e.g. /mnt/backup/berth (not inside the stack folder or your media)");
            case SFTP -> {
                required(found, "sftpUser", "is required: the user Berth's backup signs in as on the other computer");
                required(found, "sftpHost", "is required: the other computer's name or address, e.g. nas.local");
                required(found, "sftpPath", "is required: the folder on the other computer, e.g. /srv/backup/berth");
                String port = form.sftpPort.get().strip();
                if (!port.isEmpty() && !validPort(port)) {
                    found.add(new Problem("backup.sftpPort", "must be a port number from 1 to 65535 (empty: 22)", PageRule.NOT_A_NUMBER));
                }
            }
            case S3 -> {
                required(found, "s3Endpoint", "is required: the bucket service's address, e.g. https://s3.amazonaws.com");
                required(found, "s3Bucket", "is required: the bucket, optionally with a folder in it, e.g. media-backups/berth");
                if (missingSecret("secretAccessKey")) {
                    found.add(new Problem("backup.secretAccessKey", "is required: the secret key that goes with the access key id",
                            PlanRule.SECRET_REQUIRED));
                }
            }
            case REST -> {
                required(found, "restUrl", "is required: the rest-server's address, e.g. https://backup.lan:8000/berth");
                if (!form.username.get().isBlank() && missingSecret("password")) {
                    found.add(new Problem("backup.password", "is required with a user: the rest-server password of "
                            + form.username.get().strip(), PlanRule.SECRET_REQUIRED));
                }
            }
        }
        return found;
    }

    /** Moves a validator problem to the field the page shows it beside ({@code backup.keep.daily} → {@code backup.keepDaily}). */
    static Problem onField(Problem p) {
        String field = switch (p.field()) {
            case "backup.keep.daily" -> "backup.keepDaily";
            case "backup.keep.weekly" -> "backup.keepWeekly";
            case "backup.keep.monthly" -> "backup.keepMonthly";
            default -> p.field().replaceFirst("^backup\\.credentials\\.", "backup.");
        };
        return field.equals(p.field()) ? p : new Problem(field, p.message(), p.rule());
    }

    /** For "Still needed: …". */
    static String describe(String field) {
        return switch (field) {
            case "folder" -> "the backup folder";
            case "sftpUser" -> "the SFTP user";
            case "sftpHost" -> "the SFTP server";
            case "sftpPath" -> "the folder on the SFTP server";
            case "s3Endpoint" -> "the bucket service's address";
            case "s3Bucket" -> "the bucket";
            case "accessKeyId" -> "the access key id";
            case "secretAccessKey" -> "the secret key";
            case "restUrl" -> "the rest-server's address";
            case "username" -> "the rest-server user";
            case "password" -> "the rest-server password";
            default -> field;
        };
    }

    private void required(List<Problem> found, String field, String message) {
        if (form.text(field).isBlank()) {
            found.add(new Problem("backup." + field, message, PageRule.BACKUP_REPOSITORY_PART));
        }
    }

    /** Empty, and not kept from the stack being changed. */
    private boolean missingSecret(String field) {
        return form.text(field).isEmpty() && !kept(field);
    }

    private boolean kept(String field) {
        String kept = previousSecrets.get().get(KEPT_IN.get(field));
        return kept != null && !kept.isEmpty();
    }

    private void updatePrompts() {
        prompts.forEach((field, prompt) -> prompt.set(kept(field) ? "leave empty to keep the current one" : ""));
    }

    private static boolean validPort(String port) {
        try {
            int p = Integer.parseInt(port);
            return p >= 1 && p <= 65535;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
