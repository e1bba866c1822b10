package dev.berth.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.berth.testsupport.ExternalTool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A one-file image made of this machine's static BusyBox, with its common applets linked (this
 * machine has no registry to pull from). Built once; later calls find it.
 */
public final class BusyboxImage {
    public static final String NAME = "berth-test/busybox-sh:1";
    private static final List<String> APPLETS = List.of("sh", "wget", "httpd", "test", "touch", "sleep", "echo",
            "cat", "mkdir", "false", "true");

    private BusyboxImage() {
    }

    /** Builds the image unless the engine has it already; {@code work} is a scratch folder. */
    public static String ensure(Path work) {
        RequiresDocker.engine();
        Path busybox = ExternalTool.require("busybox", "apt-get install busybox-static");
        if (ExternalTool.run(work, List.of("docker", "image", "inspect", NAME)).exitCode() == 0) {
            return NAME;
        }
        try {
            Path root = work.resolve("busybox-image");
            Path bin = Files.createDirectories(root.resolve("bin"));
            Files.createDirectories(root.resolve("tmp"));
            Files.copy(busybox, bin.resolve("busybox"));
            for (String a : APPLETS) {
                Files.createSymbolicLink(bin.resolve(a), Path.of("busybox"));
            }
            run(work, "tar", "-C", root.toString(), "-cf", work.resolve("busybox-image.tar").toString(), ".");
            run(work, "docker", "import", work.resolve("busybox-image.tar").toString(), NAME);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return NAME;
    }

    /**
     * The stand-in for the swarm anchor's pinned image ({@code SwarmFabric.ANCHOR_IMAGE}): this
     * image tagged with that name, so a join finds it on every host it is loaded into.
     */
    public static String anchor(Path work) {
        ensure(work);
        run(work, "docker", "tag", NAME, dev.berth.engine.cluster.SwarmFabric.ANCHOR_IMAGE);
        return dev.berth.engine.cluster.SwarmFabric.ANCHOR_IMAGE;
    }

    private static void run(Path work, String... argv) {
        ExternalTool.Result r = ExternalTool.run(work, List.of(argv));
        assertEquals(0, r.exitCode(), String.join(" ", argv) + ": " + r.output());
    }
}
