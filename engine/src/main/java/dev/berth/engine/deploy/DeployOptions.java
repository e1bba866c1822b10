package dev.berth.engine.deploy;

import dev.berth.engine.check.Check;
import dev.berth.engine.check.Checks;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

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
 * @param folders        what to do with the folders when configRoot or dataRoot of a stack that
 *                       exists changes; undecided refuses such a deploy
 * @param wiring         connect the apps through their APIs once healthy (download clients, root folders,
 *                       Prowlarr, sign-ins); off for a person who sets the apps up by hand
 * @param checks         the checks the deploy runs once more before it changes anything: all of Berth's,
 *                       as on the System check page; a caller whose System check page runs other checks
 *                       (the wizard's backend) passes the same here, so the two never disagree
 */
public record DeployOptions(boolean offline, boolean adopt, Duration healthTimeout, boolean proxyHosts,
                            Path localLogFolder, FolderChoice folders, boolean wiring, List<Check> checks) {
    public static final DeployOptions DEFAULT = new DeployOptions(false, false, AwaitHealthJob.DEFAULT_TIMEOUT, true,
            LocalDeployLogs.standardFolder(), FolderChoice.UNDECIDED, true, Checks.all());

    /** When a root folder of a stack that exists changes: move its folders along, or leave them and start afresh. */
    public enum FolderChoice {
        /** The person has not said: a deploy that moves a root is refused. */
        UNDECIDED,
        /** Stop the apps, move their folders to the new place, check, start. */
        MOVE,
        /** Leave the folders where they are; the apps start with empty folders in the new place. */
        KEEP
    }

    public DeployOptions {
        if (healthTimeout == null || healthTimeout.isNegative() || healthTimeout.isZero()) {
            throw new IllegalArgumentException("the health timeout must be positive");
        }
        if (localLogFolder == null) {
            throw new IllegalArgumentException("a local log folder is needed");
        }
        if (folders == null) {
            folders = FolderChoice.UNDECIDED;
        }
        if (checks == null || checks.isEmpty()) {
            throw new IllegalArgumentException("the deploy needs the checks to run before it changes anything");
        }
        checks = List.copyOf(checks);
    }

    public DeployOptions withOffline(boolean value) {
        return new DeployOptions(value, adopt, healthTimeout, proxyHosts, localLogFolder, folders, wiring, checks);
    }

    public DeployOptions withAdopt(boolean value) {
        return new DeployOptions(offline, value, healthTimeout, proxyHosts, localLogFolder, folders, wiring, checks);
    }

    public DeployOptions withHealthTimeout(Duration value) {
        return new DeployOptions(offline, adopt, value, proxyHosts, localLogFolder, folders, wiring, checks);
    }

    public DeployOptions withProxyHosts(boolean value) {
        return new DeployOptions(offline, adopt, healthTimeout, value, localLogFolder, folders, wiring, checks);
    }

    public DeployOptions withLocalLogFolder(Path value) {
        return new DeployOptions(offline, adopt, healthTimeout, proxyHosts, value, folders, wiring, checks);
    }

    public DeployOptions withFolders(FolderChoice value) {
        return new DeployOptions(offline, adopt, healthTimeout, proxyHosts, localLogFolder, value, wiring, checks);
    }

    public DeployOptions withWiring(boolean value) {
        return new DeployOptions(offline, adopt, healthTimeout, proxyHosts, localLogFolder, folders, value, checks);
    }

    public DeployOptions withChecks(List<Check> value) {
        return new DeployOptions(offline, adopt, healthTimeout, proxyHosts, localLogFolder, folders, wiring, value);
    }
}
