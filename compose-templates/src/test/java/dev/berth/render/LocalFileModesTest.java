package dev.berth.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import dev.berth.testsupport.Examples;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.AclEntry;
import java.nio.file.attribute.AclEntryFlag;
import java.nio.file.attribute.AclEntryPermission;
import java.nio.file.attribute.AclEntryType;
import java.nio.file.attribute.AclFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Exporting a stack from a Windows or macOS desktop: the real {@link FolderExport} onto file
 * systems that are not Linux's — Windows-like (access lists, no POSIX permissions), one with
 * neither (a FAT stick), and a POSIX one for comparison.
 */
class LocalFileModesTest {
    private static final RenderedStack STACK = Examples.render("full-wireguard");

    /** NTFS as Java sees it, every file starting with an entry inherited from its folder that lets Everyone read. */
    private static FileSystem windows() throws IOException {
        UserPrincipal everyone;
        try (FileSystem any = Jimfs.newFileSystem(Configuration.windows())) {
            everyone = any.getUserPrincipalLookupService().lookupPrincipalByName("Everyone");
        }
        AclEntry inherited = AclEntry.newBuilder().setType(AclEntryType.ALLOW).setPrincipal(everyone)
                .setPermissions(AclEntryPermission.READ_DATA).setFlags(AclEntryFlag.FILE_INHERIT).build();
        return Jimfs.newFileSystem(Configuration.windows().toBuilder()
                .setAttributeViews("basic", "owner", "acl", "dos")
                .setDefaultAttributeValue("acl:acl", List.of(inherited))
                .build());
    }

    @Test
    void onWindowsSecretsAreTheOwnersAloneThroughOneAllowEntryAndTheRestKeepTheFoldersEntries() throws IOException {
        try (FileSystem fs = windows()) {
            Path dir = fs.getPath("C:\\Users\\ada\\berth-export");
            Optional<String> note = FolderExport.write(STACK, dir);

            assertEquals(Optional.empty(), note, "access lists keep the secrets private: nothing to tell");
            int secrets = 0;
            for (Map.Entry<String, RenderedFile> e : STACK.files().entrySet()) {
                Path file = dir.resolve(e.getKey().replace('/', '\\'));
                assertArrayEquals(e.getValue().content(), Files.readAllBytes(file), e.getKey());
                List<AclEntry> acl = Files.getFileAttributeView(file, AclFileAttributeView.class).getAcl();
                if (LocalFileModes.ownerOnly(e.getValue().mode())) {
                    secrets++;
                    assertEquals(1, acl.size(), e.getKey() + ": " + acl);
                    AclEntry only = acl.getFirst();
                    assertEquals(AclEntryType.ALLOW, only.type());
                    assertEquals(Files.getOwner(file), only.principal(), e.getKey());
                    assertEquals(Set.of(), only.flags(), "a file passes nothing on");
                    assertTrue(only.permissions().containsAll(Set.of(AclEntryPermission.READ_DATA, AclEntryPermission.WRITE_DATA,
                            AclEntryPermission.DELETE, AclEntryPermission.WRITE_ACL)), only.permissions().toString());
                    assertFalse(only.permissions().contains(AclEntryPermission.EXECUTE), e.getKey() + " is no program");
                } else {
                    assertEquals("Everyone", acl.getFirst().principal().getName(), e.getKey() + " keeps the folder's entries");
                }
            }
            assertTrue(secrets >= 5, "the example has secrets: " + secrets);
        }
    }

    @Test
    void writingAgainOverAnExistingSecretMakesItAnewOwnerOnly() throws IOException {
        try (FileSystem fs = windows()) {
            Path dir = fs.getPath("C:\\export");
            Files.createDirectories(dir);
            Path file = dir.resolve("token");
            Files.writeString(file, "old, readable by Everyone");
            LocalFileModes.of(dir).write(file, "new".getBytes(StandardCharsets.UTF_8), 0600);

            List<AclEntry> acl = Files.getFileAttributeView(file, AclFileAttributeView.class).getAcl();
            assertEquals(1, acl.size(), acl.toString());
            assertEquals(Files.getOwner(file), acl.getFirst().principal());
            assertEquals("new", Files.readString(file));
        }
    }

    @Test
    void anOwnerOnlyProgramMayBeRunAndAReadOnlyFileNotWritten() throws IOException {
        try (FileSystem fs = windows()) {
            Path dir = fs.getPath("C:\\export");
            Files.createDirectories(dir);
            LocalFileModes modes = LocalFileModes.of(dir);
            modes.write(dir.resolve("run.sh"), "#!/bin/sh\n".getBytes(StandardCharsets.UTF_8), 0700);
            modes.write(dir.resolve("key"), "k".getBytes(StandardCharsets.UTF_8), 0400);

            Set<AclEntryPermission> program = Files.getFileAttributeView(dir.resolve("run.sh"), AclFileAttributeView.class)
                    .getAcl().getFirst().permissions();
            Set<AclEntryPermission> readOnly = Files.getFileAttributeView(dir.resolve("key"), AclFileAttributeView.class)
                    .getAcl().getFirst().permissions();
            assertTrue(program.contains(AclEntryPermission.EXECUTE), program.toString());
            assertTrue(readOnly.contains(AclEntryPermission.READ_DATA) && !readOnly.contains(AclEntryPermission.WRITE_DATA),
                    readOnly.toString());
            assertEquals("k", Files.readString(dir.resolve("key")), "written before it was made read-only");
        }
    }

    @Test
    void onAFileSystemWithoutPermissionsOrAccessListsTheFilesAreWrittenAndOneNoteSaysTheyAreNotPrivate() throws IOException {
        try (FileSystem fs = Jimfs.newFileSystem(Configuration.windows().toBuilder().setRoots("E:\\").setWorkingDirectory("E:\\").setAttributeViews("basic", "dos").build())) {
            Path dir = fs.getPath("E:\\berth");
            Optional<String> note = FolderExport.write(STACK, dir);

            assertTrue(note.isPresent(), "the person is told once");
            assertTrue(note.get().startsWith("The files in E:\\berth are not restricted to you"), note.get());
            assertTrue(note.get().contains("passwords and keys"), note.get());
            for (Map.Entry<String, RenderedFile> e : STACK.files().entrySet()) {
                assertArrayEquals(e.getValue().content(), Files.readAllBytes(dir.resolve(e.getKey().replace('/', '\\'))), e.getKey());
            }
        }
    }

    @Test
    void aStackWithoutSecretsNeedsNoNoteEvenThere() throws IOException {
        try (FileSystem fs = Jimfs.newFileSystem(Configuration.windows().toBuilder().setRoots("E:\\").setWorkingDirectory("E:\\").setAttributeViews("basic").build())) {
            RenderedStack plain = new RenderedStack(Map.of("compose.yaml", STACK.files().get("compose.yaml")));
            assertEquals(Optional.empty(), FolderExport.write(plain, fs.getPath("E:\\plain")));
        }
    }

    @Test
    void onPosixFileSystemsEachFileHasItsMode() throws IOException {
        try (FileSystem fs = Jimfs.newFileSystem(Configuration.osX().toBuilder().setAttributeViews("basic", "owner", "posix", "unix").build())) {
            Path dir = fs.getPath("/Users/ada/export");
            assertEquals(Optional.empty(), FolderExport.write(STACK, dir));
            for (Map.Entry<String, RenderedFile> e : STACK.files().entrySet()) {
                assertEquals(PosixFilePermissions.toString(LocalFileModes.posix(e.getValue().mode())),
                        PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(e.getKey()))), e.getKey());
            }
        }
    }

    @Test
    void everyGeneratedFileEndsLinesWithLineFeedsWhateverTheDesktop() {
        // The files go to a Linux server: a carriage return would reach compose.yaml, scripts and .env.
        for (String example : Examples.names()) {
            Examples.render(example).files().forEach((path, f) -> assertFalse(
                    new String(f.content(), StandardCharsets.UTF_8).contains("\r"), example + ": " + path + " holds a carriage return"));
        }
    }
}
