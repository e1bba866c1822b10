package dev.berth.plan;

/**
 * What one host of a multi-host stack has to offer, as read by the engine's checks on it
 * (issue 17). The placer scores hosts from it; the wizard adds the hosts' figures up.
 *
 * @param memoryTotalBytes     installed memory
 * @param memoryAvailableBytes MemAvailable: what new containers can take
 * @param storageFreeBytes     free bytes on the file system that holds (or would hold) the data root
 * @param storageFileSystem    that file system's identity on the host (device id and mount point),
 *                             so two hosts are never taken for one file system
 * @param cores                CPU cores
 * @param load1                the one-minute load average
 * @param uptimeSeconds        how long the host has been up (a host that stays up scores better)
 * @param hasRenderDevice      whether {@code /dev/dri} exists (hardware transcoding)
 */
public record HostResources(long memoryTotalBytes, long memoryAvailableBytes, long storageFreeBytes, String storageFileSystem,
                            int cores, double load1, long uptimeSeconds, boolean hasRenderDevice) {
}
