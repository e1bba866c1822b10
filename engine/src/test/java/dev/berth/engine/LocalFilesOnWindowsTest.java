package dev.berth.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import dev.berth.engine.deploy.StackFolderWriter;
import dev.berth.engine.stack.StackState;
import dev.berth.engine.target.LocalTarget;
import dev.berth.render.RenderedFile;
import dev.berth.render.RenderedStack;
import dev.berth.testsupport.Examples;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.AclEntry;
import java.nio.file.attribute.AclFileAttributeView;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code berth render --out DIR} on a Windows desktop: the deploy's own writer (staged, then
 * renamed) through this computer's files, on a Windows-like file system — no POSIX permissions,
 * no unix attributes, no ls or find to list a folder with.
 */
class LocalFilesOnWindowsTest {
    @Test
    void aStackIsWrittenAndWrittenAgainWithItsSecretsTheOwnersAlone() throws Exception {
        try (FileSystem fs = Jimfs.newFileSystem(Configuration.windows().toBuilder()
                .setAttributeViews("basic", "owner", "acl", "dos").build());
             LocalTarget target = new LocalTarget(null, fs)) {
            String dir = "C:\\Users\\ada\\berth-stack";
            RenderedStack stack = Examples.render("full-wireguard");
            StackFolderWriter.write(target, StackState.loadForRendering(target, dir, false), stack);

            Path root = fs.getPath(dir);
            for (Map.Entry<String, RenderedFile> e : stack.files().entrySet()) {
                Path file = root.resolve(e.getKey().replace('/', '\\'));
                assertArrayEquals(e.getValue().content(), Files.readAllBytes(file), e.getKey());
                List<AclEntry> acl = Files.getFileAttributeView(file, AclFileAttributeView.class).getAcl();
                if (e.getValue().secret()) {
                    assertEquals(1, acl.size(), e.getKey() + ": " + acl);
                    assertEquals(Files.getOwner(file), acl.getFirst().principal(), e.getKey());
                }
            }
            try (var left = Files.list(root)) {
                assertTrue(left.noneMatch(p -> p.getFileName().toString().endsWith(".berth-tmp")), "no staged file left");
            }

            // Rendering into it again reads it as Berth's stack: its secrets are listed without ls or find, and kept.
            StackState again = StackState.loadForRendering(target, dir, false);
            assertTrue(again.isBerthStack(), "read back as a Berth stack");
            assertEquals(stack.files().keySet().stream().filter(p -> p.startsWith("secrets/")).count(), again.secrets().size(),
                    "every secret read back");
            StackFolderWriter.write(target, again, stack);
        }
    }
}
