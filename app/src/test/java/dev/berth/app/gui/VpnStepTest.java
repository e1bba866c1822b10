package dev.berth.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.testsupport.NeedsFx;
import dev.berth.wizardsteps.core.StepContext;
import dev.berth.wizardsteps.testing.Drafts;
import dev.berth.wizardsteps.testing.ScriptedDialogs;
import dev.berth.wizardsteps.testing.TestContexts;
import dev.berth.wizardsteps.vpn.VpnViewModel;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The VPN page in the real shell, headless: a bad WireGuard key blocks Next and says why; ProtonVPN's forwarded port and its user name rule. */
@NeedsFx
@ExtendWith(ApplicationExtension.class)
class VpnStepTest {
    private static final String KEY = "yAnz5TF+lXXJte14tji3zlMNq+hd2rYUIgJBgB3fBmk=";
    private final StepContext ctx = TestContexts.create(new ScriptedDialogs());
    private WizardShell shell;

    @Start
    void start(Stage stage) {
        Drafts.upToApps(ctx, "jellyfin", "sonarr", "qbittorrent", "prowlarr");
        shell = StepHarness.open(stage, ctx, VpnViewModel.class);
    }

    @Test
    void aBadWireGuardKeyBlocksNextAndShowsItsMessage(FxRobot robot) {
        assertEquals("VPN", robot.lookup("#step-title").queryAs(Label.class).getText());
        Button next = robot.lookup("#next").queryButton();
        assertFalse(next.isDisabled(), "no VPN is a good answer");

        robot.clickOn("#vpn-on");
        assertTrue(next.isDisabled());
        ComboBox<String> provider = robot.lookup("#provider").queryComboBox();
        robot.interact(() -> provider.setValue("mullvad"));
        StepHarness.type(robot, "#privateKey", "not-a-key");
        StepHarness.fill(robot, "#addresses", "10.64.222.21/32");
        StepHarness.fill(robot, "#lanSubnet", "192.168.1.0/24");
        assertTrue(next.isDisabled());
        Label message = robot.lookup((Label l) -> l.getText().startsWith("must be a WireGuard key")).queryAs(Label.class);
        assertTrue(WizardWindowTest.shown(message));

        ToggleButton show = robot.lookup("#privateKey-show").queryAs(ToggleButton.class);
        robot.interact(show::fire);
        TextField plain = robot.lookup("#privateKey-shown").queryAs(TextField.class);
        assertEquals("not-a-key", plain.getText(), "Show reveals what was typed");
        robot.interact(() -> plain.setText(KEY));
        assertFalse(WizardWindowTest.shown(message));
        assertFalse(next.isDisabled());
        assertEquals(KEY, ctx.model().vpnProperty().get().wireguard().privateKey());
        robot.interact(() -> StepHarness.screenshot(shell.lookup(".step-page"), "vpn-provider"));
    }

    /**
     * ProtonVPN over OpenVPN with qBittorrent routed: the page says the port goes to qBittorrent, a
     * user name without +pmp blocks Next with what to type, and unticking the box lets it through.
     */
    @Test
    void protonVpnSaysWhereTheForwardedPortGoesAndAsksForItsUserNameSuffix(FxRobot robot) {
        Button next = robot.lookup("#next").queryButton();
        robot.clickOn("#vpn-on");
        ComboBox<String> provider = robot.lookup("#provider").queryComboBox();
        robot.interact(() -> provider.setValue("protonvpn"));
        robot.clickOn("#vpn-openvpn");
        StepHarness.fill(robot, "#vpnUser", "anna");
        StepHarness.type(robot, "#password", "secret-password");
        StepHarness.fill(robot, "#lanSubnet", "192.168.1.0/24");

        Label said = robot.lookup("#port-forwarding-text").queryAs(Label.class);
        assertTrue(WizardWindowTest.shown(said));
        assertEquals("Proton VPN forwards a port: qBittorrent gets it at every reconnect, so other peers can connect to it.",
                said.getText());
        Label message = robot.lookup((Label l) -> l.getText().startsWith("must end with +pmp for Proton VPN")).queryAs(Label.class);
        assertTrue(WizardWindowTest.shown(message));
        assertTrue(next.isDisabled());
        robot.interact(() -> StepHarness.screenshot(shell.lookup(".step-page"), "vpn-port-forwarding"));

        CheckBox box = robot.lookup("#port-forwarding").queryAs(CheckBox.class);
        robot.interact(box::fire);
        assertFalse(WizardWindowTest.shown(message));
        assertFalse(next.isDisabled());
        assertEquals(Boolean.FALSE, ctx.model().vpnProperty().get().portForwarding());
    }
}
