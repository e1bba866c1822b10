package dev.berth.engine;

/**
 * The labels Compose (v2 and 1.29 alike) puts on every container. Berth finds a stack's
 * containers by them, never by name: v1 names use '_' and v2 '-'.
 */
public final class ComposeLabels {
    public static final String PROJECT = "com.docker.compose.project";
    public static final String SERVICE = "com.docker.compose.service";

    private ComposeLabels() {
    }
}
