package dev.berth.engine.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.render.HostShare;
import dev.berth.testsupport.TwoHostStacks;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The data tree is made only on the storage host of a multi-host stack; every host gets its apps' config folders. */
class CreateDataDirectoriesSharesTest {
    private final List<HostShare> shares = TwoHostStacks.split();

    @Test
    void onlyTheStorageHostGetsTheDataTree() {
        String dataRoot = TwoHostStacks.answers().storage().dataRoot();
        CreateDataDirectoriesJob nas = new CreateDataDirectoriesJob(share(TwoHostStacks.NAS).plan(), Optional.empty());
        CreateDataDirectoriesJob pc = new CreateDataDirectoriesJob(share(TwoHostStacks.PC).plan(), Optional.empty());

        assertTrue(nas.folders().contains(dataRoot), nas.folders()::toString);
        assertTrue(nas.folders().stream().anyMatch(f -> f.startsWith(dataRoot + "/")), nas.folders()::toString);
        assertEquals(List.of(), pc.folders().stream().filter(f -> f.equals(dataRoot) || f.startsWith(dataRoot + "/")).toList());
        assertTrue(pc.folders().stream().anyMatch(f -> f.endsWith("/jellyfin")), pc.folders()::toString);
        assertTrue(pc.description().startsWith("Create the app folders under "), pc.description());
    }

    /**
     * The storage host's share lists the whole stack's tree, of the kinds the *arr apps on any host
     * file: Jellyfin on pc still finds Lidarr's music, filed on nas.
     */
    @Test
    void theStorageHostGetsTheWholeStacksTreeOfTheChosenKinds() {
        String dataRoot = TwoHostStacks.answers().storage().dataRoot();
        List<String> planned = share(TwoHostStacks.NAS).plan().dataDirectories();
        assertEquals(TwoHostStacks.whole().plan().dataDirectories(), planned);
        assertTrue(planned.containsAll(List.of("media/movies", "media/tv", "media/music", "torrents/music", "usenet/complete/music")),
                planned::toString);
        assertTrue(planned.stream().noneMatch(d -> d.endsWith("books")), planned::toString);
        CreateDataDirectoriesJob nas = new CreateDataDirectoriesJob(share(TwoHostStacks.NAS).plan(), Optional.empty());
        assertEquals(planned.stream().map(d -> dataRoot + "/" + d).toList(),
                nas.folders().stream().filter(f -> f.startsWith(dataRoot + "/")).toList());
    }

    private HostShare share(String host) {
        return shares.stream().filter(s -> s.host().equals(host)).findFirst().orElseThrow();
    }
}
