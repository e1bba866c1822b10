package dev.berth.wizardsteps.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.wizardsteps.review.ReviewedFile.Change;
import java.util.List;
import org.junit.jupiter.api.Test;

class FileTreeTest {
    @Test
    void foldersComeFirstAndFilesKeepTheOrderTheyAreGeneratedIn() {
        List<ReviewedFile> files = List.of(new ReviewedFile("compose.yaml", Change.NEW, false),
                new ReviewedFile(".env", Change.NEW, false),
                new ReviewedFile("secrets/b", Change.NEW, true),
                new ReviewedFile("config/authelia/configuration.yml", Change.CHANGED, false),
                new ReviewedFile("secrets/a", Change.KEPT, true));
        FileTree tree = FileTree.of("/opt/berth", files);
        assertEquals("/opt/berth", tree.name());
        assertTrue(tree.folder());
        assertEquals(List.of("secrets", "config", "compose.yaml", ".env"), tree.children().stream().map(FileTree::name).toList());
        assertEquals(List.of("b", "a"), tree.children().get(0).children().stream().map(FileTree::name).toList());
        FileTree authelia = tree.children().get(1).children().getFirst();
        assertEquals("authelia", authelia.name());
        assertEquals("config/authelia/configuration.yml", authelia.children().getFirst().file().path());
    }
}
