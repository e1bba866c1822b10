package dev.berth.catalog;

/**
 * Whether Docker Swarm may schedule the service ({@code docker stack deploy}) on a stack placed
 * across several hosts, so it starts on another node when its host dies (issue 17).
 *
 * <p>Only a service that keeps nothing on its host may: a restart elsewhere must not lose or break
 * anything. So no config folder (config folders are folders on one host: a stateful app moved by
 * Swarm would start empty there), no data tree, no other host path or volume, no device, no host
 * network or pid namespace, no VPN gateway. FlareSolverr is one; the *arr apps are not.
 *
 * @param schedulable the person may list the service under {@code placement.swarm}
 */
public record SwarmSpec(boolean schedulable) {

    /** A service without a {@code swarm:} section: always run by Compose on the host the placer picked. */
    public static final SwarmSpec HOST_BOUND = new SwarmSpec(false);
}
