package dev.berth.render;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The files of a stack: relative path (with '/') to content, in a stable order. Writing them to a
 * machine is the engine's job (a deploy and {@code berth render} stage them there);
 * {@link FolderExport} writes them plainly into a local folder.
 */
public record RenderedStack(Map<String, RenderedFile> files) {
    public RenderedStack {
        files = Collections.unmodifiableMap(new LinkedHashMap<>(files));
    }

    public RenderedFile file(String path) {
        RenderedFile f = files.get(path);
        if (f == null) {
            throw new IllegalArgumentException("No generated file " + path + "; files: " + files.keySet());
        }
        return f;
    }

    public String text(String path) {
        return file(path).text();
    }
}
