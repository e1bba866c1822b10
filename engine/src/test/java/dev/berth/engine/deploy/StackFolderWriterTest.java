package dev.berth.engine.deploy;

import dev.berth.engine.stack.StackState;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.engine.target.LocalTarget;
import dev.berth.engine.target.TargetException;
import dev.berth.render.RenderedFile;
import dev.berth.render.RenderedStack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** berth render's writing: a deploy's staged write, on its own. */
class StackFolderWriterTest {
    @TempDir
    Path tmp;
    private final LocalTarget target = new LocalTarget();

    @Test
    void writesANewFolderWithSecretsOwnerOnly() throws Exception {
        String dir = tmp.resolve("stack").toString();
        StackFolderWriter.write(target, StackState.loadForRendering(target, dir, false), stack("new"));
        assertEquals("new", Files.readString(tmp.resolve("stack/compose.yaml")));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(tmp.resolve("stack/secrets/key"))));
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(tmp.resolve("stack/compose.yaml"))));
        assertNothingStaged();
    }

    @Test
    void aRenameThatFailsPutsBackWhatWasReplacedAndLeavesNoStagedFile() throws Exception {
        String dir = tmp.resolve("stack").toString();
        StackFolderWriter.write(target, StackState.loadForRendering(target, dir, false), stack("old"));
        // A folder where the last file belongs: its rename fails after compose.yaml was replaced.
        Files.writeString(Files.createDirectories(tmp.resolve("stack/config/last.yml")).resolve("mine"), "mine");
        StackState before = StackState.loadForRendering(target, dir, true); // no berth.yaml here: taken as it is

        assertThrows(TargetException.class, () -> StackFolderWriter.write(target, before, stack("new")));

        assertEquals("old", Files.readString(tmp.resolve("stack/compose.yaml")));
        assertArrayEquals("s3cret".getBytes(), Files.readAllBytes(tmp.resolve("stack/secrets/key")));
        assertEquals("mine", Files.readString(tmp.resolve("stack/config/last.yml/mine")));
        assertNothingStaged();
    }

    private static RenderedStack stack(String compose) {
        Map<String, RenderedFile> files = new LinkedHashMap<>();
        files.put("compose.yaml", RenderedFile.text(compose));
        files.put("secrets/key", RenderedFile.secretText("old".equals(compose) ? "s3cret" : "other"));
        if (!"old".equals(compose)) {
            files.put("config/last.yml", RenderedFile.text("last"));
        }
        return new RenderedStack(files);
    }

    private void assertNothingStaged() throws Exception {
        try (Stream<Path> s = Files.walk(tmp)) {
            List<Path> left = s.filter(p -> p.getFileName().toString().endsWith(".berth-tmp")).toList();
            assertTrue(left.isEmpty(), left.toString());
        }
    }
}
