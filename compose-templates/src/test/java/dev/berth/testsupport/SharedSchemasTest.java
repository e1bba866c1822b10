package dev.berth.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/** The one decision every schema test takes when ../shared/schemas is not beside the clone. */
class SharedSchemasTest {
    private static final String WOULD_CHECK = "every example's compose.yaml against the Compose schema";

    @TempDir
    Path parent;

    @Test
    void aFreshCloneWithoutSharedSkipsNamingTheMissingFolderAndWhatWasNotChecked() {
        Path shared = parent.resolve("shared");

        TestAbortedException skipped = assertThrows(TestAbortedException.class,
                () -> SharedSchemas.require(shared, "compose-spec.json", WOULD_CHECK, false));

        String reason = skipped.getMessage();
        assertTrue(reason.startsWith(shared + " is missing"), reason);
        assertTrue(reason.contains(shared.resolve("schemas/compose-spec.json").toString()), reason);
        assertTrue(reason.contains("did not check " + WOULD_CHECK), reason);
    }

    @Test
    void underCiTheMissingFolderFailsTheTestWithTheSameReason() {
        Path shared = parent.resolve("shared");

        AssertionFailedError failed = assertThrows(AssertionFailedError.class,
                () -> SharedSchemas.require(shared, "compose-spec.json", WOULD_CHECK, true));

        assertTrue(failed.getMessage().startsWith(shared + " is missing"), failed.getMessage());
        assertTrue(failed.getMessage().contains("did not check " + WOULD_CHECK), failed.getMessage());
    }

    @Test
    void whenOnlyTheSchemaIsMissingTheReasonNamesTheSchema() throws IOException {
        Path shared = Files.createDirectories(parent.resolve("shared/schemas")).getParent();

        TestAbortedException skipped = assertThrows(TestAbortedException.class,
                () -> SharedSchemas.require(shared, "npm-v2.15.1", WOULD_CHECK, false));

        assertTrue(skipped.getMessage().startsWith(shared.resolve("schemas/npm-v2.15.1") + " is missing"), skipped.getMessage());
    }

    @Test
    void aPresentSchemaIsReturnedWhetherOrNotUnderCi() throws IOException {
        Path file = Files.createDirectories(parent.resolve("shared/schemas")).resolve("compose-spec.json");
        Files.writeString(file, "{}");

        assertEquals(file, SharedSchemas.require(parent.resolve("shared"), "compose-spec.json", WOULD_CHECK, false));
        assertEquals(file, SharedSchemas.require(parent.resolve("shared"), "compose-spec.json", WOULD_CHECK, true));
    }

    /** In this checkout the folder is there, so the schema tests really run here and in .ci/run. */
    @Test
    void theProjectsOwnCheckoutFindsTheSharedSchemas() {
        Path shared = RepoPaths.shared();
        if (!Files.isDirectory(shared)) {
            ExternalTool.skipOrFail(shared + " is missing: this is a clone without ../shared, which the tests above cover");
        }
        assertTrue(Files.isRegularFile(SharedSchemas.require("compose-spec.json", WOULD_CHECK)));
    }
}
