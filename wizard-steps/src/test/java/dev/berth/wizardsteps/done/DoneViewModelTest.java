package dev.berth.wizardsteps.done;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.answers.AccessAnswers;
import dev.berth.answers.Answers;
import dev.berth.answers.AutheliaUser;
import dev.berth.answers.MonitoringAnswers;
import dev.berth.answers.TargetAnswers;
import dev.berth.engine.deploy.DeployOutcome;
import dev.berth.engine.deploy.DeployPreview;
import dev.berth.engine.deploy.DeployReport;
import dev.berth.engine.deploy.DeploymentResult;
import dev.berth.engine.health.ServiceState;
import dev.berth.engine.target.LocalTarget;
import dev.berth.engine.vpn.VpnCheck;
import dev.berth.engine.vpn.VpnProof;
import dev.berth.plan.PlannedService;
import dev.berth.testsupport.Examples;
import dev.berth.wizardsteps.core.DeploySession;
import dev.berth.wizardsteps.core.StepContext;
import dev.berth.wizardsteps.core.TargetSession;
import dev.berth.wizardsteps.testing.Previews;
import dev.berth.wizardsteps.testing.ScriptedDialogs;
import dev.berth.wizardsteps.testing.TestContexts;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DoneViewModelTest {
    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private final StepContext ctx = TestContexts.create(dialogs);
    private final DeploySession session = new DeploySession(ctx.backend());
    private final DoneViewModel vm = new DoneViewModel(ctx, session);
    private final LocalTarget target = new LocalTarget();

    @AfterEach
    void closeTarget() {
        target.close();
    }

    /** A stack behind a domain, with Grafana, one Authelia user, Sonarr; Sonarr's key was there before. */
    private Answers domainStack() {
        Answers a = Examples.answers("minimal-jellyfin").withServices(List.of("jellyfin", "sonarr"));
        AccessAnswers access = new AccessAnswers(AccessAnswers.Mode.DOMAIN, "media.example.com", false,
                new AccessAnswers.Npm("admin@example.com", null),
                new AccessAnswers.Authelia(true, AccessAnswers.Policy.ONE_FACTOR,
                        List.of(new AutheliaUser("anna", "Anna", "anna@example.com", true, null)), List.of()),
                false);
        return a.withAccess(access).withMonitoring(new MonitoringAnswers(true, false, false, false, MonitoringAnswers.Watchtower.OFF));
    }

    private void deployed(DeployPreview preview) {
        deployed(preview, Optional.empty());
    }

    private void deployed(DeployPreview preview, Optional<VpnProof> vpn) {
        List<DeployReport.ServiceReport> services = preview.plan().services().stream()
                .map(s -> new DeployReport.ServiceReport(s.name(), ServiceState.HEALTHY, "",
                        s.hostWebPort() == 0 ? null : "http://localhost:" + s.hostWebPort() + "/", List.of(), true)).toList();
        DeployOutcome outcome = new DeployOutcome(new DeploymentResult.Succeeded(preview.jobs()), Optional.of(new DeployReport(services)),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), vpn);
        var on = new TargetSession.Connected(TargetAnswers.LOCAL, target, null, null);
        session.finished(new DeploySession.Deployed(new DeploySession.Reviewed(on, preview.plan().answers(), preview.options(), preview),
                outcome));
    }

    @Test
    void listsEachServiceWithItsAddressAndOpensItInTheBrowser() {
        DeployPreview preview = Previews.of(Examples.answers("minimal-jellyfin").withServices(List.of("jellyfin", "sonarr")), Map.of(), List.of());
        deployed(preview);
        vm.enter();
        assertTrue(vm.isValid());
        List<String> names = vm.services().stream().map(ServiceLink::name).toList();
        assertEquals(preview.plan().services().stream().map(s -> s.definition().name()).toList(), names);
        ServiceLink jellyfin = vm.services().getFirst();
        PlannedService planned = preview.plan().services().getFirst();
        assertEquals("http://localhost:" + planned.hostWebPort() + "/", jellyfin.url());
        assertTrue(vm.headlineProperty().get().endsWith("services run on this computer."), vm.headlineProperty().get());

        vm.open(jellyfin);
        assertEquals(List.of(jellyfin.url()), dialogs.opened);
    }

    @Test
    void showsTheSignInsAndKeysItMadeOnceWithWhereTheyAreKept() {
        Answers answers = domainStack();
        DeployPreview first = Previews.of(answers, Map.of(), List.of());
        String sonarrKey = first.plan().secrets().get("sonarr_api_key");
        // The stack had Sonarr's key already: it was shown then, not now.
        DeployPreview preview = Previews.of(answers, Map.of("sonarr_api_key", sonarrKey), List.of());
        deployed(preview);
        vm.enter();

        // A sign-in into one app goes to its row; what opens no single app's page stays in the list.
        List<String> labels = vm.credentials().stream().map(c -> c.label() + " / " + c.user()).toList();
        assertEquals(List.of("Authelia sign-in / anna"), labels);
        Credential anna = vm.credentials().getFirst();
        assertEquals(preview.plan().secrets().get("authelia_user_anna_password"), anna.value());
        assertEquals("/opt/berth/secrets/authelia_user_anna_password", anna.storedAt());
        assertFalse(anna.toString().contains(anna.value()), "never in a log line");
        assertTrue(vm.credentialsNoteProperty().get().contains("shows these once"), vm.credentialsNoteProperty().get());
        assertTrue(vm.credentialsNoteProperty().get().contains("/opt/berth/secrets/"));

        vm.copy(anna);
        assertEquals(List.of(anna.value()), dialogs.copied);

        vm.leave();
        assertTrue(vm.credentials().isEmpty(), "leaving the page forgets them");
        vm.enter();
        assertTrue(vm.credentials().isEmpty(), "shown once");
        assertTrue(vm.credentialsNoteProperty().get().startsWith("Berth showed the passwords it made once."));
    }

    private ServiceLink row(String name) {
        return vm.services().stream().filter(l -> l.name().equals(name)).findFirst().orElseThrow(() -> new AssertionError(
                "no row for " + name + " in " + vm.services()));
    }

    private static SignInRow signIn(ServiceLink l) {
        if (l.handOver() instanceof HandOver.SignIn s) {
            return s.row();
        }
        throw new AssertionError(l.name() + " shows no sign-in but " + l.handOver());
    }

    /** Point 7: each app's row says how to sign in — the sign-in Berth made, else its catalog sentence, else nothing. */
    @Test
    void eachAppsRowSaysHowToSignInWithThePasswordBerthMadeHandedOverOnce() {
        DeployPreview preview = Previews.of(domainStack(), Map.of(), List.of());
        deployed(preview);
        vm.enter();

        SignInRow grafana = signIn(row("Grafana"));
        assertEquals("admin", grafana.username());
        assertTrue(grafana.handsOver());
        assertEquals("/opt/berth/secrets/grafana_admin_password", grafana.storedAt());
        vm.reveal(grafana, true);
        assertEquals(preview.plan().secrets().get("grafana_admin_password"), grafana.shownPassword());
        assertEquals("admin@example.com", signIn(row("Nginx Proxy Manager")).username());
        assertEquals("admin", signIn(row("qBittorrent")).username(), "the download client's sign-in, as its catalog file names it");
        assertEquals(new HandOver.Note(ctx.backend().catalog().get("prometheus").handOver()), row("Prometheus").handOver());
        assertEquals(new HandOver.Note(ctx.backend().catalog().get("authelia").handOver()), row("Authelia").handOver(),
                "Authelia's users are listed with the other passwords; its row says how to sign in");
        assertEquals(HandOver.ADDRESS_ONLY, row("Sonarr").handOver(), "nothing to say: the address says it all");
        assertEquals(HandOver.ADDRESS_ONLY, row("Redis").handOver(), "no page of its own");

        vm.leave();
        vm.enter();
        SignInRow again = signIn(row("Grafana"));
        assertFalse(again.handsOver(), "handed over once; then only where it is kept");
        assertEquals("/opt/berth/secrets/grafana_admin_password", again.storedAt());
    }

    @Test
    void aSignInMadeByAnEarlierDeployLeavesTheRowToTheCatalogsSentence() {
        Answers answers = domainStack();
        DeployPreview first = Previews.of(answers, Map.of(), List.of());
        deployed(Previews.of(answers, first.plan().secrets(), List.of()));
        vm.enter();

        String grafana = ctx.backend().catalog().get("grafana").handOver();
        assertTrue(grafana.contains("secrets/grafana_admin_password"), grafana);
        assertEquals(new HandOver.Note(grafana), row("Grafana").handOver());
        assertTrue(vm.signIns().isEmpty(), vm.signIns().toString());
    }

    @Test
    void aReconfigureThatMadeNothingNewSaysWhereThePasswordsAre() {
        Answers answers = Examples.answers("minimal-jellyfin").withServices(List.of("jellyfin", "sonarr"));
        DeployPreview first = Previews.of(answers, Map.of(), List.of());
        deployed(Previews.of(answers, first.plan().secrets(), List.of()));
        vm.enter();
        assertTrue(vm.credentials().isEmpty());
        assertTrue(vm.credentialsNoteProperty().get().startsWith("Berth made no new passwords this time."));
    }

    @Test
    void withoutADeploySaysSo() {
        vm.enter();
        assertEquals("Nothing is deployed yet.", vm.headlineProperty().get());
        assertTrue(vm.services().isEmpty());
    }

    /** Jellyfin and qBittorrent, qBittorrent routed through PIA over OpenVPN (which forwards a port). */
    private static Answers routedTorrent() {
        var vpn = Examples.answers("plex-usenet-openvpn").vpn();
        return Examples.answers("minimal-jellyfin").withServices(List.of("jellyfin", "qbittorrent"))
                .withVpn(new dev.berth.answers.VpnAnswers(true, vpn.provider(), vpn.type(), null, vpn.openvpn(), vpn.countries(),
                        List.of("qbittorrent"), vpn.lanSubnet()));
    }

    @Test
    void theVpnSectionShowsTheForwardedPortAndEachCheckWithItsVerdict() {
        DeployPreview preview = Previews.of(routedTorrent(), Map.of(), List.of());
        deployed(preview, Optional.of(new VpnProof(List.of(
                new VpnCheck("qbittorrent", VpnCheck.Kind.ROUTE, VpnCheck.Verdict.PASS, "default route: tun0"),
                new VpnCheck("gluetun", VpnCheck.Kind.PUBLIC_ADDRESS, VpnCheck.Verdict.UNKNOWN,
                        "the server's own address could not be asked: the internet cannot be reached")),
                Optional.of("203.0.113.7"), Optional.of(41234), List.of(), List.of())));
        vm.enter();

        assertEquals(List.of(new VpnRow("qBittorrent", "internet route is the tunnel", VpnCheck.Verdict.PASS, "default route: tun0"),
                new VpnRow("Gluetun", "public address is the VPN's", VpnCheck.Verdict.UNKNOWN,
                        "the server's own address could not be asked: the internet cannot be reached")), vm.vpn().checks());
        assertEquals("41234 → qBittorrent", vm.vpn().forwardedPortProperty().get());
        assertEquals("203.0.113.7", vm.vpn().publicAddressProperty().get());
        assertTrue(vm.vpn().summaryProperty().get().startsWith("No leak found, but Berth could not prove everything"),
                vm.vpn().summaryProperty().get());
        assertFalse(vm.vpn().leakedProperty().get());
        assertEquals("", vm.vpn().stoppedProperty().get());
    }

    @Test
    void aLeakNamesTheStoppedAppsAndAStackWithoutVpnHasNoSection() {
        DeployPreview preview = Previews.of(routedTorrent(), Map.of(), List.of());
        deployed(preview, Optional.of(new VpnProof(List.of(
                new VpnCheck("qbittorrent", VpnCheck.Kind.DNS, VpnCheck.Verdict.FAIL,
                        "resolver 192.168.0.1 is outside the tunnel: recreate qBittorrent with berth deploy")),
                Optional.empty(), Optional.empty(), List.of("qbittorrent"), List.of())));
        vm.enter();
        assertTrue(vm.vpn().leakedProperty().get());
        assertTrue(vm.vpn().summaryProperty().get().startsWith("A leak"), vm.vpn().summaryProperty().get());
        assertTrue(vm.vpn().stoppedProperty().get().startsWith("Berth stopped qBittorrent: its traffic could leave outside the tunnel."),
                vm.vpn().stoppedProperty().get());
        assertTrue(vm.vpn().forwardedPortProperty().get().startsWith("none yet: Gluetun asks private internet access for one"),
                vm.vpn().forwardedPortProperty().get());

        // A forwarded port that missed the client fails its check, but leaks nothing: no "leak" in the words, no danger.
        deployed(preview, Optional.of(new VpnProof(List.of(
                new VpnCheck("gluetun", VpnCheck.Kind.FORWARDED_PORT, VpnCheck.Verdict.FAIL,
                        "Gluetun forwards 41234 but qBittorrent listens on 6881")),
                Optional.empty(), Optional.of(41234), List.of(), List.of())));
        vm.enter();
        assertFalse(vm.vpn().leakedProperty().get());
        assertEquals("No leak, but a check failed: it says what to fix.", vm.vpn().summaryProperty().get());

        deployed(Previews.of(Examples.answers("minimal-jellyfin"), Map.of(), List.of()));
        vm.enter();
        assertTrue(vm.vpn().checks().isEmpty());
        assertEquals("", vm.vpn().summaryProperty().get());
        assertFalse(vm.vpn().leakedProperty().get());
    }
}
