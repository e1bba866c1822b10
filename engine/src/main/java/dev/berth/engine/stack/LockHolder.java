package dev.berth.engine.stack;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.InetAddress;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.Properties;

/**
 * Who holds a stack's deploy lock, as the person waiting for it is told: the user and computer
 * Berth runs on (not the target: over SSH they differ), its process id, its version, and since when.
 *
 * @param who     user@host of the computer running Berth
 * @param pid     that Berth's process id there
 * @param program "Berth 1.2.0"
 */
public record LockHolder(String who, long pid, String program, Instant since) {
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    /** This Berth process, from now. */
    public static LockHolder thisProcess(Instant now) {
        return new LockHolder(System.getProperty("user.name", "?") + "@" + hostName(), ProcessHandle.current().pid(),
                "Berth " + version(), now.truncatedTo(ChronoUnit.SECONDS));
    }

    /** "root@desk (pid 4121, Berth 0.1.0) has been deploying this stack since 2026-12-04 23:59:01 UTC". */
    public String describe() {
        return who + " (pid " + pid + ", " + program + ") has been deploying this stack since " + SHOWN.format(since);
    }

    /** The holder file's content: a few key=value lines. */
    String toText() {
        return "who=" + who + "\npid=" + pid + "\nprogram=" + program + "\nsince=" + since + "\n";
    }

    /** Empty for a file that is not (or no longer) a holder file: a deploy that had just begun writing it. */
    static Optional<LockHolder> parse(String text) {
        Properties p = new Properties();
        try {
            p.load(new StringReader(text));
            return Optional.of(new LockHolder(p.getProperty("who"), Long.parseLong(p.getProperty("pid")),
                    p.getProperty("program"), Instant.parse(p.getProperty("since"))));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }

    /**
     * The app's version, read by resource name: the engine is built before the app and cannot
     * depend on it, and the app writes its version into this file at build time.
     */
    private static String version() {
        Properties p = new Properties();
        try (InputStream in = LockHolder.class.getResourceAsStream("/dev/berth/app/version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException ignored) {
            // no version to show
        }
        return p.getProperty("version", "(development build)");
    }
}
