package dev.berth.engine.wire;

import dev.berth.catalog.ApiKey;
import dev.berth.catalog.ApiSpec;
import dev.berth.catalog.Catalog;
import dev.berth.catalog.DownloadClientSpec;
import dev.berth.catalog.GeneratedPassword;
import dev.berth.catalog.ServiceDefinition;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;

/**
 * The built-in catalog with the download-client facts of qBittorrent and SABnzbd that their YAML
 * files get in the same issue (a sign-in password kept in secrets/, SABnzbd's API key), so the
 * wiring of the full example can be tested before those files carry them. When the built-in
 * files have a {@code downloadClient} section, it is used as it is.
 */
public final class ClientFactsCatalog {
    private ClientFactsCatalog() {
    }

    public static Catalog get() {
        List<ServiceDefinition> all = new ArrayList<>();
        for (ServiceDefinition def : Catalog.builtIn().all()) {
            if (def.downloadClient() != null) {
                all.add(def);
            } else if (def.id().equals("qbittorrent")) {
                all.add(with(def, "passwords", List.of(new GeneratedPassword("qbittorrent_password", null)),
                        "downloadClient", new DownloadClientSpec("QBittorrent", "torrent", "admin", "qbittorrent_password", null)));
            } else if (def.id().equals("sabnzbd")) {
                all.add(with(def, "api", new ApiSpec(new ApiKey("sabnzbd_api_key", "FILE__SABNZBD_API_KEY"), null, List.of()),
                        "downloadClient", new DownloadClientSpec("Sabnzbd", "usenet", null, null, null)));
            } else {
                all.add(def);
            }
        }
        return new Catalog(all);
    }

    /** {@code def} with two components replaced, by name. */
    private static ServiceDefinition with(ServiceDefinition def, String name1, Object value1, String name2, Object value2) {
        try {
            RecordComponent[] components = ServiceDefinition.class.getRecordComponents();
            Object[] args = new Object[components.length];
            Class<?>[] types = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                String n = components[i].getName();
                types[i] = components[i].getType();
                args[i] = n.equals(name1) ? value1 : n.equals(name2) ? value2 : components[i].getAccessor().invoke(def);
            }
            return ServiceDefinition.class.getDeclaredConstructor(types).newInstance(args);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
