package dev.berth.engine.stack;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.answers.InvalidAnswersException;
import dev.berth.engine.target.LocalTarget;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A stack's berth.yaml that cannot be read is named with its place on the target, line and column. */
class StackStateAnswersTest {
    @TempDir
    Path dir;

    @Test
    void aBrokenBerthYamlIsNamedWithWhereItIs() throws Exception {
        Files.writeString(dir.resolve("berth.yaml"), "schemaVersion: 1\nstorage: {puid: 1000\n");
        try (LocalTarget target = new LocalTarget()) {
            InvalidAnswersException e = assertThrows(InvalidAnswersException.class, () -> StackState.load(target, dir.toString(), List.of()));
            String message = e.problems().getFirst().message();
            assertTrue(message.startsWith("not valid YAML at line 3, column 1 of " + dir.resolve("berth.yaml") + " on "
                    + target.description() + ": while parsing a flow mapping"), message);
        }
    }
}
