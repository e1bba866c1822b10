package dev.berth.render.clients;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * qBittorrent's {@code categories.json} (since 4.4 beside qBittorrent.conf): one category per
 * *arr library, saving to {@code /data/torrents/<category>}. The person's other categories and
 * any other option of Berth's ones (a download path) are kept.
 */
final class QbittorrentCategories implements SettingsFormat {
    @Override
    public SettingsMerge merge(Optional<String> existing, String startFrom, ClientFacts facts) {
        ObjectNode root = JsonSettings.read(existing.orElse(startFrom == null ? "" : startFrom), "qBittorrent's categories.json");
        List<String> set = new ArrayList<>();
        for (String category : facts.categories()) {
            String savePath = facts.downloadFolder() + "/" + category;
            JsonNode options = root.get(category);
            if (options instanceof ObjectNode object) {
                if (!savePath.equals(object.path("save_path").asText(null))) {
                    object.put("save_path", savePath);
                    set.add(category + ".save_path");
                }
            } else {
                root.putObject(category).put("save_path", savePath);
                set.add(category);
            }
        }
        return new SettingsMerge(set.isEmpty() && existing.isPresent() ? existing.get() : JsonSettings.write(root), set);
    }
}
