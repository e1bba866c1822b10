package dev.berth.render;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Grafana provisioning: Prometheus as the data source and Berth's overview dashboard. */
final class GrafanaConfig {
    private GrafanaConfig() {
    }

    static void render(Map<String, RenderedFile> out) {
        Map<String, Object> ds = new LinkedHashMap<>();
        ds.put("name", "Prometheus");
        ds.put("uid", "prometheus");
        ds.put("type", "prometheus");
        ds.put("access", "proxy");
        ds.put("url", "http://prometheus:9090");
        ds.put("isDefault", true);
        ds.put("editable", false);
        out.put("config/grafana/provisioning/datasources/prometheus.yml",
                RenderedFile.text(Yaml.dump(Yaml.map("apiVersion", 1, "datasources", List.of(ds)))));

        Map<String, Object> provider = new LinkedHashMap<>();
        provider.put("name", "berth");
        provider.put("orgId", 1);
        provider.put("folder", "Berth");
        provider.put("type", "file");
        provider.put("disableDeletion", false);
        provider.put("updateIntervalSeconds", 60);
        provider.put("allowUiUpdates", true);
        provider.put("options", Map.of("path", "/var/lib/grafana/dashboards"));
        out.put("config/grafana/provisioning/dashboards/berth.yml",
                RenderedFile.text(Yaml.dump(Yaml.map("apiVersion", 1, "providers", List.of(provider)))));
        out.put("config/grafana/dashboards/berth-overview.json", RenderedFile.text(Resources.text("grafana/berth-overview.json")));
    }
}
