package dev.berth.answers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.testsupport.Examples;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PortOverridesEditTest {
    private static final String HEAD = """
            # My stack. Ports below were picked by hand.
            schemaVersion: 1
            projectName: media
            target: {kind: local}   # this computer
            storage:
              stackDir: /opt/berth
              dataRoot: /srv/data
              configRoot: /opt/berth/config
              puid: 1000
              pgid: 1000
              timeZone: "Europe/Berlin"
              hardwareTranscoding: false
            services: [jellyfin, sonarr, radarr]
            """;

    @Test
    void aFileWithoutTheSectionGetsItAtTheEndAndNothingElseChanges() throws Exception {
        String yaml = Files.readString(Examples.file("minimal-jellyfin"));
        String edited = PortOverridesEdit.apply(yaml, Map.of("jellyfin", 8097));
        assertEquals(yaml + "portOverrides:\n  jellyfin: 8097\n", edited);
        assertEquals(Map.of("jellyfin", 8097), AnswersFile.parse(edited).portOverrides());
    }

    @Test
    void aListedPortChangesInPlaceKeepingItsCommentAndNewOnesGoUnderTheOthers() {
        String yaml = HEAD + """
                portOverrides:
                    # Sonarr's default clashes with my old install
                    sonarr: 9989   # keep
                    jellyfin: 8096
                # the end
                """;
        String edited = PortOverridesEdit.apply(yaml, Map.of("jellyfin", 8097, "radarr", 7879));
        assertEquals(HEAD + """
                portOverrides:
                    # Sonarr's default clashes with my old install
                    sonarr: 9989   # keep
                    jellyfin: 8097
                    radarr: 7879
                # the end
                """, edited);
    }

    @Test
    void aFlowOrEmptySectionBecomesOneFlowMappingWithTheOldAndNewPorts() {
        assertEquals(HEAD + "portOverrides: {jellyfin: 8097, sonarr: 9989} # mine\n",
                PortOverridesEdit.apply(HEAD + "portOverrides: {sonarr: 9989} # mine\n", Map.of("jellyfin", 8097)));
        assertEquals(HEAD + "portOverrides: {jellyfin: 8097}\nmedia: {}\n",
                PortOverridesEdit.apply(HEAD + "portOverrides:\nmedia: {}\n", Map.of("jellyfin", 8097)));
        assertEquals(HEAD + "portOverrides: {jellyfin: 8097}\n",
                PortOverridesEdit.apply(HEAD + "portOverrides: {}\n", Map.of("jellyfin", 8097)));
    }

    @Test
    void aCommentWithWideCharactersBeforeThePortDoesNotShiftTheEdit() {
        String yaml = "# Ports 🎬🎞️ for the family\n" + HEAD.lines().skip(1).map(l -> l + "\n").reduce("", String::concat)
                + "portOverrides:\n  jellyfin: 8096 # 📺\n";
        String edited = PortOverridesEdit.apply(yaml, Map.of("jellyfin", 18097));
        assertEquals(yaml.replace("8096 #", "18097 #"), edited);
    }

    @Test
    void aFileThatIsNotValidAnswersIsNotTouched() {
        assertThrows(InvalidAnswersException.class, () -> PortOverridesEdit.apply("schemaVersion: [\n", Map.of("jellyfin", 8097)));
    }

    @Test
    void theFileIsReplacedWholeAndKeepsItsPermissions(@TempDir Path tmp) throws Exception {
        Path file = Files.writeString(tmp.resolve("berth.yaml"), HEAD);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        PortOverridesEdit.apply(file, Map.of("sonarr", 8990));
        assertEquals(HEAD + "portOverrides:\n  sonarr: 8990\n", Files.readString(file));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        try (var left = Files.list(tmp)) {
            assertEquals(1, left.count(), "no temporary file is left beside it");
        }
        assertTrue(AnswersFile.read(file).portOverrides().containsKey("sonarr"));
    }

    @Test
    void aLinkedFileIsEditedWhereItIsAndTheLinkStays(@TempDir Path tmp) throws Exception {
        Path real = Files.writeString(Files.createDirectories(tmp.resolve("dotfiles")).resolve("berth.yaml"), HEAD);
        Path link = Files.createSymbolicLink(tmp.resolve("berth.yaml"), real);
        PortOverridesEdit.apply(link, Map.of("jellyfin", 8097));
        assertTrue(Files.isSymbolicLink(link));
        assertEquals(HEAD + "portOverrides:\n  jellyfin: 8097\n", Files.readString(real));
    }
}
