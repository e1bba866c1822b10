package dev.berth.engine.check;

import dev.berth.engine.target.Target;
import dev.berth.engine.target.TargetException;
import dev.berth.plan.HostResources;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what a host offers a multi-host placement (issue 17), in one command over SSH: the
 * programs go through one {@link ProgramBatch}, as the quick facts do, because every command over
 * SSH is a session and a login shell.
 */
public final class HostResourcesReader {
    static final Duration LIMIT = Duration.ofSeconds(10);

    private static final List<String> MEMINFO = List.of("cat", "/proc/meminfo");
    private static final List<String> NPROC = List.of("nproc");
    private static final List<String> LOADAVG = List.of("cat", "/proc/loadavg");
    private static final List<String> UPTIME = List.of("cat", "/proc/uptime");
    /** A missing /dev/dri is an answer, not a failure: the batch would report a non-zero status as one. */
    private static final List<String> DRI = List.of("sh", "-c", "if [ -e /dev/dri ]; then echo present; else echo absent; fi");
    /**
     * The data root may not exist yet (the deploy creates it): its nearest existing folder is on the
     * file system it will be on. Device id first, then df's portable (-P, one line per file system) table.
     */
    private static final String DISK_SCRIPT = "d=$1; while [ ! -e \"$d\" ] && [ \"$d\" != / ]; do d=$(dirname \"$d\"); done; "
            + "stat -c %d \"$d\" && df -P -k \"$d\"";

    /** One line of {@code df -P}: source, size, used, available, capacity, mount point (which may hold spaces). */
    private static final Pattern DF_LINE = Pattern.compile("^(\\S.*?)\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)\\s+(\\d+%|-)\\s+(/.*)$");

    /** The raw answers of the programs, kept apart so the parsing is tested on real outputs. */
    record Outputs(String meminfo, String nproc, String loadavg, String uptime, String disk, String dri) {
    }

    /** @param dataRoot the answers' data root: its nearest existing folder's file system is measured */
    public HostResources read(Target target, String dataRoot) throws TargetException {
        List<String> disk = List.of("sh", "-c", DISK_SCRIPT, "sh", TargetPaths.normalize(dataRoot));
        ProgramBatch batch = ProgramBatch.run(target, List.of(MEMINFO, NPROC, LOADAVG, UPTIME, disk, DRI), LIMIT);
        Outputs out = new Outputs(batch.output(MEMINFO), batch.output(NPROC), batch.output(LOADAVG), batch.output(UPTIME),
                batch.output(disk), batch.output(DRI));
        try {
            return parse(out);
        } catch (IllegalArgumentException e) {
            throw new TargetException(TargetException.Reason.OTHER, "Could not read the resources of " + target.description()
                    + ": " + e.getMessage());
        }
    }

    /** @throws IllegalArgumentException naming the output that did not read as expected */
    static HostResources parse(Outputs out) {
        long total = meminfoBytes(out.meminfo(), "MemTotal");
        long available = meminfoBytes(out.meminfo(), "MemAvailable");
        Disk disk = disk(out.disk());
        int cores = Math.toIntExact(integer(out.nproc().strip(), "nproc"));
        double load1 = decimal(firstWord(out.loadavg()), "/proc/loadavg");
        long uptime = (long) decimal(firstWord(out.uptime()), "/proc/uptime");
        return new HostResources(total, available, disk.freeBytes(), disk.identity(), cores, load1, uptime,
                out.dri().strip().equals("present"));
    }

    /**
     * The measured file system: free bytes and who it is. The identity names the source as df shows
     * it ({@code /dev/sda1}, {@code nas:/volume1}), the mount point and the device id, so two hosts
     * are told apart by {@link ClusterResources} unless the source is a network share.
     */
    record Disk(long freeBytes, String identity) {
    }

    static Disk disk(String text) {
        List<String> lines = text.strip().lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        if (lines.size() < 3) {
            throw new IllegalArgumentException("df -P -k printed no file system: " + text.strip());
        }
        String device = lines.getFirst();
        integer(device, "stat -c %d");
        Matcher m = DF_LINE.matcher(lines.getLast());
        if (!m.matches()) {
            throw new IllegalArgumentException("df -P -k printed a line Berth cannot read: " + lines.getLast());
        }
        long freeKib = Long.parseLong(m.group(4));
        return new Disk(freeKib * 1024, m.group(1) + " on " + m.group(6) + " (device " + device + ")");
    }

    private static long meminfoBytes(String meminfo, String key) {
        for (String line : meminfo.lines().toList()) {
            if (line.startsWith(key + ":")) {
                String[] words = line.substring(key.length() + 1).strip().split("\\s+");
                long value = integer(words[0], "/proc/meminfo " + key);
                // The kernel writes "kB" and means KiB; a value without a unit is in bytes.
                return words.length > 1 && words[1].equalsIgnoreCase("kB") ? value * 1024 : value;
            }
        }
        throw new IllegalArgumentException("/proc/meminfo has no " + key + " line (Linux 3.14 or newer has one)");
    }

    private static String firstWord(String text) {
        String s = text.strip();
        int space = s.indexOf(' ');
        return space < 0 ? s : s.substring(0, space);
    }

    private static long integer(String s, String what) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " printed \"" + s + "\", not a number");
        }
    }

    private static double decimal(String s, String what) {
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " printed \"" + s + "\", not a number");
        }
    }
}
