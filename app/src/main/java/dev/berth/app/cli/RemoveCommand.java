package dev.berth.app.cli;

import dev.berth.engine.lifecycle.ConfigPurge;
import dev.berth.engine.lifecycle.StackLifecycle;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code berth remove [--purge-config]}: takes the stack's containers and networks down; its config
 * only when the person types the project name (on the terminal, or as {@code --confirm=NAME}).
 */
@Command(name = "remove", mixinStandardHelpOptions = true,
        description = "Removes a deployed stack's containers and networks (compose down). Its config (the stack folder and "
                + "the apps' folders under the config root) and its named volumes are kept, so berth deploy brings it back "
                + "as it was. With --purge-config they are deleted too, once you type the stack's project name. The data "
                + "tree (media, downloads) is never deleted. Exits with 6 when the purge is not confirmed (nothing is "
                + "removed then) and 7 while another Berth deploys or changes the stack.")
public final class RemoveCommand extends LifecycleCommand {
    @Option(names = "--purge-config", description = "Also delete the stack's config and named volumes (asks you to type "
            + "the project name; never the data tree).")
    boolean purgeConfig;

    @Option(names = "--confirm", paramLabel = "PROJECT", description = "The project name, confirming --purge-config "
            + "without a terminal (scripts).")
    String confirm;

    public RemoveCommand() {
        this(TargetOpener.standard());
    }

    public RemoveCommand(TargetOpener opener) {
        super(opener);
    }

    @Override
    StackLifecycle.Outcome act(StackLifecycle life, PrintWriter out, PrintWriter err) throws Exception {
        if (!purgeConfig) {
            if (confirm != null) {
                err.println("--confirm only confirms --purge-config; without it nothing is deleted, so it was not needed.");
            }
            return life.remove(StackLifecycle.Removal.KEEP_CONFIG, out::println, () -> false);
        }
        String typed = confirm;
        if (typed == null) {
            ConfigPurge purge = life.purgePlan();
            if (!Confirm.terminal()) {
                throw new StackLifecycle.NotConfirmedException("--purge-config deletes " + String.join(", ", purge.deleted())
                        + ", and there is no terminal to confirm it on. Nothing was removed or deleted. To go ahead from a script,"
                        + " add --confirm=" + life.projectName() + ".");
            }
            out.println("This deletes, for good:");
            purge.deleted().forEach(d -> out.println("  " + d));
            out.println("and the stack's named volumes. It keeps:");
            purge.kept().forEach(k -> out.println("  " + k));
            out.flush();
            typed = Confirm.typed("Type the stack's name (" + life.projectName() + ") to delete its config:");
        }
        return life.remove(StackLifecycle.Removal.purge(typed), out::println, () -> false);
    }

    @Override
    String done() {
        return "removed";
    }
}
