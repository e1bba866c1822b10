package dev.berth.engine.deploy;

import java.time.Duration;

/**
 * How a deploy may go about it.
 *
 * @param offline       never pull: every image must already be on the target
 * @param adopt         take over a folder Berth did not make (its files are backed up first)
 * @param healthTimeout how long to wait for every service to turn healthy before rolling back
 */
public record DeployOptions(boolean offline, boolean adopt, Duration healthTimeout) {
    public static final DeployOptions DEFAULT = new DeployOptions(false, false, AwaitHealthJob.DEFAULT_TIMEOUT);

    public DeployOptions {
        if (healthTimeout == null || healthTimeout.isNegative() || healthTimeout.isZero()) {
            throw new IllegalArgumentException("the health timeout must be positive");
        }
    }

    public DeployOptions withOffline(boolean value) {
        return new DeployOptions(value, adopt, healthTimeout);
    }

    public DeployOptions withAdopt(boolean value) {
        return new DeployOptions(offline, value, healthTimeout);
    }

    public DeployOptions withHealthTimeout(Duration value) {
        return new DeployOptions(offline, adopt, value);
    }
}
