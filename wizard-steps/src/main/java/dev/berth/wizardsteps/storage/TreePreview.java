package dev.berth.wizardsteps.storage;

import dev.berth.answers.Answers;
import dev.berth.answers.InvalidAnswersException;
import dev.berth.catalog.Catalog;
import dev.berth.catalog.ServiceDefinition;
import dev.berth.plan.DataTree;
import dev.berth.plan.DependencyResolver;
import java.util.List;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The TRaSH folder tree the plan will create under the data root, drawn like `tree`: for the
 * apps chosen (and what they need), so only the kinds of media those apps keep, or the whole tree
 * before any app is chosen.
 */
final class TreePreview {

    private final ObservableList<String> lines = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper note = new ReadOnlyStringWrapper(this, "note", "");

    ObservableList<String> lines() {
        return lines;
    }

    ReadOnlyStringProperty noteProperty() {
        return note.getReadOnlyProperty();
    }

    void update(String dataRoot, Answers draft, Catalog catalog) {
        // Before any app is chosen: every folder some app of the catalog would use.
        List<ServiceDefinition> apps = draft.services().isEmpty() ? catalog.all()
                : resolved(draft, catalog).stream().filter(catalog::contains).map(catalog::get).toList();
        List<String> dirs = DataTree.forDefinitions(apps);
        lines.setAll(FolderTree.lines(dataRoot, dirs));
        note.set(draft.services().isEmpty() ? "The whole tree. Berth creates only the folders the apps you choose next use."
                : "The folders your apps use. Downloads and media share one filesystem, so finished downloads are hard-linked "
                + "into the library, not copied.");
    }

    private static List<String> resolved(Answers draft, Catalog catalog) {
        try {
            return new DependencyResolver(catalog).resolve(draft).ids();
        } catch (InvalidAnswersException | IllegalArgumentException e) {
            return draft.services();
        }
    }
}
