package dev.berth.render.clients;

import java.util.Optional;

/** One settings file of one planned client: where it is, its format and what goes into it. */
record ClientSettingsFile(String service, String path, SettingsFormat format, String startFrom, ClientFacts facts)
        implements SettingsFile {

    @Override
    public SettingsMerge merge(Optional<String> existing) {
        return format.merge(existing, startFrom, facts);
    }

    @Override
    public String toString() {
        return "SettingsFile[" + service + ": " + path + "]"; // the facts hold secrets
    }
}
