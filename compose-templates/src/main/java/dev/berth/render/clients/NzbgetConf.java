package dev.berth.render.clients;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * NZBGet's {@code nzbget.conf} ({@code Key=Value}, keys read regardless of case): its folders in
 * TRaSH's usenet tree ({@code MainDir=/data/usenet}, finished downloads in {@code complete},
 * unfinished ones in {@code incomplete}), the web sign-in and port, and one category per *arr
 * library ({@code CategoryN.Name}, {@code CategoryN.DestDir}). A category of that name the person
 * already has keeps its number and its other options; a new one takes the next free number.
 */
final class NzbgetConf implements SettingsFormat {
    private static final Pattern CATEGORY_NAME = Pattern.compile("(?i)Category(\\d+)\\.Name");

    @Override
    public SettingsMerge merge(Optional<String> existing, String startFrom, ClientFacts facts) {
        IniLines ini = new IniLines(existing.orElse(startFrom == null ? "" : startFrom), "=", true);
        List<String> set = new ArrayList<>();
        String complete = facts.downloadFolder() + "/complete";
        put(ini, set, "MainDir", facts.downloadFolder());
        put(ini, set, "DestDir", complete);
        put(ini, set, "InterDir", facts.downloadFolder() + "/incomplete");
        put(ini, set, "ControlUsername", facts.username());
        put(ini, set, "ControlPassword", facts.password());
        put(ini, set, "ControlPort", Integer.toString(facts.webPort()));
        for (String category : facts.categories()) {
            int known = existingCategory(ini, category);
            int number = known > 0 ? known : highestCategory(ini) + 1;
            if (known == 0) { // NZBGet matches category names regardless of case: "TV" stays as the person wrote it
                put(ini, set, "Category" + number + ".Name", category);
            }
            put(ini, set, "Category" + number + ".DestDir", complete + "/" + category);
        }
        return new SettingsMerge(ini.text(), set);
    }

    /** The number of the category with this name, or 0 when there is none. */
    private static int existingCategory(IniLines ini, String category) {
        for (String key : ini.keys("")) {
            Matcher m = CATEGORY_NAME.matcher(key);
            if (m.matches() && ini.get("", key).orElse("").strip().equalsIgnoreCase(category)) {
                return Integer.parseInt(m.group(1));
            }
        }
        return 0;
    }

    private static int highestCategory(IniLines ini) {
        int highest = 0;
        for (String key : ini.keys("")) {
            Matcher m = CATEGORY_NAME.matcher(key);
            if (m.matches()) {
                highest = Math.max(highest, Integer.parseInt(m.group(1)));
            }
        }
        return highest;
    }

    private static void put(IniLines ini, List<String> set, String key, String value) {
        if (ini.set("", key, value)) {
            set.add(key);
        }
    }
}
