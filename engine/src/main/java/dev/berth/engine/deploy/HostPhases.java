package dev.berth.engine.deploy;

import java.util.ArrayList;
import java.util.List;

/**
 * Orders the hosts' jobs of a multi-host deploy in three phases instead of host after host:
 * every host's preflight first, so a port taken on the last host stops the deploy before the
 * first host changed anything; then every host's jobs up to its health wait; then what works
 * on running apps (the VPN proof, the proxy hosts, the wiring, the backup repository). Sonarr on
 * one host is told about qBittorrent on another, and the *arr apps test a download client when
 * it is added, so the wiring must wait until every host's apps run.
 */
final class HostPhases {
    private final List<Job> preflight = new ArrayList<>();
    private final List<Job> bringUp = new ArrayList<>();
    private final List<Job> onRunningApps = new ArrayList<>();

    /** Adds one host's jobs, in their order, each wrapped to run on that host. */
    void add(HostRun run, List<Job> hostJobs) {
        int lastHealth = -1;
        for (int i = 0; i < hostJobs.size(); i++) {
            if (hostJobs.get(i) instanceof AwaitHealthJob || hostJobs.get(i) instanceof ReadHealthJob) {
                lastHealth = i;
            }
        }
        for (int i = 0; i < hostJobs.size(); i++) {
            Job job = new HostJob(run, hostJobs.get(i));
            if (hostJobs.get(i) instanceof PreflightJob) {
                preflight.add(job);
            } else if (lastHealth < 0 || i <= lastHealth) {
                bringUp.add(job);
            } else {
                onRunningApps.add(job);
            }
        }
    }

    List<Job> inOrder() {
        List<Job> all = new ArrayList<>(preflight);
        all.addAll(bringUp);
        all.addAll(onRunningApps);
        return all;
    }
}
