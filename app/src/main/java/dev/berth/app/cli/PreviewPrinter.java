package dev.berth.app.cli;

import dev.berth.engine.deploy.DeployPreview;
import dev.berth.engine.deploy.Job;
import dev.berth.engine.deploy.RootMove;
import dev.berth.engine.stack.FileChange;
import java.io.PrintWriter;
import java.util.List;

/** What a deploy would do, before it does it: the services in words, the files that change and the steps in order. */
final class PreviewPrinter {
    private PreviewPrinter() {
    }

    /**
     * What happens to each service, in sentences, the keys Berth sets in the download clients'
     * settings files, and a moved root folder: printed before the
     * YAML diff, so the person reads what it means before how the files change.
     */
    static void printChanges(DeployPreview preview, PrintWriter out) {
        List<String> sentences = preview.services().sentences();
        if (sentences.isEmpty()) {
            out.println("Services: nothing changes; every container stays as it is.");
        } else {
            out.println("Services:");
            sentences.forEach(s -> out.println("  " + s));
        }
        List<String> settings = preview.settingsSentences();
        if (!settings.isEmpty()) {
            out.println("Download clients' settings files:");
            settings.forEach(s -> out.println("  " + s));
        }
        for (RootMove m : preview.rootMoves()) {
            out.println(m.sentence());
            if (!m.folders().isEmpty()) {
                out.println("  " + switch (preview.options().folders()) {
                    case MOVE -> "Berth moves them: it stops the apps, moves the folders to " + m.to()
                            + ", checks they arrived, then starts the apps (--move-folders).";
                    case KEEP -> "The folders stay in " + m.from() + "; the apps start with empty folders in " + m.to()
                            + " (--keep-folders).";
                    case UNDECIDED -> "Deploy with --move-folders (move them along) or --keep-folders (start afresh in the "
                            + "new place).";
                });
            }
        }
        out.println();
    }

    static void print(DeployPreview preview, String where, PrintWriter out) {
        out.println((preview.firstInstall() ? "New stack " : "Stack ") + preview.plan().projectName() + " in "
                + preview.stackDir() + " on " + where + ", " + preview.plan().services().size()
                + (preview.plan().services().size() == 1 ? " service." : " services."));
        if (preview.nothingToChange()) {
            out.println("The files are as they should be and every service runs as they say: nothing to change.");
        } else if (preview.diff().isEmpty()) {
            out.println("The files are as they should be: nothing to change. Deploying again makes sure every service runs.");
        } else {
            out.println("Files that change:");
            for (FileChange c : preview.diff().changed()) {
                out.println("  " + c.summary());
            }
        }
        out.println("Steps:");
        int i = 1;
        for (Job job : preview.jobs()) {
            out.println("  " + i++ + ". " + job.description());
        }
    }
}
