package dev.berth.engine.deploy;

import dev.berth.engine.npm.ProxyHostsResult;
import dev.berth.engine.vpn.VpnProof;
import dev.berth.engine.wire.WiringResult;
import java.util.Optional;

/**
 * How a deploy ended.
 *
 * @param result    succeeded, rolled back (which job failed, why, and what could not be undone), or cancelled
 * @param report    per service state, URL and log tail; empty when the deploy ended before any container started
 * @param backupDir where the previous generated files were copied, when there were any
 * @param log       where this deploy's log was written: the stack's {@code .berth/deploy.log}, or, when no
 *                  Berth stack stands in the folder afterwards, a file on this computer; empty when it could
 *                  not be written
 * @param proxyHosts the proxy hosts set up in Nginx Proxy Manager (created, updated, left alone, certificates
 *                  it could not get); empty when that step did not run or did not succeed
 * @param wiring    the links between the apps with their proof, the writes sent and the sign-ins handed over;
 *                  empty when the stack has nothing to wire or the deploy ended before
 * @param vpn       the VPN proof; empty without a VPN or when the deploy ended before
 * @param backup    the backup repository and schedule this deploy set up; empty while backups are off
 *                  or when the deploy ended before
 */
public record DeployOutcome(DeploymentResult result, Optional<DeployReport> report, Optional<String> backupDir,
                            Optional<DeployLogFile> log, Optional<ProxyHostsResult> proxyHosts, Optional<WiringResult> wiring,
                            Optional<VpnProof> vpn, Optional<dev.berth.engine.deploy.BackupSetup> backup) {
    public DeployOutcome(DeploymentResult result, Optional<DeployReport> report, Optional<String> backupDir,
                         Optional<DeployLogFile> log, Optional<ProxyHostsResult> proxyHosts, Optional<WiringResult> wiring,
                         Optional<VpnProof> vpn) {
        this(result, report, backupDir, log, proxyHosts, wiring, vpn, Optional.empty());
    }

    public DeployOutcome(DeploymentResult result, Optional<DeployReport> report, Optional<String> backupDir) {
        this(result, report, backupDir, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    public DeployOutcome(DeploymentResult result, Optional<DeployReport> report, Optional<String> backupDir,
                         Optional<DeployLogFile> log, Optional<ProxyHostsResult> proxyHosts) {
        this(result, report, backupDir, log, proxyHosts, Optional.empty());
    }

    public DeployOutcome(DeploymentResult result, Optional<DeployReport> report, Optional<String> backupDir,
                         Optional<DeployLogFile> log, Optional<ProxyHostsResult> proxyHosts, Optional<WiringResult> wiring) {
        this(result, report, backupDir, log, proxyHosts, wiring, Optional.empty());
    }

    public boolean succeeded() {
        return result instanceof DeploymentResult.Succeeded;
    }
}
