package dev.berth.engine.check;

import dev.berth.engine.target.Target;
import dev.berth.engine.target.TargetException;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Containers of a stack's Compose project that were started from another folder: what a deploy
 * from {@code stackDir} would remove or replace. The check reports it; the deployer refuses on it
 * again right before Compose runs, in case the checks were skipped.
 *
 * @param project  the project name the stack would use
 * @param stackDir this stack's folder, normalised
 * @param live     folders that still exist (or could not be told, {@link ComposeProjects#UNKNOWN_FOLDER})
 *                 → their containers: another stack, which the deploy must never touch
 * @param gone     folders that no longer exist → their containers: most likely this stack before
 *                 its folder was moved, so the deploy may replace them
 * @param freeName a name no stack elsewhere uses, made from this folder's name
 */
public record ProjectClash(String project, String stackDir, Map<String, Integer> live, Map<String, Integer> gone,
                           String freeName) {
    public ProjectClash {
        live = Collections.unmodifiableMap(new TreeMap<>(live)); // sorted: messages name folders in one order
        gone = Collections.unmodifiableMap(new TreeMap<>(gone));
    }

    /** Looks at the target's containers and folders now. */
    public static ProjectClash find(Target target, String project, String stackDir) throws TargetException {
        return find(target, ComposeProjects.on(target), project, stackDir);
    }

    static ProjectClash find(Target target, ComposeProjects projects, String project, String stackDir) throws TargetException {
        String dir = TargetPaths.normalize(stackDir);
        Map<String, Integer> live = new TreeMap<>();
        Map<String, Integer> gone = new TreeMap<>();
        for (Map.Entry<String, Integer> e : projects.elsewhere(project, dir).entrySet()) {
            boolean unknown = e.getKey().equals(ComposeProjects.UNKNOWN_FOLDER);
            (unknown || target.files().stat(e.getKey()).isPresent() ? live : gone).put(e.getKey(), e.getValue());
        }
        return new ProjectClash(project, dir, live, gone, projects.nameFor(dir, project));
    }

    /** Whether another stack that still has its folder uses the name: deploying would destroy it. */
    public boolean blocks() {
        return !live.isEmpty();
    }

    /** "the stack in /opt/berth (20 containers)", for each folder of {@code folders}. */
    static String describe(Map<String, Integer> folders) {
        return folders.entrySet().stream().map(e -> (e.getKey().equals(ComposeProjects.UNKNOWN_FOLDER)
                ? "containers whose folder Compose did not record" : "the stack in " + e.getKey())
                + " (" + e.getValue() + (e.getValue() == 1 ? " container)" : " containers)"))
                .collect(Collectors.joining(" and "));
    }

    /** One line: whose name it is and what a deploy would do to it. */
    public String problem() {
        return "The Compose project name '" + project + "' is taken by " + describe(live)
                + ": deploying this stack from " + stackDir + " would remove or replace that stack's containers";
    }

    /** What to do, naming the free name and where to set it. */
    public String fix() {
        return "Give this stack a name of its own: projectName: " + freeName + " in the answers file (in the wizard: "
                + "the Stack name field on the Storage page). To change the stack in " + live.keySet().stream()
                .filter(f -> !f.equals(ComposeProjects.UNKNOWN_FOLDER)).findFirst().orElse("the other folder")
                + " instead, deploy from that folder";
    }
}
