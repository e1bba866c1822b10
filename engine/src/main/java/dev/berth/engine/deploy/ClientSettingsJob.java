package dev.berth.engine.deploy;

import dev.berth.engine.ComposeTool;
import com.github.dockerjava.api.model.Container;
import dev.berth.engine.ComposeLabels;
import dev.berth.engine.stack.ExistingFile;
import dev.berth.engine.stack.Owner;
import dev.berth.engine.target.FileStat;
import dev.berth.engine.target.RemoteFiles;
import dev.berth.engine.target.Target;
import dev.berth.engine.target.TargetException;
import dev.berth.render.clients.SettingsFile;
import dev.berth.render.clients.SettingsMerge;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Sets Berth's keys in each download client's own settings file ({@code qBittorrent.conf},
 * {@code settings.json}, …), keeping every other line the person or the client wrote.
 *
 * <p>A client rewrites its settings file from memory when it exits, so a running container of
 * that service would overwrite Berth's change: the job stops it first (and reads the file again
 * once it is stopped, as it stands after the client's own last write), then writes. The
 * {@link ComposeUpJob} that follows starts it again. A file whose keys already hold Berth's values
 * is left alone, and its container keeps running.
 *
 * <p>Placed after the files are written (the new {@code compose.yaml} names the service to stop)
 * and before the images are pulled. Undo stops the client again when it runs and puts back
 * exactly what was there (the previous bytes, mode and owner, or no file);
 * {@link RestorePreviousStackJob}'s undo, which runs after this one's, starts the previous stack
 * again. Folders it made are kept, as everywhere in Berth.
 *
 * <p>The files hold secrets (a password hash, an API key): they are written owner-only, and no
 * description, message or exception of this job carries their content.
 */
public final class ClientSettingsJob implements Job {
    /** A client may take a while to save its state on exit (qBittorrent's resume data). */
    private static final Duration STOP_TIMEOUT = Duration.ofMinutes(2);
    private static final int OWNER_ONLY = 0600;

    /**
     * What a deploy sets in one settings file, as the preview found it.
     *
     * @param file    the file and how to merge it
     * @param keys    the keys whose value Berth adds or changes, by name only
     * @param newFile whether the file does not exist yet
     */
    public record Planned(SettingsFile file, List<String> keys, boolean newFile) {
        public Planned {
            keys = List.copyOf(keys);
        }

        /** "qBittorrent.conf (/opt/…/qBittorrent.conf): Berth sets WebUI\Username, …; your other settings stay". */
        public String sentence() {
            String path = file.path();
            String name = path.substring(path.lastIndexOf('/') + 1);
            return name + " (" + path + "): " + (newFile ? "a new file; Berth sets " : "Berth sets ") + String.join(", ", keys)
                    + (newFile ? "" : "; your other settings stay");
        }

        @Override
        public String toString() {
            return "Planned[" + file.path() + " sets " + keys + "]"; // the file may hold the values it sets
        }
    }

    private final ComposeTool compose;
    private final String project;
    private final String stackDir;
    private final List<Planned> planned;
    private final Optional<Owner> owner;
    private final Redactor redactor;
    private final List<WrittenFile> done = new ArrayList<>();

    /**
     * @param planned what {@link #plan} found: only the files with keys to set
     * @param owner   PUID:PGID for the files and the folders this job creates; only when the target user is root
     * @param secrets the stack's secret values, kept out of every message (a parser's error may quote a line)
     */
    public ClientSettingsJob(ComposeTool compose, String project, String stackDir, List<Planned> planned,
                             Optional<Owner> owner, Collection<String> secrets) {
        this.compose = compose;
        this.project = project;
        this.stackDir = stackDir;
        this.planned = List.copyOf(planned);
        this.owner = owner;
        this.redactor = new Redactor(secrets);
    }

    /**
     * Reads each settings file on the target and works out which keys Berth would set; writes nothing.
     *
     * @return only the files with something to set, in the given order
     * @throws TargetException naming the file and what to do, when one cannot be read or merged (a person broke it)
     */
    public static List<Planned> plan(Target target, List<SettingsFile> files, Collection<String> secrets)
            throws TargetException {
        Redactor redactor = new Redactor(secrets);
        List<Planned> out = new ArrayList<>();
        for (SettingsFile f : files) {
            Optional<ExistingFile> existing = current(target, f);
            SettingsMerge merge = merge(target, f, existing, redactor);
            if (merge.changed()) {
                out.add(new Planned(f, merge.setKeys(), existing.isEmpty()));
            }
        }
        return out;
    }

    public List<Planned> planned() {
        return planned;
    }

    @Override
    public String description() {
        List<String> names = planned.stream().map(p -> p.file().path()).toList();
        List<String> services = planned.stream().map(p -> p.file().service()).distinct().toList();
        return "Set Berth's settings in " + String.join(", ", names) + " (owner-only"
                + owner.map(o -> ", owned by " + o).orElse("") + "); " + String.join(", ", services)
                + " is stopped first if it runs, since a client rewrites its settings file when it stops";
    }

    @Override
    public synchronized void execute(JobContext context) throws TargetException {
        Target target = context.target();
        for (Planned p : planned) {
            SettingsFile f = p.file();
            // Read again: the person may have changed the file since the preview, or the client may have.
            if (!merge(target, f, current(target, f), redactor).changed()) {
                continue;
            }
            stopIfRunning(context, f.service(), "before setting its settings");
            // Stopped, the client has saved its own state: merge into that, not into what it held while running.
            Optional<ExistingFile> before = current(target, f);
            SettingsMerge merge = merge(target, f, before, redactor);
            if (!merge.changed()) {
                continue;
            }
            RemoteFiles fs = target.files();
            WrittenFile.makeFolders(fs, BackupJob.parent(f.path()), owner);
            String staged = fs.stage(f.path(), merge.content().getBytes(StandardCharsets.UTF_8), OWNER_ONLY);
            try {
                if (owner.isPresent()) {
                    fs.chown(staged, owner.get().uid(), owner.get().gid());
                }
                // Recorded before the rename: a rename that fails may still have happened.
                done.add(before.<WrittenFile>map(b -> new WrittenFile.Replaced(f.path(), b))
                        .orElseGet(() -> new WrittenFile.Created(f.path())));
                fs.commit(staged, f.path());
            } catch (TargetException e) {
                deleteQuietly(fs, staged);
                throw e;
            }
        }
    }

    @Override
    public synchronized void undo(JobContext context) throws TargetException {
        RemoteFiles fs = context.target().files();
        try {
            WrittenFile.undoAll(done, d -> {
                // Started again by compose up, the client holds Berth's settings and would write them back when it stops.
                stopIfRunning(context, serviceOf(d.path()), "before putting its settings file back");
                switch (d) {
                    case WrittenFile.Created c -> fs.deleteFile(c.path());
                    case WrittenFile.Replaced r -> {
                        String staged = fs.stage(r.path(), r.previous().content(), r.previous().mode());
                        if (owner.isPresent()) {
                            fs.chown(staged, r.previous().uid(), r.previous().gid());
                        }
                        fs.commit(staged, r.path());
                    }
                }
            });
        } finally {
            done.clear();
        }
    }

    private String serviceOf(String path) {
        return planned.stream().filter(p -> p.file().path().equals(path)).findFirst().orElseThrow().file().service();
    }

    private void stopIfRunning(JobContext context, String service, String why) throws TargetException {
        Target target = context.target();
        boolean running = false;
        for (Container c : StackContainers.of(target, project)) {
            if (c.getLabels() != null && service.equals(c.getLabels().get(ComposeLabels.SERVICE)) && "running".equals(c.getState())) {
                running = true;
            }
        }
        if (running) {
            ComposeRun.run(target, compose.argv(project, stackDir, "stop", service), STOP_TIMEOUT,
                    "Stopping " + service + " " + why, context::cancelled);
        }
    }

    private static Optional<ExistingFile> current(Target target, SettingsFile f) throws TargetException {
        RemoteFiles fs = target.files();
        Optional<FileStat> s = fs.stat(f.path());
        if (s.isPresent() && !s.get().regularFile()) {
            throw unreadable(target, f, "it is not a file", "Move it away");
        }
        return WrittenFile.current(fs, f.path());
    }

    private static SettingsMerge merge(Target target, SettingsFile f, Optional<ExistingFile> existing, Redactor redactor)
            throws TargetException {
        Optional<String> text;
        try {
            text = existing.isEmpty() ? Optional.empty() : Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(existing.get().content())).toString());
        } catch (CharacterCodingException e) {
            throw unreadable(target, f, "it is not UTF-8 text", "Fix it or move it away");
        }
        try {
            return f.merge(text);
        } catch (RuntimeException e) {
            String why = e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
            throw unreadable(target, f, redactor.redact(why), "Fix it (or move it away: Berth then writes a new one)");
        }
    }

    private static TargetException unreadable(Target target, SettingsFile f, String why, String fix) {
        return new TargetException(TargetException.Reason.FILE, "Berth cannot read " + f.service() + "'s settings file "
                + f.path() + " on " + target.description() + ": " + why + ". " + fix
                + ", then deploy again. Nothing was written.");
    }

    private static void deleteQuietly(RemoteFiles fs, String path) {
        try {
            fs.deleteFile(path);
        } catch (TargetException ignored) {
            // The write's own error is the one to report; a hidden *.berth-tmp file is never read.
        }
    }
}
