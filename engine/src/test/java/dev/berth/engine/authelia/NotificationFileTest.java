package dev.berth.engine.authelia;

import static dev.berth.engine.authelia.NotificationFiles.concat;
import static dev.berth.engine.authelia.NotificationFiles.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.engine.target.LocalTarget;
import dev.berth.plan.StackPlan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Authelia's notification file on this computer, with the bytes Authelia 4.39 writes (see {@link NotificationFiles}). */
class NotificationFileTest {
    @TempDir
    Path tmp;
    private LocalTarget target;
    private StackPlan plan;
    private Path file;

    @BeforeEach
    void setUp() throws Exception {
        target = new LocalTarget();
        plan = NotificationFiles.plan(tmp);
        file = tmp.resolve("config/authelia/notification.txt");
        Files.createDirectories(file.getParent());
    }

    @AfterEach
    void tearDown() {
        target.close();
    }

    @Test
    void theFileIsInAutheliasConfigFolder() {
        assertEquals(Optional.of(file.toString()), NotificationFile.path(plan));
    }

    @Test
    void registeringADeviceGivesTheCodeForThePromptAndThePortal() throws Exception {
        Files.write(file, resource("notification-code.txt"));

        OneTimeLink link = NotificationFile.newest(target, plan).orElseThrow();

        assertTrue(link.isCode());
        assertEquals("K7WQ2MXA", link.code());
        assertEquals("https://auth.example.com", link.url());
        assertEquals("\"Alice Example\" <alice@example.com>", link.recipient());
        assertEquals("Confirm your identity", link.subject());
        assertEquals(Instant.parse("2026-12-05T09:02:03.512345678Z"), link.sent());
    }

    @Test
    void aPasswordResetGivesItsLinkExactlyAsWritten() throws Exception {
        Files.write(file, resource("notification-link.txt"));

        OneTimeLink link = NotificationFile.newest(target, plan).orElseThrow();

        assertFalse(link.isCode());
        assertEquals("https://auth.example.com/reset-password/step2?token="
                + "eyJhbGciOiJIUzI1NiJ9.eyJhY3Rpb24iOiJSZXNldFBhc3N3b3JkIn0.c2lnbmF0dXJl", link.url());
        assertEquals("\"Bob\" <bob@example.com>", link.recipient());
        assertEquals("Reset your password", link.subject());
        assertEquals(Instant.parse("2026-12-05T09:58:41Z"), link.sent());
    }

    @Test
    void ofSeveralNotificationsTheLastIsTheNewest() throws Exception {
        Files.write(file, concat(resource("notification-link.txt"), resource("notification-code.txt")));

        assertEquals("K7WQ2MXA", NotificationFile.newest(target, plan).orElseThrow().code());

        Files.write(file, concat(resource("notification-code.txt"), resource("notification-link.txt")));

        assertEquals("Reset your password", NotificationFile.newest(target, plan).orElseThrow().subject());
    }

    @Test
    void aNewestNotificationWithoutCodeOrLinkLeavesNothingToShow() throws Exception {
        Files.write(file, concat(resource("notification-code.txt"), resource("notification-event.txt")));

        assertEquals(Optional.empty(), NotificationFile.newest(target, plan));
    }

    @Test
    void noFileOrTheEmptyFileAutheliaLeavesAtStartIsNothingYet() throws Exception {
        assertEquals(Optional.empty(), NotificationFile.newest(target, plan));

        Files.write(file, new byte[0]);

        assertEquals(Optional.empty(), NotificationFile.newest(target, plan));
    }

    @Test
    void withAMailServerAFileLeftFromBeforeIsNotShown() throws Exception {
        StackPlan mailing = NotificationFiles.withSmtp(tmp);
        Files.write(file, resource("notification-code.txt"));

        assertEquals(Optional.empty(), NotificationFile.newest(target, mailing));
    }

    @Test
    void theLinkIsNeverInItsDescription() throws Exception {
        Files.write(file, resource("notification-code.txt"));

        OneTimeLink link = NotificationFile.newest(target, plan).orElseThrow();

        assertFalse(link.toString().contains("K7WQ2MXA"), link.toString());
        assertFalse(link.toString().contains("https://"), link.toString());
    }
}
