package dev.berth.engine.deploy;

/**
 * A progress report of a multi-host deploy: which host it comes from ("" for the swarm's own steps).
 */
public record HostProgress(String host, DeployProgress progress) {
}
