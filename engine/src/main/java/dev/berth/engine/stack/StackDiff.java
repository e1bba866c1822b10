package dev.berth.engine.stack;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;
import dev.berth.render.RenderedFile;
import dev.berth.render.RenderedStack;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a deploy would change in the stack folder, file by file, in the order the files are
 * generated, then the files no longer generated. Unified diffs come from java-diff-utils (Myers).
 *
 * @param changes one entry per file
 */
public record StackDiff(List<FileChange> changes) {
    static final int CONTEXT = 3;

    public StackDiff {
        changes = List.copyOf(changes);
    }

    public static StackDiff between(StackState current, RenderedStack next) {
        return between(current.files(), next);
    }

    /** @param current relative path to the file as it is now (only those that exist) */
    public static StackDiff between(Map<String, ExistingFile> current, RenderedStack next) {
        List<FileChange> changes = new ArrayList<>();
        for (Map.Entry<String, RenderedFile> e : next.files().entrySet()) {
            String path = e.getKey();
            RenderedFile file = e.getValue();
            ExistingFile now = current.get(path);
            if (now == null) {
                String diff = file.secret() ? "" : unified(path, null, file.content());
                changes.add(new FileChange.Added(path, file.secret(), diff));
            } else if (now.sameContent(file.content()) && now.mode() == file.mode()) {
                changes.add(new FileChange.Unchanged(path, file.secret()));
            } else {
                // A file that was secret before or is secret now never shows its content.
                boolean secret = file.secret() || looksSecret(path, now);
                String diff = secret || now.sameContent(file.content()) ? "" : unified(path, now.content(), file.content());
                changes.add(new FileChange.Changed(path, secret, now.mode(), file.mode(), diff));
            }
        }
        current.forEach((path, now) -> {
            if (!next.files().containsKey(path)) {
                changes.add(new FileChange.NoLongerGenerated(path, looksSecret(path, now)));
            }
        });
        return new StackDiff(changes);
    }

    /** Whether anything at all would change. */
    public boolean isEmpty() {
        return changes.stream().allMatch(c -> c instanceof FileChange.Unchanged || c instanceof FileChange.NoLongerGenerated);
    }

    public List<FileChange> changed() {
        return changes.stream().filter(c -> !(c instanceof FileChange.Unchanged)).toList();
    }

    /** The summaries and diffs of everything that changes, as `berth diff` prints them. */
    public String render() {
        StringBuilder out = new StringBuilder();
        for (FileChange c : changed()) {
            out.append(c.summary()).append('\n');
            String diff = switch (c) {
                case FileChange.Added a -> a.unifiedDiff();
                case FileChange.Changed ch -> ch.unifiedDiff();
                default -> "";
            };
            out.append(diff);
        }
        return out.toString();
    }

    /** Files Berth writes owner-only hold secrets even when the new stack no longer has them. */
    private static boolean looksSecret(String path, ExistingFile now) {
        return path.startsWith(StackState.SECRETS_DIR + "/") || (now.mode() & 077) == 0;
    }

    /** A unified diff with a/ b/ headers; for a binary file one line saying so. */
    static String unified(String path, byte[] before, byte[] after) {
        List<String> a = before == null ? List.of() : lines(before);
        List<String> b = lines(after);
        if (a == null || b == null) {
            return "Binary file " + path + " differs\n";
        }
        Patch<String> patch = DiffUtils.diff(a, b);
        List<String> out = UnifiedDiffUtils.generateUnifiedDiff(before == null ? "/dev/null" : "a/" + path, "b/" + path, a, patch, CONTEXT);
        StringBuilder sb = new StringBuilder();
        out.forEach(l -> sb.append(l).append('\n'));
        return sb.toString();
    }

    /** The lines of UTF-8 text, or null when the bytes are not text. */
    private static List<String> lines(byte[] content) {
        for (byte b : content) {
            if (b == 0) {
                return null;
            }
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
            return text.lines().toList();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
