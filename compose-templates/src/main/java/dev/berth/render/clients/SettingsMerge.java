package dev.berth.render.clients;

import java.util.List;

/**
 * What merging Berth's keys into a settings file gives.
 *
 * @param content the whole file to write (holds secrets: written owner-only, never shown)
 * @param setKeys the keys whose value Berth adds or changes, by name only (a diff shows them, never their values); empty: leave the file alone
 */
public record SettingsMerge(String content, List<String> setKeys) {
    public SettingsMerge {
        setKeys = List.copyOf(setKeys);
    }

    public boolean changed() {
        return !setKeys.isEmpty();
    }

    @Override
    public String toString() {
        return "SettingsMerge[sets " + setKeys + "]"; // the content holds secrets
    }
}
