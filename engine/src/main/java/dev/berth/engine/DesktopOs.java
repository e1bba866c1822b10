package dev.berth.engine;

import java.util.Locale;
import java.util.Optional;

/**
 * The operating system of the computer Berth runs on (the desktop), read once from
 * {@code os.name} ({@link #current()}) and passed to what depends on it, so tests can be the
 * Windows or macOS desktop on any machine.
 *
 * <p>What Berth supports: the stack runs on Linux. On Windows or macOS Berth is the desktop and
 * the stack goes to a Linux machine over SSH; "this computer" there is refused with
 * {@link #localStackRefusal()}. Docker Desktop runs Linux containers in a virtual machine, where
 * what the stack is built on does not hold: no {@code /dev/dri} for hardware transcoding, files
 * in shared folders owned by whoever Docker Desktop maps them to rather than PUID:PGID, hardlinks
 * between the downloads and the library not kept across its file sharing, and host networking
 * (which Plex and Home Assistant use) inside the virtual machine instead of on your network.
 *
 * @param name the name as the JVM reports it ({@code Windows 11}, {@code Mac OS X}, {@code Linux})
 */
public record DesktopOs(Family family, String name) {
    public enum Family { LINUX, MACOS, WINDOWS, OTHER }

    public static final DesktopOs LINUX = of("Linux");
    public static final DesktopOs MACOS = of("Mac OS X");
    public static final DesktopOs WINDOWS = of("Windows 11");

    private static final DesktopOs CURRENT = of(System.getProperty("os.name", ""));

    /** This computer's, from {@code os.name} as the JVM started. */
    public static DesktopOs current() {
        return CURRENT;
    }

    /** From an {@code os.name} value. */
    public static DesktopOs of(String osName) {
        String n = osName.toLowerCase(Locale.ROOT);
        Family f = n.startsWith("linux") ? Family.LINUX
                : n.startsWith("mac") || n.startsWith("darwin") ? Family.MACOS
                : n.startsWith("windows") ? Family.WINDOWS
                : Family.OTHER;
        return new DesktopOs(f, osName);
    }

    /** Whether the stack can run on this computer itself ("this computer" as the target). */
    public boolean hostsStacks() {
        return family == Family.LINUX;
    }

    /** How a person calls it. */
    public String displayName() {
        return switch (family) {
            case LINUX -> "Linux";
            case MACOS -> "macOS";
            case WINDOWS -> "Windows";
            case OTHER -> name.isBlank() ? "an unknown system" : name;
        };
    }

    /** Why "this computer" cannot be the target here, and what to choose instead; empty on Linux. */
    public Optional<String> localStackRefusal() {
        if (hostsStacks()) {
            return Optional.empty();
        }
        String dockerDesktop = family == Family.OTHER ? "" : " Docker Desktop on " + displayName() + " runs Linux containers in a "
                + "virtual machine, where the stack's hardware transcoding (/dev/dri), file owners (PUID/PGID), hardlinks between "
                + "downloads and library, and host networking do not work as they do on Linux.";
        return Optional.of("This computer runs " + displayName() + ", and Berth sets the stack up on Linux only." + dockerDesktop
                + " Choose \"A server over SSH\" and give it a Linux machine (a home server, a NAS, or a Linux virtual machine): "
                + "Berth works on it from here.");
    }
}
