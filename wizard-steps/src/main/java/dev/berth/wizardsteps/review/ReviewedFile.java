package dev.berth.wizardsteps.review;

import dev.berth.engine.stack.FileChange;

/**
 * One file of the stack folder on the Review page: its path, what the deploy does to it, and
 * whether it holds a secret (never shown).
 */
public record ReviewedFile(String path, Change change, boolean secret) {
    public enum Change {
        NEW("new"),
        CHANGED("changed"),
        UNCHANGED("unchanged"),
        /** Generated before, not any more; left on the target as it is. */
        KEPT("no longer generated");

        private final String label;

        Change(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    static ReviewedFile of(FileChange c) {
        Change change = switch (c) {
            case FileChange.Added a -> Change.NEW;
            case FileChange.Changed ch -> Change.CHANGED;
            case FileChange.Unchanged u -> Change.UNCHANGED;
            case FileChange.NoLongerGenerated n -> Change.KEPT;
        };
        return new ReviewedFile(c.path(), change, c.secret());
    }

    /** The file's own name, without its folder. */
    public String name() {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
