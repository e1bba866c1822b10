package dev.berth.app.cli;

import dev.berth.engine.deploy.DeployPreview;
import dev.berth.engine.stack.FileChange;
import dev.berth.engine.stack.Job;
import java.io.PrintWriter;

/** What a deploy would do, before it does it: the files that change and the steps in order. */
final class PreviewPrinter {
    private PreviewPrinter() {
    }

    static void print(DeployPreview preview, String where, PrintWriter out) {
        out.println((preview.firstInstall() ? "New stack " : "Stack ") + preview.plan().projectName() + " in "
                + preview.stackDir() + " on " + where + ", " + preview.plan().services().size() + " services.");
        if (preview.diff().isEmpty()) {
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
