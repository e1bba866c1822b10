package dev.berth.render.clients;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An INI-like settings file as its lines, edited in place: Qt's INI (qBittorrent), NZBGet's
 * {@code Key=Value} file and ConfigObj's nested sections (SABnzbd, {@code [categories]} then
 * {@code [[tv]]}). A key is changed on its own line and a new one goes after the last key of its
 * section, so every other line, comment and blank line stays where the person or the client put it.
 * A section is named by its path: {@code ""} for the lines before any header, {@code "Preferences"},
 * {@code "categories/tv"} for a nested one.
 */
final class IniLines {
    private static final Pattern HEADER = Pattern.compile("^\\s*(\\[+)\\s*(.*?)\\s*\\]+\\s*$");
    private static final Pattern ENTRY = Pattern.compile("^(\\s*)([^=#;\\[\\s][^=]*?)(\\s*=\\s*)(.*?)\\s*$");

    private final List<String> lines;
    private final String separator;
    private final boolean keysIgnoreCase;

    /**
     * @param separator      what a new line puts between key and value ({@code =}, or {@code " = "} for ConfigObj)
     * @param keysIgnoreCase whether the program reads its keys regardless of case (NZBGet does)
     */
    IniLines(String text, String separator, boolean keysIgnoreCase) {
        this.lines = new ArrayList<>(text.isEmpty() ? List.of() : List.of(text.split("\r?\n", -1)));
        if (!lines.isEmpty() && lines.getLast().isEmpty()) {
            lines.removeLast(); // the final newline; text() puts it back
        }
        this.separator = separator;
        this.keysIgnoreCase = keysIgnoreCase;
    }

    String text() {
        return lines.isEmpty() ? "" : String.join("\n", lines) + "\n";
    }

    Optional<String> get(String section, String key) {
        int at = find(section, key);
        return at < 0 ? Optional.empty() : Optional.of(entry(lines.get(at)).group(4));
    }

    /** The keys set in a section, in file order. */
    List<String> keys(String section) {
        List<String> keys = new ArrayList<>();
        Block block = block(section);
        if (block != null) {
            for (int i = block.firstLine; i < block.ownEnd; i++) {
                Matcher m = entry(lines.get(i));
                if (m != null) {
                    keys.add(m.group(2));
                }
            }
        }
        return keys;
    }

    /**
     * Gives a key its value, adding the key (and its section) when missing.
     *
     * @return whether the file changed
     */
    boolean set(String section, String key, String value) {
        int at = find(section, key);
        if (at >= 0) {
            Matcher m = entry(lines.get(at));
            if (m.group(4).equals(value)) {
                return false;
            }
            lines.set(at, m.group(1) + m.group(2) + m.group(3) + value);
            return true;
        }
        Block block = block(section);
        if (block == null) {
            block = addSection(section);
        }
        int insertAt = block.firstLine;
        for (int i = block.firstLine; i < block.ownEnd; i++) {
            if (entry(lines.get(i)) != null) {
                insertAt = i + 1;
            }
        }
        if (insertAt == block.firstLine && block.path.isEmpty()) {
            insertAt = lastNonBlank(block.firstLine, block.ownEnd);
        }
        lines.add(insertAt, key + separator + value);
        return true;
    }

    private Block addSection(String path) {
        String parent = parentOf(path);
        Block parentBlock = parent.isEmpty() ? block("") : block(parent);
        if (parentBlock == null) {
            parentBlock = addSection(parent);
        }
        int depth = path.split("/").length;
        int insertAt = lastNonBlank(parentBlock.firstLine, parentBlock.wholeEnd);
        List<String> added = new ArrayList<>();
        if (depth == 1 && insertAt > 0) {
            added.add(""); // top-level sections are set apart, as Qt and SABnzbd write them
        }
        added.add("[".repeat(depth) + path.substring(path.lastIndexOf('/') + 1) + "]".repeat(depth));
        lines.addAll(insertAt, added);
        return block(path);
    }

    private int lastNonBlank(int from, int to) {
        int end = to;
        while (end > from && lines.get(end - 1).isBlank()) {
            end--;
        }
        return end;
    }

    private int find(String section, String key) {
        Block block = block(section);
        if (block == null) {
            return -1;
        }
        for (int i = block.firstLine; i < block.ownEnd; i++) {
            Matcher m = entry(lines.get(i));
            if (m != null && (keysIgnoreCase ? m.group(2).equalsIgnoreCase(key) : m.group(2).equals(key))) {
                return i;
            }
        }
        return -1;
    }

    private static Matcher entry(String line) {
        if (HEADER.matcher(line).matches()) {
            return null;
        }
        Matcher m = ENTRY.matcher(line);
        return m.matches() ? m : null;
    }

    private static String parentOf(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    private Block block(String path) {
        for (Block b : blocks()) {
            if (keysIgnoreCase ? b.path.equalsIgnoreCase(path) : b.path.equals(path)) {
                return b;
            }
        }
        return null;
    }

    /**
     * @param firstLine the first line after the header (0 for the top)
     * @param ownEnd    where its own keys end: the next header of any depth
     * @param wholeEnd  where it ends with its sub-sections: the next header at its depth or above
     */
    private record Block(String path, int depth, int firstLine, int ownEnd, int wholeEnd) {
    }

    private List<Block> blocks() {
        List<int[]> headers = new ArrayList<>(); // line, depth
        List<String> paths = new ArrayList<>();
        List<String> stack = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher h = HEADER.matcher(lines.get(i));
            if (h.matches()) {
                int depth = h.group(1).length();
                while (stack.size() >= depth) {
                    stack.removeLast();
                }
                stack.add(h.group(2));
                headers.add(new int[] {i, depth});
                paths.add(String.join("/", stack));
            }
        }
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block("", 0, 0, headers.isEmpty() ? lines.size() : headers.getFirst()[0], lines.size()));
        for (int k = 0; k < headers.size(); k++) {
            int line = headers.get(k)[0];
            int depth = headers.get(k)[1];
            int ownEnd = k + 1 < headers.size() ? headers.get(k + 1)[0] : lines.size();
            int wholeEnd = lines.size();
            for (int j = k + 1; j < headers.size(); j++) {
                if (headers.get(j)[1] <= depth) {
                    wholeEnd = headers.get(j)[0];
                    break;
                }
            }
            blocks.add(new Block(paths.get(k), depth, line + 1, ownEnd, wholeEnd));
        }
        return blocks;
    }
}
