package dev.berth.engine.deploy;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How a deploy may go about it.
 *
 * @param offline        never pull: every image must already be on the target
 * @param adopt          take over a folder Berth did not make (its files are backed up first)
 * @param healthTimeout  how long to wait for every service to turn healthy before rolling back
 * @param proxyHosts     set up a proxy host in Nginx Proxy Manager per app when a domain is chosen;
 *                       off for a person who keeps their proxy hosts by hand
 * @param localLogFolder on the computer Berth runs on, where the log of a deploy that leaves no Berth
 *                       stack behind (a first install that failed or was cancelled) is kept: writing it
 *                       into the stack folder would create that folder, and the next run's folder check
 *                       would trip over Berth's own leftovers
 */
public record DeployOptions(boolean offline, boolean adopt, Duration healthTimeout, boolean proxyHosts,
                            Path localLogFolder) {
    public static final DeployOptions DEFAULT = new DeployOptions(false, false, AwaitHealthJob.DEFAULT_TIMEOUT, true,
            LocalDeployLogs.standardFolder());

    public DeployOptions {
        if (healthTimeout == null || healthTimeout.isNegative() || healthTimeout.isZero()) {
            throw new IllegalArgumentException("the health timeout must be positive");
        }
        if (localLogFolder == null) {
            throw new IllegalArgumentException("a local log folder is needed");
        }
    }

    public DeployOptions withOffline(boolean value) {
        return new DeployOptions(value, adopt, healthTimeout, proxyHosts, localLogFolder);
    }

    public DeployOptions withAdopt(boolean value) {
        return new DeployOptions(offline, value, healthTimeout, proxyHosts, localLogFolder);
    }

    public DeployOptions withHealthTimeout(Duration value) {
        return new DeployOptions(offline, adopt, value, proxyHosts, localLogFolder);
    }

    public DeployOptions withProxyHosts(boolean value) {
        return new DeployOptions(offline, adopt, healthTimeout, value, localLogFolder);
    }

    public DeployOptions withLocalLogFolder(Path value) {
        return new DeployOptions(offline, adopt, healthTimeout, proxyHosts, value);
    }
}
