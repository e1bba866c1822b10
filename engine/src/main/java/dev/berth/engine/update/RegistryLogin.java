package dev.berth.engine.update;

/**
 * A user name and password (or access token) for one registry. Berth keeps none and reads no
 * Docker credential store: {@link UpdateFinder#registries()} asks anonymously, which every public
 * image allows; a login is only ever sent to the registry it was given for (and its token realm),
 * never across a redirect to another host.
 */
public record RegistryLogin(String user, String password) {
    @Override
    public String toString() {
        return "RegistryLogin[" + user + ", password hidden]";
    }
}
