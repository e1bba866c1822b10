package dev.berth.engine.check;

import dev.berth.plan.HostResources;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What the hosts of a multi-host stack have together, for the one view the checks show: memory,
 * free storage, cores and load added up. Free storage counts a file system once: a network share
 * that several hosts mount (the NAS's export) is one disk, however many hosts see it.
 *
 * @param hosts                how many hosts were added up (those whose resources could be read)
 * @param memoryTotalBytes     installed memory
 * @param memoryAvailableBytes memory new containers can take
 * @param storageFreeBytes     free bytes on the data roots' file systems, each counted once
 * @param fileSystems          how many distinct file systems that is
 * @param cores                CPU cores
 * @param load1                the one-minute load averages added up (compare with {@code cores})
 */
public record ClusterResources(int hosts, long memoryTotalBytes, long memoryAvailableBytes, long storageFreeBytes, int fileSystems,
                               int cores, double load1) {
    /**
     * A source as df prints a network share: {@code host:/path} (NFS) or {@code //host/share} (SMB).
     * Such a source names the same disk on every host; a local device ({@code /dev/sda1}) or its
     * device id does not: two machines both have an sda1.
     */
    private static final Pattern NETWORK_SOURCE = Pattern.compile("^(\\S+:/.*|//.+)$");

    /** @param byHost host name → its resources, as {@link HostResourcesReader} read them */
    public static ClusterResources sum(Map<String, HostResources> byHost) {
        long total = 0;
        long available = 0;
        int cores = 0;
        double load = 0;
        Map<String, Long> freeByFileSystem = new HashMap<>();
        for (var e : byHost.entrySet()) {
            HostResources r = e.getValue();
            total += r.memoryTotalBytes();
            available += r.memoryAvailableBytes();
            cores += r.cores();
            load += r.load1();
            freeByFileSystem.put(fileSystemKey(e.getKey(), r.storageFileSystem()), r.storageFreeBytes());
        }
        long free = freeByFileSystem.values().stream().mapToLong(Long::longValue).sum();
        return new ClusterResources(byHost.size(), total, available, free, freeByFileSystem.size(), cores, load);
    }

    /** One line for people: "2 hosts: 24.0 GiB memory (12.0 GiB available), 12 cores (load 1.75), 2300.0 GiB free on 2 file systems". */
    public String describe() {
        return hosts + (hosts == 1 ? " host: " : " hosts: ") + ResourcesCheck.gib(memoryTotalBytes) + " memory ("
                + ResourcesCheck.gib(memoryAvailableBytes) + " available), " + cores + " cores (load "
                + String.format(Locale.ROOT, "%.2f", load1) + "), " + ResourcesCheck.gib(storageFreeBytes) + " free on " + fileSystems
                + (fileSystems == 1 ? " file system" : " file systems");
    }

    /** One host's figures in the same words as {@link #describe()}. */
    public static String describe(HostResources r) {
        return ResourcesCheck.gib(r.memoryTotalBytes()) + " memory (" + ResourcesCheck.gib(r.memoryAvailableBytes()) + " available), "
                + r.cores() + " cores (load " + String.format(Locale.ROOT, "%.2f", r.load1()) + "), "
                + ResourcesCheck.gib(r.storageFreeBytes()) + " free on " + r.storageFileSystem()
                + (r.hasRenderDevice() ? ", /dev/dri for transcoding" : "");
    }

    /** The share's source for a network file system; the host and the identity for any other. */
    static String fileSystemKey(String host, String identity) {
        // HostResourcesReader writes "<source> on <mount point> (device <id>)".
        int on = identity.indexOf(" on ");
        String source = on < 0 ? identity : identity.substring(0, on);
        return NETWORK_SOURCE.matcher(source).matches() ? source : host + "\u0000" + identity;
    }
}
