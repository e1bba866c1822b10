package dev.berth.render.clients;

import dev.berth.catalog.DownloadClientSpec;
import dev.berth.catalog.SettingsFileSpec;
import dev.berth.plan.MediaKinds;
import dev.berth.plan.Placement;
import dev.berth.plan.PlannedService;
import dev.berth.plan.PortForwarding;
import dev.berth.plan.StackPlan;
import java.util.ArrayList;
import java.util.List;

/** The settings files of the plan's download clients, made from the catalog's {@code downloadClient} sections. */
public final class ClientSettings {
    private ClientSettings() {
    }

    /** One or more per planned download client, in the plan's order. */
    public static List<SettingsFile> of(StackPlan plan) {
        // The same kinds the data tree has folders for under torrents/ and usenet/complete/.
        List<String> categories = MediaKinds.filed(plan.servicesInChosenOrder().stream().map(PlannedService::definition).toList());
        String domain = plan.answers().access().proxyEnabled() ? plan.answers().access().domain() : null;
        String forwardedTo = PortForwarding.of(plan).map(f -> f.client().name()).orElse(null);
        List<SettingsFile> files = new ArrayList<>();
        for (PlannedService service : plan.services()) {
            DownloadClientSpec client = service.definition().downloadClient();
            if (client == null || client.settingsFiles().isEmpty()) {
                continue;
            }
            ClientFacts facts = new ClientFacts(service.name(), service.webPort(), service.placement() == Placement.VPN, domain,
                    client.downloadFolder(), client.username(),
                    client.passwordSecret() == null ? null : plan.secrets().get(client.passwordSecret()),
                    service.definition().apiKey().map(key -> plan.secrets().get(key.secret())).orElse(null),
                    categories, service.name().equals(forwardedTo));
            String configFolder = configFolder(service);
            for (int i = 0; i < client.settingsFiles().size(); i++) {
                SettingsFileSpec spec = client.settingsFiles().get(i);
                files.add(new ClientSettingsFile(service.name(), configFolder + "/" + spec.path(),
                        ClientFormats.named(spec.format(), service.definition().id(), i), spec.startFrom(), facts));
            }
        }
        return List.copyOf(files);
    }

    /** The host folder mounted at /config (the catalog refuses settings files without one). */
    private static String configFolder(PlannedService service) {
        return service.hostFolder("/config").orElseThrow(() -> new IllegalStateException(service.name() + " has no /config mount"));
    }
}
