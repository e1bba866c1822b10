package dev.berth.engine.stack;

/**
 * What a deploy does to one file of the stack folder. A secret file's change never carries its
 * content: the Review screen shows "secrets/x: changed" and nothing more.
 */
public sealed interface FileChange {
    String path();

    /** Whether the file holds a secret (its content is never shown). */
    boolean secret();

    /** One line for a list: "compose.yaml: changed". */
    default String summary() {
        String what = switch (this) {
            case Added a -> "new";
            case Changed c -> c.modeBefore() != c.modeAfter() && c.unifiedDiff().isEmpty()
                    ? "mode " + Integer.toOctalString(c.modeBefore()) + " → " + Integer.toOctalString(c.modeAfter())
                    : "changed";
            case NoLongerGenerated n -> "no longer generated (kept as it is)";
            case Unchanged u -> "unchanged";
        };
        return path() + ": " + what;
    }

    /**
     * A file the stack did not have.
     *
     * @param unifiedDiff the whole file as added lines; empty for a secret or binary file
     */
    record Added(String path, boolean secret, String unifiedDiff) implements FileChange {
    }

    /**
     * A file whose content or mode changes.
     *
     * @param unifiedDiff ---/+++ headers and @@ hunks with 3 lines of context; empty for a secret,
     *                    a binary file, or a change of mode only
     */
    record Changed(String path, boolean secret, int modeBefore, int modeAfter, String unifiedDiff) implements FileChange {
    }

    /**
     * A file Berth generated before and does not any more, e.g. the config of a removed app. It is
     * left on disk: a person may have edited it, and a secret kept there comes back unchanged if
     * the app is chosen again.
     */
    record NoLongerGenerated(String path, boolean secret) implements FileChange {
    }

    record Unchanged(String path, boolean secret) implements FileChange {
    }
}
