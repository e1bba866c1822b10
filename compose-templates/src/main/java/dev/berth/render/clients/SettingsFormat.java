package dev.berth.render.clients;

import java.util.Optional;

/**
 * One client's settings-file syntax: it sets Berth's keys in the file and keeps every other line.
 * Chosen by the name the catalog gives ({@code settingsFiles[].format}); see {@link ClientFormats}.
 */
interface SettingsFormat {
    /**
     * @param existing  the file on the target; empty when there is none yet
     * @param startFrom the text a missing file starts from (the image's own defaults); null: nothing
     */
    SettingsMerge merge(Optional<String> existing, String startFrom, ClientFacts facts);
}
