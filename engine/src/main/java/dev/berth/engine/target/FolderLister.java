package dev.berth.engine.target;

import java.util.List;

/**
 * Lists folders on the side that can do it itself: this computer, through java.nio, which works
 * on every desktop (Windows has no {@code ls} or {@code find} for {@code berth render} to run).
 * A server's folders are listed by programs run there instead ({@code dev.berth.engine.stack.StackPaths}).
 */
public interface FolderLister {
    /** The names of every entry directly in the folder, hidden ones included, sorted. */
    List<String> names(String dir) throws TargetException;

    /** The names of the regular files directly in the folder, sorted. */
    List<String> fileNames(String dir) throws TargetException;

    /** Whether anything that is not a folder lies anywhere below the folder (an unreadable folder counts as one). */
    boolean holdsAnyFile(String dir) throws TargetException;
}
