package dev.berth.app.cli;

import dev.berth.engine.update.ImageStatus;
import dev.berth.engine.update.ImageUpdate;
import java.io.PrintWriter;
import java.util.List;

/**
 * The image statuses as a person reads them: per service the image it runs and, when there is one,
 * the newer tag with its digest and release notes, or why the registry could not be asked.
 * (A minimal version written alongside {@code berth update}; the finding side of issue 15 owns it.)
 */
final class UpdatesPrinter {
    private UpdatesPrinter() {
    }

    static void print(List<ImageStatus> statuses, PrintWriter out) {
        for (ImageStatus s : statuses) {
            String line = String.format("  %-22s %s", s.service(), s.image().reference());
            if (s.update().isPresent()) {
                ImageUpdate u = s.update().get();
                line += " → " + u.tag() + "@" + u.digest() + (u.releaseNotes() == null ? "" : " (release notes: " + u.releaseNotes() + ")");
            } else if (s.unreachable().isPresent()) {
                line += ": could not ask its registry (" + s.unreachable().get() + ")";
            } else {
                line += ": up to date";
            }
            out.println(line);
        }
    }
}
