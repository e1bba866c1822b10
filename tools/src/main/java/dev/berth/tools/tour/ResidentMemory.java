package dev.berth.tools.tour;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** This process's resident memory (RSS), as the system counts it, from /proc on Linux. */
public final class ResidentMemory {
    private ResidentMemory() {
    }

    /** In MB (10^6 bytes), or -1 where /proc/self/status cannot be read. */
    public static long megabytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    long kib = Long.parseLong(line.replaceAll("[^0-9]", ""));
                    return Math.round(kib * 1024 / 1e6);
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }
}
