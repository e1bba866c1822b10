package dev.berth.wizardsteps.testing;

import dev.berth.answers.Answers;
import dev.berth.answers.TargetAnswers;
import dev.berth.engine.deploy.DeployOutcome;
import dev.berth.engine.deploy.DeployPreview;
import dev.berth.engine.deploy.DeployReport;
import dev.berth.engine.deploy.DeploymentResult;
import dev.berth.engine.health.ServiceState;
import dev.berth.engine.target.Target;
import dev.berth.engine.wire.Credential;
import dev.berth.engine.wire.Link;
import dev.berth.engine.wire.WiringResult;
import dev.berth.testsupport.Examples;
import dev.berth.wizardsteps.core.DeploySession;
import dev.berth.wizardsteps.core.TargetSession;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Deploys that ended well, with the wiring's result as the engine hands it over, for the tests of
 * the Done page's Links table, sign-ins and Retry: Jellyfin, Sonarr, Radarr and Transmission on
 * this computer, one link needing attention and one left as the person set it.
 */
public final class WiredDeploys {
    /** What Radarr said when its test of Transmission failed, and what to do. */
    public static final String RADARR_SAID = "Radarr says: Unable to connect to Transmission (Connection refused). "
            + "Check that Transmission runs (berth status), then Retry.";

    private WiredDeploys() {
    }

    public static Answers answers() {
        return Examples.answers("minimal-jellyfin").withServices(List.of("jellyfin", "sonarr", "radarr", "transmission"));
    }

    /** A new stack: every secret made by this deploy. */
    public static DeployPreview preview() {
        return Previews.of(answers(), Map.of(), List.of());
    }

    /** Sonarr → Transmission works, Radarr → Transmission needs attention, Sonarr's sign-in was left alone. */
    public static WiringResult oneNeedsAttention() {
        return new WiringResult(List.of(
                new Link("Sonarr", "Transmission", Link.Status.OK, ""),
                new Link("Radarr", "Transmission", Link.Status.NEEDS_ATTENTION, RADARR_SAID),
                new Link("Sonarr", "sign-in", Link.Status.LEFT_ALONE, ""),
                new Link("Transmission", "sign-in", Link.Status.OK, "")), 7, credentials());
    }

    /** What a Retry finds once Transmission answers Radarr. */
    public static WiringResult allOk() {
        return new WiringResult(List.of(
                new Link("Sonarr", "Transmission", Link.Status.OK, ""),
                new Link("Radarr", "Transmission", Link.Status.OK, ""),
                new Link("Sonarr", "sign-in", Link.Status.LEFT_ALONE, ""),
                new Link("Transmission", "sign-in", Link.Status.OK, "")), 1, credentials());
    }

    /** Transmission's sign-in made by this deploy; Sonarr's forms sign-in made by an earlier deploy. */
    private static List<Credential> credentials() {
        return List.of(new Credential("Transmission", "http://localhost:9091/", "admin", "transmission_password", true),
                new Credential("Sonarr", "http://localhost:8989/", "admin", "sonarr_password", false));
    }

    /** Hands the session a deploy of {@code preview} on this computer that succeeded with this wiring. */
    public static DeploySession.Deployed finish(DeploySession session, DeployPreview preview, Target target, WiringResult wiring) {
        return finish(session, preview, TargetAnswers.LOCAL, target, wiring);
    }

    /** The same on the machine {@code spec} names ({@code target} stands in for the connection). */
    public static DeploySession.Deployed finish(DeploySession session, DeployPreview preview, TargetAnswers spec, Target target,
                                                WiringResult wiring) {
        return finish(session, preview, spec, target, wiring, Optional.empty());
    }

    /** The same, with the VPN proof the deploy ended with (a stack that routes apps). */
    public static DeploySession.Deployed finish(DeploySession session, DeployPreview preview, TargetAnswers spec, Target target,
                                                WiringResult wiring, Optional<dev.berth.engine.vpn.VpnProof> vpn) {
        return finish(session, preview, spec, target, wiring, vpn, Optional.empty());
    }

    /** The same, with the backups the deploy set up (a stack with backups on). */
    public static DeploySession.Deployed finish(DeploySession session, DeployPreview preview, TargetAnswers spec, Target target,
                                                WiringResult wiring, Optional<dev.berth.engine.vpn.VpnProof> vpn,
                                                Optional<dev.berth.engine.deploy.BackupSetup> backup) {
        List<DeployReport.ServiceReport> services = preview.plan().services().stream()
                .map(s -> new DeployReport.ServiceReport(s.name(), ServiceState.HEALTHY, "",
                        s.hostWebPort() == 0 ? null : "http://localhost:" + s.hostWebPort() + "/", List.of(), true)).toList();
        DeployOutcome outcome = new DeployOutcome(new DeploymentResult.Succeeded(preview.jobs()), Optional.of(new DeployReport(services)),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.ofNullable(wiring), vpn, backup);
        var on = new TargetSession.Connected(spec, target, null, null);
        DeploySession.Deployed d = new DeploySession.Deployed(
                new DeploySession.Reviewed(on, preview.plan().answers(), preview.options(), preview), outcome);
        session.finished(d);
        return d;
    }
}
