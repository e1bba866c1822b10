package dev.berth.wizardsteps.review;

import dev.berth.engine.deploy.DeployPreview;
import dev.berth.engine.stack.ExistingFile;
import dev.berth.engine.stack.FileChange;
import dev.berth.render.RenderedFile;
import java.util.List;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The file picked on the Review page: its content as the deploy writes it and, for a file that
 * changes, the unified diff. A secret's content is never shown, only where it is kept.
 */
public final class FileViewer {
    private static final String COMPOSE = "compose.yaml";
    private final ReadOnlyObjectWrapper<ReviewedFile> selected = new ReadOnlyObjectWrapper<>(this, "selected");
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper(this, "text", "");
    private final ReadOnlyStringWrapper diff = new ReadOnlyStringWrapper(this, "diff", "");
    private DeployPreview preview;

    /** The file shown; null while none is. */
    public ReadOnlyObjectProperty<ReviewedFile> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    /** The whole file, or a line saying why it is not shown. */
    public ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    /** The unified diff of a file that changes; empty for the others. */
    public ReadOnlyStringProperty diffProperty() {
        return diff.getReadOnlyProperty();
    }

    /** Shows a file of the preview by its path (as in the stack folder, e.g. {@code config/x.yml}). */
    public void select(String path) {
        if (preview == null) {
            return;
        }
        FileChange change = preview.diff().changes().stream().filter(c -> c.path().equals(path)).findFirst().orElse(null);
        if (change == null) {
            return;
        }
        ReviewedFile f = ReviewedFile.of(change);
        selected.set(f);
        diff.set(change instanceof FileChange.Changed c && !f.secret() ? c.unifiedDiff() : "");
        text.set(content(f));
    }

    void show(DeployPreview p) {
        preview = p;
        // compose.yaml says the most about a change; otherwise the first file that changes.
        List<String> changed = p.diff().changed().stream().filter(c -> c instanceof FileChange.Changed && !c.secret())
                .map(FileChange::path).toList();
        String first = changed.contains(COMPOSE) || changed.isEmpty() && p.rendered().files().containsKey(COMPOSE) ? COMPOSE
                : changed.isEmpty() ? null : changed.getFirst();
        clearSelection();
        if (first != null) {
            select(first);
        }
    }

    void clear() {
        preview = null;
        clearSelection();
    }

    private void clearSelection() {
        selected.set(null);
        text.set("");
        diff.set("");
    }

    private String content(ReviewedFile f) {
        String where = preview.stackDir() + "/" + f.path();
        if (f.secret()) {
            return "A secret: Berth never shows it here. It is kept in " + where + ", readable by its owner only.";
        }
        if (f.change() == ReviewedFile.Change.KEPT) {
            ExistingFile now = preview.before().files().get(f.path());
            return "Berth no longer generates this file; it stays in " + where + " as it is."
                    + (now == null ? "" : "\n\n" + now.text());
        }
        RenderedFile rendered = preview.rendered().files().get(f.path());
        return rendered == null ? "" : rendered.text();
    }
}
