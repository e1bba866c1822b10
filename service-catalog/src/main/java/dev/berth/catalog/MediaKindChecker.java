package dev.berth.catalog;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * The kinds of media a media server names ({@code setup.libraries} keys, {@code setup.defaultLibraries},
 * {@code homepage.blocks} keys) must be kinds an *arr app of the catalog files ({@code library.category}): a kind nobody files is a
 * typo, and its folder and library would stay empty and unexplained.
 */
final class MediaKindChecker {
    private final List<ServiceDefinition> services;
    private final Consumer<String> problems;

    MediaKindChecker(List<ServiceDefinition> services, Consumer<String> problems) {
        this.services = services;
        this.problems = problems;
    }

    void check() {
        Set<String> kinds = new TreeSet<>();
        services.stream().filter(s -> s.library() != null).forEach(s -> kinds.add(s.library().category()));
        for (ServiceDefinition s : services) {
            if (s.homepage() != null) {
                for (String kind : s.homepage().blocks().keySet()) {
                    checkKind(s.id() + ".yaml", "homepage.blocks." + kind, kind, kinds);
                }
            }
            SetupSpec setup = s.setup();
            if (setup == null) {
                continue;
            }
            for (String kind : setup.libraries().keySet()) {
                checkKind(s.id() + ".yaml", "setup.libraries." + kind, kind, kinds);
            }
            for (int i = 0; i < setup.defaultLibraries().size(); i++) {
                checkKind(s.id() + ".yaml", "setup.defaultLibraries[" + i + "]", setup.defaultLibraries().get(i), kinds);
            }
        }
    }

    private void checkKind(String file, String field, String kind, Set<String> kinds) {
        if (!kinds.contains(kind)) {
            problems.accept(file + ": field '" + field + "': unknown kind of media '" + kind + "'; use one of " + kinds
                    + " (the library.category of an *arr app in the catalog)");
        }
    }
}
