package dev.berth.engine.lifecycle;

import dev.berth.answers.StorageAnswers;
import dev.berth.plan.Mount;
import dev.berth.plan.PlannedService;
import dev.berth.plan.StackPlan;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What {@code remove --purge-config} deletes and what it keeps, worked out from the plan before
 * anything happens, so the confirmation can name it.
 *
 * <p>"Config" is what Berth made or what the apps keep their own state in: the stack folder
 * (compose.yaml, .env, berth.yaml, secrets/, config/, .berth/ with backups and logs), each app's
 * folder under the config root ({@code <configRoot>/<service>}) and the stack's named volumes
 * (Redis's sessions). The config root itself is kept (it may hold folders of other apps), and so
 * is the data tree, always: a folder that is the data root, lies inside it or holds it is never
 * deleted, whatever the answers say, so media and downloads survive answers that put one inside
 * the other.
 *
 * @param deleted  folders deleted whole, in this order
 * @param kept     folders kept, with why, for the messages
 * @param stackDir the stack folder; deleted entry by entry when the data tree is inside it
 */
public record ConfigPurge(List<String> deleted, List<String> kept, String stackDir) {
    public ConfigPurge {
        deleted = List.copyOf(deleted);
        kept = List.copyOf(kept);
    }

    public static ConfigPurge of(StackPlan plan, String stackDir) {
        StorageAnswers s = plan.answers().storage();
        String data = trimmed(s.dataRoot());
        String stack = trimmed(stackDir);
        Set<String> deleted = new LinkedHashSet<>();
        List<String> kept = new ArrayList<>();
        kept.add(data + " (the data tree: media and downloads are never deleted)");
        if (touches(stack, data)) {
            kept.add(stack + " itself, as it holds the data tree (only Berth's files in it are deleted)");
        } else {
            deleted.add(stack);
        }
        String configRoot = trimmed(s.configRoot());
        for (PlannedService svc : plan.services()) {
            for (Mount m : svc.mounts()) {
                String appFolder = configRoot + "/" + svc.name();
                boolean ownState = m.type() == Mount.Type.BIND && (m.source().equals(appFolder) || m.source().startsWith(appFolder + "/"));
                if (ownState && !inside(appFolder, stack) && !touches(appFolder, data)) {
                    deleted.add(appFolder);
                }
            }
        }
        if (!inside(configRoot, stack) && !configRoot.equals(stack)) {
            kept.add(configRoot + " itself (it may hold other folders; only the stack's apps' folders in it are deleted)");
        }
        return new ConfigPurge(new ArrayList<>(deleted), kept, stack);
    }

    /** Whether the stack folder is deleted entry by entry, because the data tree is inside it. */
    public boolean stackFolderKept() {
        return !deleted.contains(stackDir);
    }

    /** Whether the folder is the data root, lies in it or holds it. */
    static boolean touches(String folder, String dataRoot) {
        String f = trimmed(folder);
        String d = trimmed(dataRoot);
        return f.equals(d) || inside(f, d) || inside(d, f);
    }

    private static boolean inside(String path, String folder) {
        return folder.equals("/") ? !path.equals("/") : path.startsWith(folder + "/");
    }

    /** Without "/./", doubled or trailing slashes (the answers refuse ".."), so paths compare as folders. */
    static String trimmed(String dir) {
        String d = dir.replaceAll("/+", "/").replace("/./", "/");
        if (d.endsWith("/.")) {
            d = d.substring(0, d.length() - 1);
        }
        while (d.length() > 1 && d.endsWith("/")) {
            d = d.substring(0, d.length() - 1);
        }
        return d;
    }
}
