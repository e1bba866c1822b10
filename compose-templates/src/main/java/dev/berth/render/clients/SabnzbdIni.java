package dev.berth.render.clients;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * SABnzbd's {@code sabnzbd.ini} (ConfigObj: {@code key = value}, {@code [categories]} holding
 * {@code [[tv]]}): the API key, the port, the host names it answers to, its folders under
 * {@code /data/usenet} and one category per *arr library. SABnzbd refuses any host name not in
 * {@code host_whitelist} ("Hostname verification failed"), so Berth adds every name it is reached
 * by and keeps the person's.
 */
final class SabnzbdIni implements SettingsFormat {
    private static final String MISC = "misc";

    @Override
    public SettingsMerge merge(Optional<String> existing, String startFrom, ClientFacts facts) {
        IniLines ini = new IniLines(existing.orElse(startFrom == null ? "" : startFrom), " = ", false);
        List<String> set = new ArrayList<>();
        put(ini, set, MISC, "api_key", facts.apiKey());
        put(ini, set, MISC, "port", Integer.toString(facts.webPort()));
        Set<String> hosts = new LinkedHashSet<>();
        for (String name : ini.get(MISC, "host_whitelist").orElse("").split(",")) {
            if (!name.isBlank()) {
                hosts.add(name.strip());
            }
        }
        if (hosts.addAll(facts.hostNames())) {
            // ConfigObj's list syntax: a single item ends with a comma, or it would be read as a plain string.
            put(ini, set, MISC, "host_whitelist", String.join(", ", hosts) + (hosts.size() == 1 ? "," : ""));
        }
        put(ini, set, MISC, "download_dir", facts.downloadFolder() + "/incomplete");
        put(ini, set, MISC, "complete_dir", facts.downloadFolder() + "/complete");
        for (String category : facts.categories()) {
            String section = "categories/" + category;
            put(ini, set, section, "name", category);
            put(ini, set, section, "dir", facts.downloadFolder() + "/complete/" + category);
        }
        return new SettingsMerge(ini.text(), set);
    }

    private static void put(IniLines ini, List<String> set, String section, String key, String value) {
        if (ini.set(section, key, value)) {
            int slash = section.indexOf('/');
            String where = slash < 0 ? "[" + section + "]" : "[" + section.substring(0, slash) + "][[" + section.substring(slash + 1) + "]]";
            set.add(where + " " + key);
        }
    }
}
