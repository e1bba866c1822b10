package dev.berth.engine.authelia;

import static dev.berth.engine.authelia.NotificationFiles.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.engine.SshdTestBase;
import dev.berth.engine.TestSshd;
import dev.berth.engine.target.SshTarget;
import dev.berth.engine.target.TargetException;
import dev.berth.plan.StackPlan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The notification file on a server over SSH, read as the SSH user. Authelia's entrypoint runs it
 * as PUID:PGID and it writes the file 0600, so the SSH user reads it when it is that user (or root).
 */
class NotificationFileSshTest extends SshdTestBase {
    private SshTarget target;
    private StackPlan plan;
    private Path file;

    @BeforeEach
    void connect() throws Exception {
        target = SshTarget.connect(sshd.withKey("ed25519"), sshd.settings(tmp));
        Path root = sshd.scratch();
        plan = NotificationFiles.plan(root);
        file = root.resolve("config/authelia/notification.txt");
        Files.createDirectories(file.getParent());
    }

    @AfterEach
    void disconnect() {
        target.close();
    }

    /** As Authelia leaves it: mode 0600, owned by the stack's PUID, here the SSH user. */
    private void writeAsAutheliaFor(String owner, byte[] content) throws Exception {
        Files.write(file, content);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        UserPrincipalLookupService users = file.getFileSystem().getUserPrincipalLookupService();
        Files.setOwner(file, users.lookupPrincipalByName(owner));
    }

    @Test
    void readsTheNewestCodeOverSsh() throws Exception {
        writeAsAutheliaFor(TestSshd.USER, NotificationFiles.concat(resource("notification-link.txt"), resource("notification-code.txt")));

        OneTimeLink link = NotificationFile.newest(target, plan).orElseThrow();

        assertEquals("K7WQ2MXA", link.code());
        assertEquals("\"Alice Example\" <alice@example.com>", link.recipient());
    }

    @Test
    void noFileYetIsEmpty() throws Exception {
        assertEquals(Optional.empty(), NotificationFile.newest(target, plan));
    }

    @Test
    void aFileOfAnotherUserIsAClearErrorThatSaysWhatToDo() throws Exception {
        writeAsAutheliaFor("root", resource("notification-code.txt"));

        TargetException e = assertThrows(TargetException.class, () -> NotificationFile.newest(target, plan));

        assertEquals(TargetException.Reason.FILE, e.reason());
        assertTrue(e.getMessage().startsWith("Cannot read Authelia's notification file " + file + " on " + target.description()),
                e.getMessage());
        assertTrue(e.getMessage().contains("readable only by its owner (user id 0, the stack's PUID; mode 0600)"), e.getMessage());
        assertTrue(e.getMessage().contains("Connect as that user or as root, or read it on the server with: sudo cat " + file),
                e.getMessage());
        assertFalse(e.getMessage().contains("K7WQ2MXA"), e.getMessage());
    }
}
