package dev.berth.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.answers.Answers;
import dev.berth.answers.TargetAnswers;
import dev.berth.answers.VpnAnswers;
import dev.berth.engine.deploy.DeployPreview;
import dev.berth.engine.target.LocalTarget;
import dev.berth.engine.vpn.VpnCheck;
import dev.berth.engine.vpn.VpnCheck.Kind;
import dev.berth.engine.vpn.VpnCheck.Verdict;
import dev.berth.engine.vpn.VpnProof;
import dev.berth.testsupport.Examples;
import dev.berth.testsupport.NeedsFx;
import dev.berth.wizardsteps.core.DeploySession;
import dev.berth.wizardsteps.core.ExecutorTaskRunner;
import dev.berth.wizardsteps.core.StepContext;
import dev.berth.wizardsteps.core.WizardBackend;
import dev.berth.wizardsteps.done.DoneView;
import dev.berth.wizardsteps.done.DoneViewModel;
import dev.berth.wizardsteps.testing.Previews;
import dev.berth.wizardsteps.testing.ScriptedDialogs;
import dev.berth.wizardsteps.testing.WiredDeploys;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The Done page headless after a deploy that routes qBittorrent through the VPN: the VPN section
 * shows the forwarded port with its client, each check with its verdict (a FAIL in the danger
 * style, an UNKNOWN with why), and no stopped apps when there was no leak.
 */
@NeedsFx
@ExtendWith(ApplicationExtension.class)
class DoneVpnPageTest {
    static final String UNKNOWN_WHY = "the server's own address could not be asked: the internet cannot be reached from it";
    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private final LocalTarget target = new LocalTarget();
    private StepContext ctx;
    private DoneView page;

    /** Jellyfin, Sonarr and qBittorrent; qBittorrent through PIA over OpenVPN, which forwards a port. */
    static DeployPreview routedPreview() {
        VpnAnswers pia = Examples.answers("plex-usenet-openvpn").vpn();
        Answers a = Examples.answers("minimal-jellyfin").withServices(List.of("jellyfin", "sonarr", "qbittorrent"))
                .withVpn(new VpnAnswers(true, pia.provider(), pia.type(), null, pia.openvpn(), pia.countries(),
                        List.of("qbittorrent"), pia.lanSubnet()));
        return Previews.of(a, Map.of(), List.of());
    }

    /** Every check of qBittorrent passed; the public address could not be compared with the server's own. */
    static VpnProof proof() {
        return new VpnProof(List.of(
                new VpnCheck("qbittorrent", Kind.NAMESPACE, Verdict.PASS, "Gluetun's network"),
                new VpnCheck("qbittorrent", Kind.ROUTE, Verdict.PASS, "default route: tun0"),
                new VpnCheck("qbittorrent", Kind.DNS, Verdict.PASS, "nameserver 127.0.0.1 (Gluetun's)"),
                new VpnCheck("qbittorrent", Kind.IPV6, Verdict.PASS, "IPv6 is off"),
                new VpnCheck("qbittorrent", Kind.FORWARDED_PORT, Verdict.PASS, "qBittorrent listens on 41234"),
                new VpnCheck("gluetun", Kind.PUBLIC_ADDRESS, Verdict.UNKNOWN, UNKNOWN_WHY)),
                Optional.of("203.0.113.7"), Optional.of(41234), List.of(), List.of());
    }

    @Start
    void start(Stage stage) {
        ctx = StepContext.create(WizardBackend.standard(), new ExecutorTaskRunner(Platform::runLater), dialogs);
        DeploySession session = new DeploySession(ctx.backend());
        WiredDeploys.finish(session, routedPreview(), TargetAnswers.LOCAL, target, null, Optional.of(proof()));
        DoneViewModel vm = new DoneViewModel(ctx, session);
        vm.enter();
        page = new DoneView(vm);
        StepHarness.showAlone(stage, page, 760);
    }

    @AfterEach
    void close() {
        ctx.close();
        target.close();
    }

    private static Label shownLabel(FxRobot robot, String text) {
        return robot.lookup("#vpn-section").lookup((Label l) -> l.getText().equals(text)).tryQuery()
                .filter(WizardWindowTest::shown).map(Label.class::cast)
                .orElseThrow(() -> new AssertionError("no label '" + text + "' shown in the VPN section"));
    }

    @Test
    void theVpnSectionShowsTheForwardedPortAndEachVerdict(FxRobot robot) {
        assertTrue(WizardWindowTest.shown(robot.lookup("#vpn-section").query()));
        assertEquals("Forwarded port: 41234 → qBittorrent", robot.lookup("#vpn-forwarded-port").queryAs(Label.class).getText());
        assertEquals("Public address: 203.0.113.7", robot.lookup("#vpn-public-address").queryAs(Label.class).getText());
        shownLabel(robot, "default route: tun0");
        Label unknown = shownLabel(robot, "unknown: " + UNKNOWN_WHY);
        assertTrue(unknown.getStyleClass().contains("text-muted"), unknown.getStyleClass()::toString);
        assertTrue(robot.lookup("#vpn-summary").queryAs(Label.class).getText().startsWith("No leak found, but Berth could not"));
        assertTrue(robot.lookup("#vpn-stopped").tryQuery().filter(WizardWindowTest::shown).isEmpty(), "nothing was stopped");

        // The user guide's figure of the section (scripts/screenshots).
        robot.interact(() -> StepHarness.screenshot(robot.lookup("#vpn-section").query(), "done-vpn"));
    }
}
