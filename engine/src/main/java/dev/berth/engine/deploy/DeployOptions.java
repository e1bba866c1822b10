package dev.berth.engine.deploy;

import java.time.Duration;

/**
 * How a deploy may go about it.
 *
 * @param offline       never pull: every image must already be on the target
 * @param adopt         take over a folder Berth did not make (its files are backed up first)
 * @param healthTimeout how long to wait for every service to turn healthy before rolling back
 * @param proxyHosts    set up a proxy host in Nginx Proxy Manager per app when a domain is chosen;
 *                      off for a person who keeps their proxy hosts by hand
 */
public record DeployOptions(boolean offline, boolean adopt, Duration healthTimeout, boolean proxyHosts) {
    public static final DeployOptions DEFAULT = new DeployOptions(false, false, AwaitHealthJob.DEFAULT_TIMEOUT, true);

    public DeployOptions {
        if (healthTimeout == null || healthTimeout.isNegative() || healthTimeout.isZero()) {
            throw new IllegalArgumentException("the health timeout must be positive");
        }
    }

    public DeployOptions withOffline(boolean value) {
        return new DeployOptions(value, adopt, healthTimeout, proxyHosts);
    }

    public DeployOptions withAdopt(boolean value) {
        return new DeployOptions(offline, value, healthTimeout, proxyHosts);
    }

    public DeployOptions withHealthTimeout(Duration value) {
        return new DeployOptions(offline, adopt, value, proxyHosts);
    }

    public DeployOptions withProxyHosts(boolean value) {
        return new DeployOptions(offline, adopt, healthTimeout, value);
    }
}
