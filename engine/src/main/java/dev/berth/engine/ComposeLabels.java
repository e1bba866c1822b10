package dev.berth.engine;

/**
 * The labels Compose (v2 and 1.29 alike) puts on every container. Berth finds a stack's
 * containers by them, never by name: v1 names use '_' and v2 '-'.
 */
public final class ComposeLabels {
    public static final String PROJECT = "com.docker.compose.project";
    public static final String SERVICE = "com.docker.compose.service";
    /**
     * The folder the project was started from ({@code --project-directory}), absolute and without
     * a trailing slash in both versions: where a project's containers belong.
     */
    public static final String WORKING_DIR = "com.docker.compose.project.working_dir";

    private ComposeLabels() {
    }
}
