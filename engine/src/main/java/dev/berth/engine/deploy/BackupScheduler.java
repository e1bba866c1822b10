package dev.berth.engine.deploy;

import dev.berth.answers.Answers;
import dev.berth.answers.BackupAnswers;
import dev.berth.engine.target.ExecResult;
import dev.berth.engine.target.Target;
import dev.berth.engine.target.TargetException;
import java.time.Duration;
import java.util.List;

/**
 * What starts a stack's backups on a target, when the answers leave it to Berth ({@code scheduler:
 * auto}): a systemd timer where systemd runs and Berth signs in as root (so it may add system
 * units), otherwise the scheduled container. Asked of the target before planning, as the plan
 * differs (units or a {@code backup} service); berth.yaml keeps {@code auto} as written.
 */
public final class BackupScheduler {
    /** systemd's own sign that it runs as the init system (what {@code sd_booted()} tests). */
    static final String SYSTEMD_RUNS = "/run/systemd/system";

    private BackupScheduler() {
    }

    /** The scheduler for a target where systemd does or does not run, signed in as root or not. */
    public static BackupAnswers.Scheduler forTarget(boolean systemdRuns, boolean root) {
        return systemdRuns && root ? BackupAnswers.Scheduler.SYSTEMD : BackupAnswers.Scheduler.CONTAINER;
    }

    /**
     * The answers with {@code auto} made systemd or container for this target; answers without
     * backups, or with a scheduler chosen, unchanged (and the target is not asked).
     */
    public static Answers resolve(Target target, Answers answers) throws TargetException {
        BackupAnswers backup = answers.backup();
        if (!needsAsking(answers)) {
            return answers;
        }
        return answers.withBackup(backup.withScheduler(ask(target)));
    }

    /** Whether {@link #resolve} asks the target: backups on and the scheduler left to Berth. */
    public static boolean needsAsking(Answers answers) {
        return answers.backup().enabled() && answers.backup().scheduler() == BackupAnswers.Scheduler.AUTO;
    }

    /** Asks the target, in one round trip: does systemd run there, and is Berth root? */
    public static BackupAnswers.Scheduler ask(Target target) throws TargetException {
        ExecResult r = target.exec(List.of("sh", "-c", "if [ -d " + SYSTEMD_RUNS + " ]; then echo systemd; else echo none; fi; id -u"),
                Duration.ofSeconds(20));
        if (!r.ok()) {
            throw new TargetException(TargetException.Reason.OTHER, "Could not ask " + target.description()
                    + " whether systemd runs there (for the backup schedule): " + r.stderr().strip()
                    + ". Set backup.scheduler to systemd or container in berth.yaml to choose yourself.");
        }
        List<String> lines = r.stdout().strip().lines().map(String::strip).toList();
        boolean systemd = !lines.isEmpty() && lines.getFirst().equals("systemd");
        boolean root = lines.size() > 1 && lines.get(1).equals("0");
        return forTarget(systemd, root);
    }
}
