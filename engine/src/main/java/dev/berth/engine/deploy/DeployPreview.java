package dev.berth.engine.deploy;

import dev.berth.engine.ComposeTool;
import dev.berth.engine.stack.ServiceChanges;
import dev.berth.engine.stack.StackDiff;
import dev.berth.engine.stack.StackState;
import dev.berth.plan.StackPlan;
import dev.berth.render.RenderedStack;
import java.util.List;

/**
 * What a deploy would do, worked out without changing anything: the plan, the files, the diff
 * against the folder as it is, and the jobs in the order they will run (the Review screen lists
 * their descriptions). A preview is used for one deploy: its jobs remember what they did so they
 * can undo it.
 *
 * @param before the stack folder as it was read (its answers and secrets were reused)
 * @param compose the Compose the target has, found once
 * @param services what happens to each service's container, in words
 * @param rootMoves a changed configRoot or dataRoot of the stack that exists, with what a move renames
 */
public record DeployPreview(StackState before, StackPlan plan, RenderedStack rendered, StackDiff diff,
                            List<Job> jobs, ComposeTool compose, DeployOptions options, ServiceChanges services,
                            List<RootMove> rootMoves) {
    public DeployPreview {
        jobs = List.copyOf(jobs);
        rootMoves = List.copyOf(rootMoves);
    }

    /** Without the service changes and root moves (a preview made by hand, in tests). */
    public DeployPreview(StackState before, StackPlan plan, RenderedStack rendered, StackDiff diff,
                         List<Job> jobs, ComposeTool compose, DeployOptions options) {
        this(before, plan, rendered, diff, jobs, compose, options, new ServiceChanges(List.of()), List.of());
    }

    /** A root folder with the stack's folders in it changes and the person has not said whether to move them. */
    public boolean folderChoiceNeeded() {
        return options.folders() == DeployOptions.FolderChoice.UNDECIDED && rootMoves.stream().anyMatch(m -> !m.folders().isEmpty());
    }

    /** Why the deploy waits for a choice, and the two choices, in words (the CLI and the wizard add how to choose). */
    public String folderChoiceMessage() {
        StringBuilder out = new StringBuilder();
        for (RootMove m : rootMoves) {
            if (!m.folders().isEmpty()) {
                out.append(m.sentence()).append('\n');
            }
        }
        return out.append("Nothing was changed. Say what to do with the folders: move them (Berth stops the apps, moves the "
                + "folders to the new place, checks they arrived, then starts the apps), or keep them where they are (the apps "
                + "start afresh with empty folders in the new place; the old folders stay untouched).").toString();
    }

    /**
     * One line per download client settings file the deploy changes, naming the keys Berth sets
     * (never their values); none when every key already holds Berth's value.
     */
    public List<String> settingsSentences() {
        return jobs.stream().filter(ClientSettingsJob.class::isInstance).map(ClientSettingsJob.class::cast)
                .flatMap(j -> j.planned().stream()).map(ClientSettingsJob.Planned::sentence).toList();
    }

    /**
     * Whether the deploy has nothing to do: a Berth stack stands in the folder, no file differs
     * (nor is any no longer generated), every service's container runs as it is and needs no
     * restart, no download client settings file needs Berth's keys and no root folder moves. Then
     * the only job reads the stack's health ({@link ReadHealthJob}), and nothing is backed up,
     * written or logged.
     */
    public boolean nothingToChange() {
        return jobs.size() == 1 && jobs.getFirst() instanceof ReadHealthJob;
    }

    /**
     * The rule {@link StackDeployer#preview} decides by. With no service known (a preview made by
     * hand) it never holds: nothing then says the containers run.
     */
    static boolean nothingToChange(StackState before, StackDiff diff, ServiceChanges services,
                                   List<ClientSettingsJob.Planned> settings, List<RootMove> rootMoves) {
        return before.isBerthStack() && diff.changed().isEmpty() && !services.changes().isEmpty()
                && services.nothingChanges() && settings.isEmpty()
                && rootMoves.stream().allMatch(m -> m.folders().isEmpty());
    }

    /** No stack was there before: a failure removes what was created instead of restoring a previous stack. */
    public boolean firstInstall() {
        return !before.isBerthStack();
    }

    public String stackDir() {
        return before.dir();
    }
}
