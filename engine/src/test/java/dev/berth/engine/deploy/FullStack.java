package dev.berth.engine.deploy;

import dev.berth.answers.AccessAnswers;
import dev.berth.answers.Answers;
import dev.berth.answers.MonitoringAnswers;
import dev.berth.answers.StorageAnswers;
import dev.berth.plan.PlannedService;
import dev.berth.testsupport.ExternalTool;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** The full example (VPN, NPM, Authelia, Fail2Ban, monitoring) as the deploy scenarios use it. */
final class FullStack {
    private FullStack() {
    }

    /**
     * The full-wireguard example under {@code root}, owned by {@code uid}, with its stand-ins built.
     * cAdvisor runs privileged, which a Docker engine inside an unprivileged container (as on the
     * machines these tests run on) cannot start ("unable to apply caps"); there monitoring, which
     * brings cAdvisor, is left out and a note says so.
     */
    static Answers answers(Path root, String project, int uid, int gid) {
        Answers base = dev.berth.testsupport.Examples.answers("full-wireguard");
        if (!privilegedAllowed(root)) {
            System.out.println("[note] this Docker engine cannot run privileged containers: the full stack is deployed "
                    + "without monitoring (cAdvisor needs privileged)");
            MonitoringAnswers m = base.monitoring();
            base = base.withMonitoring(new MonitoringAnswers(false, m.tautulli(), m.uptimeKuma(), m.homepage(), m.watchtower()));
            AccessAnswers x = base.access();
            AccessAnswers.Authelia au = x.authelia();
            base = base.withAccess(new AccessAnswers(x.mode(), x.domain(), x.letsEncrypt(), x.npm(), new AccessAnswers.Authelia(
                    au.enabled(), au.policy(), au.users(), au.protectedServices().stream().filter(p -> !p.equals("grafana")).toList()),
                    x.fail2ban()));
        }
        // No DNS reaches the internet here: *.localhost names are the loopback address (RFC 6761),
        // which the domain check knows, and Let's Encrypt cannot issue for them.
        AccessAnswers access = base.access();
        base = base.withAccess(new AccessAnswers(access.mode(), "berth.localhost", false, access.npm(), access.authelia(),
                access.fail2ban()));
        Answers a = DeployFixtures.answers(base, root, project);
        StorageAnswers s = a.storage();
        a = a.withStorage(new StorageAnswers(s.stackDir(), s.dataRoot(), s.configRoot(), uid, gid, s.timeZone(), false));
        new StandInImages(root).build(DeployFixtures.plan(a).services().stream().map(PlannedService::definition).toList());
        return a;
    }

    /** Deploy options for the full stack: stand-ins only (offline); NPM's API is tested against its schema double instead. */
    static DeployOptions options() {
        return DeployOptions.DEFAULT.withOffline(true).withProxyHosts(false).withHealthTimeout(Duration.ofMinutes(4));
    }

    private static boolean privilegedAllowed(Path root) {
        String image = new StandInImages(root).build(dev.berth.catalog.Catalog.builtIn().get("jellyfin"));
        return ExternalTool.run(root, List.of("docker", "run", "--rm", "--privileged", "--entrypoint", "/bin/busybox",
                image, "true")).exitCode() == 0;
    }
}
