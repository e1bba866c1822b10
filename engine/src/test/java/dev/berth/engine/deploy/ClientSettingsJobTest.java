package dev.berth.engine.deploy;

import dev.berth.engine.ComposeTool;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.engine.RequiresDocker;
import dev.berth.engine.stack.Owner;
import dev.berth.engine.target.LocalTarget;
import dev.berth.engine.target.TargetException;
import dev.berth.testsupport.NeedsDocker;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The settings-file job on this computer's files, for a project with no containers (so nothing
 * is stopped): a first install creates the client's folder and file owner-only, a file the person
 * changed keeps their lines, nothing to set writes nothing, undo puts back exactly what was there,
 * and a broken file is refused with its name before anything is written. Needs the engine only to
 * see that no container of the project runs.
 */
@NeedsDocker
class ClientSettingsJobTest {
    private static final String SECRET = "s3cretPassw0rdValue";

    @TempDir
    Path root;
    private final LocalTarget target = new LocalTarget();
    private final JobContext ctx = new JobContext(target, DeployFixtures.CLOCK);
    private final String project = DeployFixtures.project();

    @BeforeEach
    void engine() {
        RequiresDocker.engine();
    }

    @AfterEach
    void close() {
        target.close();
    }

    private KeyValueSettings settings(Path file) {
        Map<String, String> owned = new LinkedHashMap<>();
        owned.put("rpc-username", "admin");
        owned.put("rpc-password", SECRET);
        return new KeyValueSettings("transmission", file.toString(), owned);
    }

    private ClientSettingsJob job(KeyValueSettings f, Optional<Owner> owner) throws TargetException {
        return new ClientSettingsJob(ComposeTool.PLUGIN, project, root.resolve("stack").toString(),
                ClientSettingsJob.plan(target, List.of(f), List.of(SECRET)), owner, List.of(SECRET));
    }

    @Test
    void aFirstInstallCreatesTheFolderAndAnOwnerOnlyFileAndUndoRemovesTheFileOnly() throws Exception {
        Path file = root.resolve("config/transmission/deep/settings.conf");
        ClientSettingsJob job = job(settings(file), Optional.empty());
        assertEquals(1, job.planned().size());
        String sentence = job.planned().getFirst().sentence();
        assertEquals("settings.conf (" + file + "): a new file; Berth sets rpc-username, rpc-password", sentence);

        job.execute(ctx);
        assertEquals("rpc-username=admin\nrpc-password=" + SECRET + "\n", Files.readString(file));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertFalse(job.description().contains(SECRET), job.description());

        job.undo(ctx);
        assertFalse(Files.exists(file));
        assertTrue(Files.isDirectory(file.getParent()), "folders are kept, as everywhere in Berth");
    }

    @Test
    void aChangedFileKeepsThePersonsLinesAndUndoPutsBackItsBytesAndMode() throws Exception {
        Path file = root.resolve("config/transmission/settings.conf");
        Files.createDirectories(file.getParent());
        String before = "# mine\nspeed-limit=50\nrpc-username=someone\n";
        Files.writeString(file, before);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
        ClientSettingsJob job = job(settings(file), Optional.of(new Owner(1234, 2345)));
        assertEquals(List.of("rpc-username", "rpc-password"), job.planned().getFirst().keys());
        assertTrue(job.planned().getFirst().sentence().endsWith("Berth sets rpc-username, rpc-password; your other settings stay"));

        job.execute(ctx);
        assertEquals("# mine\nspeed-limit=50\nrpc-username=admin\nrpc-password=" + SECRET + "\n", Files.readString(file));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals(1234, Files.getAttribute(file, "unix:uid", LinkOption.NOFOLLOW_LINKS));
        assertEquals(2345, Files.getAttribute(file, "unix:gid", LinkOption.NOFOLLOW_LINKS));

        job.undo(ctx);
        assertEquals(before, Files.readString(file));
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals(0, Files.getAttribute(file, "unix:uid", LinkOption.NOFOLLOW_LINKS));
    }

    @Test
    void thePreviewNamesTheKeysOfEachFileNeverTheirValues() throws Exception {
        Path file = root.resolve("config/transmission/settings.conf");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "rpc-username=admin\n");
        ClientSettingsJob job = job(settings(file), Optional.empty());
        // Only the jobs matter here: the sentences come from the settings job among them.
        DeployPreview preview = new DeployPreview(null, null, null, null, List.of(job), ComposeTool.PLUGIN, DeployOptions.DEFAULT);
        assertEquals(List.of("settings.conf (" + file + "): Berth sets rpc-password; your other settings stay"),
                preview.settingsSentences());
        assertFalse(job.planned().toString().contains(SECRET), job.planned().toString());
        assertEquals(List.of(), new DeployPreview(null, null, null, null, List.of(), ComposeTool.PLUGIN, DeployOptions.DEFAULT)
                .settingsSentences());
    }

    @Test
    void nothingToSetIsNotPlannedAndAStalePlanWritesNothing() throws Exception {
        Path file = root.resolve("config/transmission/settings.conf");
        ClientSettingsJob first = job(settings(file), Optional.empty());
        first.execute(ctx);
        assertEquals(List.of(), ClientSettingsJob.plan(target, List.of(settings(file)), List.of(SECRET)));

        // Made from the first plan: it reads the file again, finds every key set, and leaves it alone.
        ClientSettingsJob stale = new ClientSettingsJob(ComposeTool.PLUGIN, project, root.toString(), first.planned(),
                Optional.empty(), List.of(SECRET));
        Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.fromMillis(0));
        stale.execute(ctx);
        assertEquals(0, Files.getLastModifiedTime(file).toMillis(), "not rewritten");
        stale.undo(ctx);
        assertTrue(Files.exists(file), "undo of nothing removes nothing");
    }

    @Test
    void aBrokenFileIsRefusedByNameWithoutItsSecretAndNothingIsWritten() throws Exception {
        Path file = root.resolve("config/transmission/settings.conf");
        Files.createDirectories(file.getParent());
        String broken = "speed-limit=50\n" + SECRET + "\n";
        Files.writeString(file, broken);
        TargetException e = assertThrows(TargetException.class, () -> job(settings(file), Optional.empty()));
        assertTrue(e.getMessage().startsWith("Berth cannot read transmission's settings file " + file + " on "), e.getMessage());
        assertTrue(e.getMessage().contains("line 2 has no '='"), e.getMessage());
        assertTrue(e.getMessage().endsWith("Fix it (or move it away: Berth then writes a new one), then deploy again. Nothing was written."),
                e.getMessage());
        assertFalse(e.getMessage().contains(SECRET), e.getMessage());
        assertEquals(broken, Files.readString(file));

        Files.write(file, new byte[] {(byte) 0xff, (byte) 0xfe, 'x'});
        TargetException binary = assertThrows(TargetException.class, () -> job(settings(file), Optional.empty()));
        assertTrue(binary.getMessage().contains("it is not UTF-8 text. Fix it or move it away"), binary.getMessage());
    }
}
