package dev.berth.engine.check;

import com.github.dockerjava.api.model.Container;
import dev.berth.engine.ComposeLabels;
import dev.berth.engine.target.Target;
import dev.berth.engine.target.TargetException;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The Compose projects on a target and the folders their containers were started from, read
 * from Compose's own labels (1.29 and v2 both set the project and its working folder).
 *
 * <p>Compose knows a stack only by its project name: {@code up --remove-orphans} removes, and
 * {@code up} replaces, every container of that name whatever folder it came from. Two stacks in
 * two folders with one name therefore destroy each other; this is what tells them apart.
 *
 * @param containers project name → folder (normalised; {@link #UNKNOWN_FOLDER} when a container
 *                   does not say) → how many of its containers came from there
 */
public record ComposeProjects(Map<String, Map<String, Integer>> containers) {
    /** The folder of a container whose labels do not name one (started by hand or by another tool). */
    public static final String UNKNOWN_FOLDER = "";

    private static final int MAX_NAME = 63;

    public ComposeProjects {
        Map<String, Map<String, Integer>> copy = new TreeMap<>();
        containers.forEach((project, folders) -> copy.put(project, Collections.unmodifiableMap(new TreeMap<>(folders))));
        containers = Collections.unmodifiableMap(copy);
    }

    /** Every container on the target that carries a Compose project label, running or not. */
    public static ComposeProjects on(Target target) throws TargetException {
        List<Container> all = target.docker().listContainersCmd().withShowAll(true)
                .withLabelFilter(List.of(ComposeLabels.PROJECT)).exec();
        Map<String, Map<String, Integer>> found = new TreeMap<>();
        for (Container c : all) {
            Map<String, String> labels = c.getLabels() == null ? Map.of() : c.getLabels();
            String project = labels.get(ComposeLabels.PROJECT);
            if (project == null) {
                continue;
            }
            String dir = labels.get(ComposeLabels.WORKING_DIR);
            String folder = dir == null || dir.isBlank() ? UNKNOWN_FOLDER : TargetPaths.normalize(dir);
            found.computeIfAbsent(project, p -> new TreeMap<>()).merge(folder, 1, Integer::sum);
        }
        return new ComposeProjects(found);
    }

    /** The project's containers by folder, leaving out those started from {@code stackDir}. */
    public Map<String, Integer> elsewhere(String project, String stackDir) {
        String own = TargetPaths.normalize(stackDir);
        Map<String, Integer> out = new TreeMap<>(containers.getOrDefault(project, Map.of()));
        out.remove(own);
        return out;
    }

    /** How many of the project's containers were started from {@code stackDir}. */
    public int ownContainers(String project, String stackDir) {
        return containers.getOrDefault(project, Map.of()).getOrDefault(TargetPaths.normalize(stackDir), 0);
    }

    /** The project names a stack in another folder than {@code stackDir} uses. */
    public Set<String> takenElsewhere(String stackDir) {
        Set<String> taken = new TreeSet<>();
        containers.keySet().forEach(p -> {
            if (!elsewhere(p, stackDir).isEmpty()) {
                taken.add(p);
            }
        });
        return taken;
    }

    /**
     * A project name for the stack in {@code stackDir}: {@code wanted} when no stack elsewhere
     * uses it, else one made from the folder's name ({@code /opt/mo} → {@code berth-mo}), with
     * {@code -2}, {@code -3}, … until it is free.
     */
    public String nameFor(String stackDir, String wanted) {
        Set<String> taken = takenElsewhere(stackDir);
        if (wanted != null && !taken.contains(wanted)) {
            return wanted;
        }
        String base = fromFolder(stackDir);
        if (!taken.contains(base)) {
            return base;
        }
        for (int n = 2; ; n++) {
            String suffix = "-" + n;
            String candidate = trim(base.substring(0, Math.min(base.length(), MAX_NAME - suffix.length()))) + suffix;
            if (!taken.contains(candidate)) {
                return candidate;
            }
        }
    }

    /** The folder's own name as a project name (what the answers allow), with "berth-" in front. */
    static String fromFolder(String stackDir) {
        String path = TargetPaths.normalize(stackDir);
        String leaf = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]+", "-");
        leaf = leaf.replaceAll("^[-_]+", "");
        leaf = trim(leaf);
        if (leaf.isEmpty() || leaf.equals("berth")) {
            return "berth";
        }
        String base = leaf.startsWith("berth") ? leaf : "berth-" + leaf;
        return trim(base.substring(0, Math.min(base.length(), MAX_NAME)));
    }

    private static String trim(String name) {
        return name.replaceAll("[-_]+$", "");
    }
}
