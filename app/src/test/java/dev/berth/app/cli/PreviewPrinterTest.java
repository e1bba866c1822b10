package dev.berth.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.berth.engine.deploy.ClientSettingsJob;
import dev.berth.engine.ComposeTool;
import dev.berth.engine.deploy.DeployOptions;
import dev.berth.engine.deploy.DeployPreview;
import dev.berth.render.clients.SettingsFile;
import dev.berth.render.clients.SettingsMerge;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What {@code berth diff} and {@code berth deploy} print before the file diff. */
class PreviewPrinterTest {
    private static final String PATH = "/opt/berth/config/qbittorrent/qBittorrent/qBittorrent.conf";

    private static final SettingsFile QBITTORRENT = new SettingsFile() {
        @Override
        public String service() {
            return "qbittorrent";
        }

        @Override
        public String path() {
            return PATH;
        }

        @Override
        public SettingsMerge merge(Optional<String> existing) {
            throw new AssertionError("the printer only reads what the preview planned");
        }
    };

    @Test
    void theKeysBerthSetsInEachDownloadClientFileAreListedByNameAfterTheServices() {
        var planned = new ClientSettingsJob.Planned(QBITTORRENT, List.of("WebUI\\Username", "WebUI\\Password_PBKDF2",
                "Session\\DefaultSavePath"), false);
        var job = new ClientSettingsJob(ComposeTool.PLUGIN, "media", "/opt/berth", List.of(planned), Optional.empty(), List.of());
        // printChanges reads the services, the jobs and the root moves; no folder or plan is needed.
        DeployPreview preview = new DeployPreview(null, null, null, null, List.of(job), ComposeTool.PLUGIN, DeployOptions.DEFAULT);
        StringWriter out = new StringWriter();
        PreviewPrinter.printChanges(preview, new PrintWriter(out, true));
        assertEquals("""
                Services: nothing changes; every container stays as it is.
                Download clients' settings files:
                  qBittorrent.conf (%s): Berth sets WebUI\\Username, WebUI\\Password_PBKDF2, Session\\DefaultSavePath; \
                your other settings stay

                """.formatted(PATH), out.toString());
    }
}
