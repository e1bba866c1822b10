package dev.berth.engine.target;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Where SSH's files are and how long to wait. The paths are settings, not constants, so tests
 * (and a person with an unusual setup) can point them elsewhere.
 *
 * @param configFile   the OpenSSH client config with Host aliases; need not exist
 * @param knownHosts   the known_hosts file checked and appended to
 * @param defaultKeys  keys tried when neither the destination nor the config names one
 * @param connectTimeout for the TCP connection
 * @param authTimeout  for the key exchange and login, not counting time the person spends in prompts
 * @param heartbeat    how often to check the connection is alive; three missed answers close it
 * @param agent        the ssh-agent whose keys are offered first; null for none
 */
public record SshSettings(Path configFile, Path knownHosts, List<Path> defaultKeys, Duration connectTimeout,
                          Duration authTimeout, Duration heartbeat, AgentSocket agent) {
    public SshSettings {
        defaultKeys = List.copyOf(defaultKeys);
    }

    /** ~/.ssh's files, and the agent named by this process's environment (read here, once). */
    public static SshSettings defaults() {
        Path ssh = Path.of(System.getProperty("user.home"), ".ssh");
        return new SshSettings(ssh.resolve("config"), ssh.resolve("known_hosts"),
                List.of(ssh.resolve("id_ed25519"), ssh.resolve("id_ecdsa"), ssh.resolve("id_rsa")),
                Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(15),
                AgentSocket.fromEnvironment(System.getenv(), System.getProperty("os.name", "")).orElse(null));
    }

    public SshSettings withConfigFile(Path file) {
        return new SshSettings(file, knownHosts, defaultKeys, connectTimeout, authTimeout, heartbeat, agent);
    }

    public SshSettings withKnownHosts(Path file) {
        return new SshSettings(configFile, file, defaultKeys, connectTimeout, authTimeout, heartbeat, agent);
    }

    public SshSettings withDefaultKeys(List<Path> keys) {
        return new SshSettings(configFile, knownHosts, keys, connectTimeout, authTimeout, heartbeat, agent);
    }

    public SshSettings withTimeouts(Duration connect, Duration auth) {
        return new SshSettings(configFile, knownHosts, defaultKeys, connect, auth, heartbeat, agent);
    }

    public SshSettings withHeartbeat(Duration interval) {
        return new SshSettings(configFile, knownHosts, defaultKeys, connectTimeout, authTimeout, interval, agent);
    }

    /** Offer this agent's keys first; null for no agent. */
    public SshSettings withAgent(AgentSocket socket) {
        return new SshSettings(configFile, knownHosts, defaultKeys, connectTimeout, authTimeout, heartbeat, socket);
    }
}
