package dev.berth.app.cli;

import dev.berth.engine.stack.StackPaths;
import dev.berth.engine.stack.StackState;
import dev.berth.engine.wire.Credential;
import dev.berth.engine.wire.Link;
import dev.berth.engine.wire.WiringResult;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;

/**
 * The Links table ("Sonarr → qBittorrent ✓") and the sign-ins Berth made, for {@code berth
 * deploy}, {@code berth wire} and {@code berth status}. A password is printed only for a sign-in
 * made by this very run, once; afterwards only the file that keeps it is named.
 */
final class LinksPrinter {
    private LinksPrinter() {
    }

    static void links(WiringResult result, PrintWriter out) {
        if (result.links().isEmpty()) {
            return;
        }
        int width = result.links().stream().mapToInt(l -> l.label().length()).max().orElse(4);
        out.println("Links:");
        for (Link l : result.links()) {
            String status = switch (l.status()) {
                case OK -> "✓";
                case NEEDS_ATTENTION -> "needs attention";
                case LEFT_ALONE -> "left as you set it";
            };
            out.printf("  %-" + width + "s  %s%s%n", l.label(), status, l.detail().isBlank() ? "" : ": " + l.detail());
        }
        if (!result.allOk()) {
            out.println(result.needingAttention().size() + (result.needingAttention().size() == 1 ? " link needs" : " links need")
                    + " attention: fix what it says, then run berth wire to try again.");
        }
    }

    /**
     * @param secrets  the stack's secrets by name, for the passwords of sign-ins made now
     * @param stackDir where {@code secrets/} is, on the target
     */
    static void credentials(List<Credential> credentials, Map<String, String> secrets, String stackDir, PrintWriter out) {
        List<Credential> made = credentials.stream().filter(Credential::isNew).toList();
        List<Credential> kept = credentials.stream().filter(c -> !c.isNew()).toList();
        if (!made.isEmpty()) {
            out.println("Sign-ins Berth made (shown this once; each password is kept in "
                    + StackPaths.join(stackDir, StackState.SECRETS_DIR) + "/):");
            for (Credential c : made) {
                out.println("  " + c.service() + "  " + c.url() + "  user " + c.username() + "  password " + secrets.get(c.secret()));
            }
        }
        if (!kept.isEmpty()) {
            out.println("Sign-ins:");
            for (Credential c : kept) {
                out.println("  " + c.service() + "  " + c.url() + "  user " + c.username() + "  password in "
                        + StackPaths.join(stackDir, StackState.SECRETS_DIR + "/" + c.secret()));
            }
        }
    }
}
