package dev.berth.wizardsteps.deploy;

import dev.berth.engine.deploy.PullProgress;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** One image of the stack on the Deploy page: a bar for its download, summed over its layers. */
public final class ImageRow {
    private final String image;
    private final ReadOnlyDoubleWrapper fraction = new ReadOnlyDoubleWrapper(this, "fraction", 0);
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper(this, "text", "Waiting");
    /** Bytes done and total, per layer. */
    private final Map<String, long[]> layers = new LinkedHashMap<>();

    ImageRow(String image) {
        this.image = image;
    }

    /** e.g. lscr.io/linuxserver/jellyfin:10.11.6 */
    public String image() {
        return image;
    }

    /** From 0 to 1; -1 while the engine has not said how big it is. */
    public ReadOnlyDoubleProperty fractionProperty() {
        return fraction.getReadOnlyProperty();
    }

    /** "Already on the target", "12.3 of 48.0 MB", "Extracting", "Done". */
    public ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    void update(PullProgress p) {
        if (PullProgress.DONE.equals(p.status())) {
            complete();
            return;
        }
        if (PullProgress.PRESENT.equals(p.status())) {
            fraction.set(1);
            text.set(PullProgress.PRESENT);
            return;
        }
        if (p.layerId() != null && p.total() > 0) {
            layers.put(p.layerId(), new long[] {Math.min(p.current(), p.total()), p.total()});
        } else if (p.layerId() != null && "Pull complete".equals(p.status()) && layers.containsKey(p.layerId())) {
            long[] l = layers.get(p.layerId());
            l[0] = l[1];
        }
        long done = layers.values().stream().mapToLong(l -> l[0]).sum();
        long total = layers.values().stream().mapToLong(l -> l[1]).sum();
        if (total > 0) {
            fraction.set((double) done / total);
            text.set(String.format(Locale.ROOT, "%.1f of %.1f MB", done / 1e6, total / 1e6));
        } else {
            fraction.set(-1);
            text.set(p.status() == null || p.status().isBlank() ? "Starting" : p.status());
        }
    }

    /** The pull step ended: every image is there. */
    private void complete() {
        if (fraction.get() < 1) {
            fraction.set(1);
            text.set("Downloaded");
        }
    }
}
