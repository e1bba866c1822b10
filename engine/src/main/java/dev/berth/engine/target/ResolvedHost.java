package dev.berth.engine.target;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.sshd.client.config.hosts.ConfigFileHostEntryResolver;
import org.apache.sshd.client.config.hosts.HostConfigEntry;

/**
 * Where to actually connect, after the SSH config: a {@code Host} alias becomes its HostName,
 * Port, User and IdentityFile. What the person typed wins over the config, like ssh's options.
 *
 * @param keys        the keys to try, in order
 * @param keysChosen  true when the keys were named (destination or config), not the defaults
 * @param identitiesOnly the config's IdentitiesOnly: of the agent's keys, offer only the named ones
 */
record ResolvedHost(String alias, String hostName, int port, String user, List<Path> keys, boolean keysChosen,
                    boolean identitiesOnly) {
    static final int DEFAULT_PORT = 22;

    static ResolvedHost resolve(SshDestination dest, SshSettings settings) throws TargetException {
        HostConfigEntry entry = null;
        if (settings.configFile() != null && Files.isRegularFile(settings.configFile())) {
            try {
                entry = new ConfigFileHostEntryResolver(settings.configFile())
                        .resolveEffectiveHost(dest.host(), dest.port(), null, dest.user(), null, null);
            } catch (IOException | RuntimeException e) {
                throw new TargetException(TargetException.Reason.OTHER, "Cannot read the SSH config " + settings.configFile()
                        + ": " + e.getMessage() + ". Fix the file, or connect with the full host name.", e);
            }
        }
        if (entry != null && entry.getProxyJump() != null && !entry.getProxyJump().isBlank()
                && !entry.getProxyJump().equalsIgnoreCase("none")) {
            throw new TargetException(TargetException.Reason.OTHER, "The SSH config " + settings.configFile() + " reaches "
                    + dest.host() + " through ProxyJump " + entry.getProxyJump() + ", which Berth does not support yet."
                    + " Connect to an address Berth can reach directly.");
        }
        String host = entry != null && entry.getHostName() != null ? entry.getHostName() : dest.host();
        int port = dest.port() > 0 ? dest.port() : entry != null && entry.getPort() > 0 ? entry.getPort() : DEFAULT_PORT;
        String user = dest.user() != null ? dest.user()
                : entry != null && entry.getUsername() != null ? entry.getUsername() : System.getProperty("user.name");
        boolean only = entry != null && entry.isIdentitiesOnly();
        if (dest.keyFile() != null) {
            return new ResolvedHost(dest.host(), host, port, user, List.of(dest.keyFile()), true, only);
        }
        if (entry != null && entry.getIdentities() != null && !entry.getIdentities().isEmpty()) {
            return new ResolvedHost(dest.host(), host, port, user, entry.getIdentities().stream().map(Path::of).toList(),
                    true, only);
        }
        return new ResolvedHost(dest.host(), host, port, user, settings.defaultKeys(), false, only);
    }

    /** user@host:port as a person would write it; the alias too when it differs. */
    String describe() {
        String where = user + "@" + hostName + ":" + port;
        return alias.equals(hostName) ? where : alias + " (" + where + ")";
    }
}
