package dev.berth.wizardsteps.storage;

import java.util.ArrayList;
import java.util.List;

/** Draws relative folders (parents before children) as a tree under a root, the way `tree` does. */
final class FolderTree {
    private FolderTree() {
    }

    static List<String> lines(String root, List<String> dirs) {
        List<String> out = new ArrayList<>();
        out.add(root.isBlank() ? "(data root)" : root);
        draw("", "", dirs, out);
        return out;
    }

    private static void draw(String parent, String indent, List<String> dirs, List<String> out) {
        List<String> children = dirs.stream().filter(d -> isChild(parent, d)).toList();
        for (int i = 0; i < children.size(); i++) {
            String child = children.get(i);
            boolean last = i == children.size() - 1;
            out.add(indent + (last ? "└── " : "├── ") + child.substring(child.lastIndexOf('/') + 1));
            draw(child, indent + (last ? "    " : "│   "), dirs, out);
        }
    }

    private static boolean isChild(String parent, String dir) {
        if (parent.isEmpty()) {
            return !dir.contains("/");
        }
        return dir.startsWith(parent + "/") && dir.indexOf('/', parent.length() + 1) < 0;
    }
}
