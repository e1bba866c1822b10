package dev.berth.engine.deploy;

import dev.berth.engine.stack.StackState;
import dev.berth.engine.target.Target;
import dev.berth.engine.target.TargetException;
import dev.berth.render.RenderedStack;
import java.time.Clock;
import java.util.Optional;

/**
 * Writes a rendered stack into its folder the way a deploy does, without the rest of a deploy
 * ({@code berth render}): through {@link WriteFilesJob}, every file staged beside its place and
 * then renamed, secrets owner-only; when a rename fails, what was already replaced is put back.
 */
public final class StackFolderWriter {
    private StackFolderWriter() {
    }

    /**
     * @param state the folder as it was loaded ({@link StackState#loadForRendering}): what a failure puts back
     * @throws TargetException when a file cannot be written; the folder's files are then as they were
     */
    public static void write(Target target, StackState state, RenderedStack stack) throws TargetException {
        // The files belong to whoever renders: only a deploy hands them to PUID:PGID.
        WriteFilesJob job = new WriteFilesJob(state, stack, Optional.empty());
        JobContext context = new JobContext(target, Clock.systemUTC());
        try {
            job.execute(context);
        } catch (TargetException | RuntimeException e) {
            try {
                job.undo(context);
            } catch (TargetException | RuntimeException undo) {
                e.addSuppressed(undo);
            }
            throw e;
        }
    }
}
