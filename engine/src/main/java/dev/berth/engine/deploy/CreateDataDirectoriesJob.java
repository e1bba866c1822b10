package dev.berth.engine.deploy;

import dev.berth.engine.stack.Owner;
import dev.berth.engine.stack.StackPaths;
import dev.berth.engine.target.RemoteFiles;
import dev.berth.engine.target.TargetException;
import dev.berth.plan.Mount;
import dev.berth.plan.PlannedService;
import dev.berth.plan.StackPlan;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Creates the TRaSH data folders under the data root and each app's config folder, so Docker
 * does not create them as root-owned folders the apps cannot write to.
 *
 * <p>Undo removes nothing: Berth never deletes a data or config folder, on any path, because a
 * folder made by this run may already hold the person's media or an app's database by the time
 * a later step fails.
 */
public final class CreateDataDirectoriesJob implements Job {
    private final List<String> folders;
    private final String dataRoot;
    private final String configRoot;
    private final Optional<Owner> owner;

    /** @param owner PUID:PGID for the folders this job creates; only when the target user is root */
    public CreateDataDirectoriesJob(StackPlan plan, Optional<Owner> owner) {
        this.dataRoot = plan.answers().storage().dataRoot();
        this.configRoot = plan.answers().storage().configRoot();
        this.owner = owner;
        Set<String> all = new LinkedHashSet<>();
        // On a host of a multi-host stack other than the storage host nothing mounts the data tree
        // (its share plan has no data folders): an empty data root there would only mislead.
        if (!plan.dataDirectories().isEmpty() || mountsUnder(plan, dataRoot)) {
            all.add(dataRoot);
        }
        plan.dataDirectories().forEach(d -> all.add(StackPaths.join(dataRoot, d)));
        all.add(configRoot);
        String prefix = configRoot.endsWith("/") ? configRoot : configRoot + "/";
        for (PlannedService s : plan.services()) {
            for (Mount m : s.mounts()) {
                // Config mounts are folders under the config root (Docker would make them folders too).
                if (m.type() == Mount.Type.BIND && m.source().startsWith(prefix)) {
                    all.add(m.source());
                }
            }
        }
        this.folders = List.copyOf(all);
    }

    private static boolean mountsUnder(StackPlan plan, String root) {
        String prefix = root.endsWith("/") ? root : root + "/";
        return plan.services().stream().flatMap(s -> s.mounts().stream())
                .anyMatch(m -> m.type() == Mount.Type.BIND && (m.source().equals(root) || m.source().startsWith(prefix)));
    }

    public List<String> folders() {
        return folders;
    }

    @Override
    public String description() {
        boolean data = folders.stream().anyMatch(f -> f.equals(dataRoot));
        return (data ? "Create the data folders under " + dataRoot + " and the app folders under " : "Create the app folders under ") + configRoot
                + owner.map(o -> ", owned by " + o).orElse("")
                + " (kept if the deploy is undone: Berth never deletes data or config folders)";
    }

    @Override
    public void execute(JobContext context) throws TargetException {
        RemoteFiles fs = context.target().files();
        List<String> created = new ArrayList<>();
        for (String folder : folders) {
            createWithParents(fs, folder, created);
        }
        if (owner.isPresent()) {
            // Only the folders made here: the owner of a folder the person already had is theirs to choose.
            for (String folder : created) {
                fs.chown(folder, owner.get().uid(), owner.get().gid());
            }
        }
    }

    private static void createWithParents(RemoteFiles fs, String folder, List<String> created) throws TargetException {
        if (folder.isEmpty() || fs.stat(folder).isPresent()) {
            return;
        }
        createWithParents(fs, BackupJob.parent(folder), created);
        fs.mkdirs(folder);
        created.add(folder);
    }

    @Override
    public void undo(JobContext context) {
        // Deliberately nothing: see the class comment.
    }
}
