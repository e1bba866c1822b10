package dev.berth.wizardsteps.review;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The stack's files as a tree of folders, for the Review page's file list. Folders come before
 * files; otherwise the order is the order the files are generated in (compose.yaml first).
 *
 * @param name     the folder's or file's own name
 * @param file     the file, or null for a folder
 * @param children a folder's content; empty for a file
 */
public record FileTree(String name, ReviewedFile file, List<FileTree> children) {
    public FileTree {
        children = List.copyOf(children);
    }

    public boolean folder() {
        return file == null;
    }

    /** The tree under a root folder named {@code rootName}. */
    public static FileTree of(String rootName, List<ReviewedFile> files) {
        return build(rootName, "", files);
    }

    private static FileTree build(String name, String prefix, List<ReviewedFile> files) {
        Map<String, List<ReviewedFile>> folders = new LinkedHashMap<>();
        List<FileTree> leaves = new ArrayList<>();
        for (ReviewedFile f : files) {
            String rest = f.path().substring(prefix.length());
            int slash = rest.indexOf('/');
            if (slash < 0) {
                leaves.add(new FileTree(rest, f, List.of()));
            } else {
                folders.computeIfAbsent(rest.substring(0, slash), k -> new ArrayList<>()).add(f);
            }
        }
        List<FileTree> children = new ArrayList<>();
        folders.forEach((folder, inside) -> children.add(build(folder, prefix + folder + "/", inside)));
        children.addAll(leaves);
        return new FileTree(name, null, children);
    }
}
