package dev.berth.engine.deploy;

import java.util.List;

/**
 * The app folder root ({@code storage.configRoot}) or the data root ({@code storage.dataRoot}) of a
 * stack that exists changes. Deployed as it is, each app would start with an empty folder in the
 * new place while its settings (or the media) stay in the old one, so the deploy does not go on
 * until the person chose to move the folders or to keep them.
 *
 * @param root     which root
 * @param from     the root as the stack has it now
 * @param to       the root the new answers name
 * @param folders  what a move would rename, folder by folder (only those that exist)
 * @param services the Compose services that mount something under the old root: stopped for a move
 */
public record RootMove(Root root, String from, String to, List<FolderMove> folders, List<String> services) {
    public RootMove {
        folders = List.copyOf(folders);
        services = List.copyOf(services);
    }

    public enum Root {
        CONFIG("storage.configRoot", "app folder root", "the apps' settings"),
        DATA("storage.dataRoot", "data root", "the downloads and the media");

        private final String field;
        private final String words;
        private final String holds;

        Root(String field, String words, String holds) {
            this.field = field;
            this.words = words;
            this.holds = holds;
        }

        /** The answers field, e.g. {@code storage.configRoot}. */
        public String field() {
            return field;
        }

        public String words() {
            return words;
        }

        public String holds() {
            return holds;
        }
    }

    /**
     * One folder whose entries move: {@code from/<entry>} becomes {@code to/<entry>}, each a rename.
     * Entries, not the folder itself, so a new place that exists but is empty (or holds only files
     * Berth generates there) takes them, and files Berth generates in the old place stay for the
     * stack folder's own mounts.
     */
    public record FolderMove(String from, String to, List<String> entries) {
        public FolderMove {
            entries = List.copyOf(entries);
        }
    }

    /** One sentence: what changes and what it means for the apps. */
    public String sentence() {
        return "The " + root.words() + " (" + root.field() + ") changes from " + from + " to " + to + ". "
                + (folders.isEmpty() ? "The stack's folders in " + from + " are empty or missing: there is nothing to move."
                : capitalized(root.holds()) + " are in " + from + " ("
                + String.join(", ", folders.stream().map(FolderMove::from).toList()) + "): deployed as it is, the apps would "
                + "start with empty folders in " + to + " and the old ones would stay behind.");
    }

    private static String capitalized(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
