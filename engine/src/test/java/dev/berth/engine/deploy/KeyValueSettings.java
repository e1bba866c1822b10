package dev.berth.engine.deploy;

import dev.berth.render.clients.SettingsFile;
import dev.berth.render.clients.SettingsMerge;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A settings file of {@code key=value} lines, as a fixture for the job that writes download
 * clients' settings files (the real formats are the render module's): Berth's keys are set in
 * place or appended, every other line stays, and a line without {@code =} is a file the job must
 * refuse to touch.
 */
record KeyValueSettings(String service, String path, Map<String, String> owned) implements SettingsFile {
    KeyValueSettings {
        owned = new LinkedHashMap<>(owned);
    }

    @Override
    public SettingsMerge merge(Optional<String> existing) {
        List<String> lines = new ArrayList<>(existing.map(s -> s.lines().toList()).orElse(List.of()));
        List<String> set = new ArrayList<>();
        Map<String, String> missing = new LinkedHashMap<>(owned);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("line " + (i + 1) + " has no '=': " + line);
            }
            String key = line.substring(0, eq);
            if (missing.containsKey(key)) {
                String want = missing.remove(key);
                if (!line.substring(eq + 1).equals(want)) {
                    lines.set(i, key + "=" + want);
                    set.add(key);
                }
            }
        }
        missing.forEach((k, v) -> {
            lines.add(k + "=" + v);
            set.add(k);
        });
        return new SettingsMerge(String.join("\n", lines) + "\n", set);
    }
}
