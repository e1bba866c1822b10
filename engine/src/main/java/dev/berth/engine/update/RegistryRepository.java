package dev.berth.engine.update;

import java.util.Locale;

/**
 * Where an image's repository lives: the registry host Berth asks and the repository's name there.
 * {@code lscr.io/linuxserver/sonarr} is {@code linuxserver/sonarr} on {@code lscr.io}; Docker Hub's
 * {@code qmcgaw/gluetun} is on {@code registry-1.docker.io}, and an official image such as
 * {@code redis} is {@code library/redis} there, as Docker names them.
 *
 * @param host registry host, with a port when it has one ({@code 127.0.0.1:5000})
 * @param name repository name on that registry
 */
public record RegistryRepository(String host, String name) {
    static final String DOCKER_HUB = "registry-1.docker.io";

    /** Splits an image repository the way Docker does: a first part with a dot, a colon or {@code localhost} is a registry. */
    public static RegistryRepository of(String repository) {
        int slash = repository.indexOf('/');
        String first = slash < 0 ? "" : repository.substring(0, slash);
        if (slash > 0 && (first.contains(".") || first.contains(":") || first.equals("localhost"))) {
            String host = first.equals("docker.io") || first.equals("index.docker.io") ? DOCKER_HUB : first;
            String name = repository.substring(slash + 1);
            return new RegistryRepository(host, host.equals(DOCKER_HUB) && !name.contains("/") ? "library/" + name : name);
        }
        return new RegistryRepository(DOCKER_HUB, slash < 0 ? "library/" + repository : repository);
    }

    /**
     * Plain http for a registry on this machine (127.0.0.0/8, localhost, [::1]), like Docker, which
     * treats those as insecure registries; https for every other.
     */
    public String scheme() {
        String h = host.toLowerCase(Locale.ROOT);
        String bare = h.startsWith("[") ? h.substring(0, h.indexOf(']') + 1) : h.contains(":") ? h.substring(0, h.indexOf(':')) : h;
        boolean loopback = bare.equals("localhost") || bare.startsWith("127.") || bare.equals("[::1]");
        return loopback ? "http" : "https";
    }

    /** The name a person knows the registry by, for sentences: Docker Hub rather than registry-1.docker.io. */
    public String registryName() {
        return host.equals(DOCKER_HUB) ? "Docker Hub" : host;
    }
}
