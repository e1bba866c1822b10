package dev.berth.engine.deploy;

import dev.berth.engine.ComposeTool;
import dev.berth.engine.deploy.RootMove.FolderMove;
import dev.berth.engine.target.ExecResult;
import dev.berth.engine.target.FileStat;
import dev.berth.engine.target.RemoteFiles;
import dev.berth.engine.target.Target;
import dev.berth.engine.target.TargetException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Moves the folders of a changed {@code configRoot} or {@code dataRoot} to the new place, so the
 * apps find their settings and media there: stops the apps that use them (with the compose.yaml
 * still on disk, which names them), renames each entry into the new place (one filesystem only:
 * {@link RootMoves#problems} refused anything else), and checks that each arrived and left the old
 * place. The container start is {@link ComposeUpJob}'s, with the new mounts.
 *
 * <p>Placed after {@link RestorePreviousStackJob} and before the folders are created and the
 * files written. Undo renames back exactly what was moved; the previous stack then comes back up
 * through {@link RestorePreviousStackJob}'s undo, which runs after this one's.
 */
public final class MoveFoldersJob implements Job {
    private static final Duration MOVE_TIMEOUT = Duration.ofMinutes(5);

    private record Moved(String from, String to) {
    }

    private final ComposeTool compose;
    private final String project;
    private final String stackDir;
    private final List<RootMove> moves;
    private final boolean giveAway;
    private final Duration stopTimeout;
    private final List<Moved> moved = new ArrayList<>();
    private final List<FileStat> removedFolders = new ArrayList<>();

    /** @param giveAway whether folders made in the new place may get the old folder's owner (the target user is root) */
    public MoveFoldersJob(ComposeTool compose, String project, String stackDir, List<RootMove> moves, boolean giveAway) {
        this.compose = compose;
        this.project = project;
        this.stackDir = stackDir;
        this.moves = List.copyOf(moves);
        this.giveAway = giveAway;
        this.stopTimeout = ComposeUpJob.DEFAULT_TIMEOUT;
    }

    @Override
    public String description() {
        List<String> parts = new ArrayList<>();
        for (RootMove m : moves) {
            parts.add(m.from() + " → " + m.to() + " (" + m.folders().size() + (m.folders().size() == 1 ? " folder" : " folders") + ")");
        }
        Set<String> services = services();
        return (services.isEmpty() ? "" : "Stop " + String.join(", ", services) + ", then ")
                + "move " + String.join(" and ", parts) + ", and check everything arrived";
    }

    private Set<String> services() {
        Set<String> services = new LinkedHashSet<>();
        moves.forEach(m -> services.addAll(m.services()));
        return services;
    }

    @Override
    public synchronized void execute(JobContext context) throws TargetException {
        Target target = context.target();
        Set<String> services = services();
        if (!services.isEmpty()) {
            // An app writing its database while it moves would leave half of it behind.
            List<String> args = new ArrayList<>(List.of("stop"));
            args.addAll(services);
            ComposeRun.run(target, compose.argv(project, stackDir, args.toArray(String[]::new)), stopTimeout,
                    "Stopping " + String.join(", ", services) + " before moving their folders", context::cancelled);
        }
        RemoteFiles fs = target.files();
        for (RootMove m : moves) {
            for (FolderMove f : m.folders()) {
                Optional<FileStat> owner = fs.stat(f.from());
                makeFolder(fs, f.to(), owner);
                for (String entry : f.entries()) {
                    String from = f.from() + "/" + entry;
                    String to = f.to() + "/" + entry;
                    if (fs.stat(to).isPresent()) {
                        throw new TargetException(TargetException.Reason.FILE, to + " appeared on " + target.description()
                                + " while the folders were moving; nothing was overwritten. Empty it and deploy again.");
                    }
                    mv(target, from, to);
                    moved.add(new Moved(from, to));
                }
                // The old folder, now empty, goes: an empty folder left behind reads as "the settings are still here".
                if (owner.isPresent() && target.exec(List.of("rmdir", "--", f.from()), Duration.ofSeconds(30)).ok()) {
                    removedFolders.add(owner.get());
                }
            }
        }
        for (Moved m : moved) {
            if (fs.stat(m.to()).isEmpty() || fs.stat(m.from()).isPresent()) {
                throw new TargetException(TargetException.Reason.FILE, "After moving, " + m.to() + " is not where it should be on "
                        + target.description() + " (or " + m.from() + " is still there). Everything is moved back.");
            }
        }
    }

    @Override
    public synchronized void undo(JobContext context) throws TargetException {
        Target target = context.target();
        RemoteFiles fs = target.files();
        for (FileStat folder : removedFolders.reversed()) {
            fs.mkdirs(folder.path());
            if (giveAway) {
                fs.chown(folder.path(), folder.uid(), folder.gid());
            }
        }
        removedFolders.clear();
        List<String> failures = new ArrayList<>();
        for (Moved m : moved.reversed()) {
            try {
                fs.mkdirs(m.from().substring(0, m.from().lastIndexOf('/')));
                mv(target, m.to(), m.from());
            } catch (TargetException e) {
                failures.add(e.getMessage());
            }
        }
        moved.clear();
        if (!failures.isEmpty()) {
            throw new TargetException(TargetException.Reason.FILE, "Could not move everything back: " + String.join("; ", failures));
        }
    }

    /** Creates the folder and its missing parents, owned like the folder it replaces when Berth may give folders away. */
    private void makeFolder(RemoteFiles fs, String folder, Optional<FileStat> like) throws TargetException {
        if (folder.isEmpty() || fs.stat(folder).isPresent()) {
            return;
        }
        makeFolder(fs, folder.substring(0, folder.lastIndexOf('/')), like);
        fs.mkdirs(folder);
        if (giveAway && like.isPresent()) {
            fs.chown(folder, like.get().uid(), like.get().gid());
        }
    }

    private static void mv(Target target, String from, String to) throws TargetException {
        ExecResult r = target.exec(List.of("mv", "--", from, to), MOVE_TIMEOUT);
        if (!r.ok()) {
            throw new TargetException(TargetException.Reason.FILE, "Cannot move " + from + " to " + to + " on "
                    + target.description() + ": " + r.stderr().strip());
        }
    }
}
