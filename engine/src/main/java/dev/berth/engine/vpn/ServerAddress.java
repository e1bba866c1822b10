package dev.berth.engine.vpn;

import dev.berth.engine.target.ExecResult;
import dev.berth.engine.target.Target;
import dev.berth.engine.target.TargetException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;

/**
 * The server's own public address, asked from the target itself (outside the tunnel) of a few
 * what-is-my-IP services in turn, with curl or wget, whichever it has: one command, a short time each.
 * IPv4-only services, since Gluetun reports the tunnel's IPv4 address and the two must be comparable.
 */
final class ServerAddress {
    static final List<String> SERVICES = List.of("https://api.ipify.org", "https://ipv4.icanhazip.com", "https://v4.ident.me");
    private static final int SECONDS_EACH = 5;
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final String SCRIPT = """
            for u in "$@"; do
              a=$(curl -fsS --max-time %1$d "$u" 2>/dev/null || wget -q -T %1$d -O - "$u" 2>/dev/null) && [ -n "$a" ] && { echo "$u $a"; exit 0; }
            done
            exit 1
            """.formatted(SECONDS_EACH);

    private ServerAddress() {
    }

    /** The address and which service said it, or empty with why. */
    record Found(Optional<String> address, String said) {
    }

    static Found ask(Target target, BooleanSupplier cancelled) throws TargetException {
        List<String> argv = new ArrayList<>(List.of("sh", "-c", SCRIPT, "sh"));
        argv.addAll(SERVICES);
        ExecResult r = target.exec(argv, Duration.ofSeconds(SECONDS_EACH * 2L * SERVICES.size() + 5), cancelled);
        String[] words = r.stdout().strip().split("\\s+");
        if (r.ok() && words.length == 2 && IPV4.matcher(words[1]).matches()) {
            return new Found(Optional.of(words[1]), words[0]);
        }
        return new Found(Optional.empty(), "no answer from " + String.join(", ", SERVICES) + " on " + target.description()
                + " (with curl or wget, " + SECONDS_EACH + " s each): the server's own address could not be learned, so it"
                + " cannot be compared. Can the server reach the internet?");
    }
}
