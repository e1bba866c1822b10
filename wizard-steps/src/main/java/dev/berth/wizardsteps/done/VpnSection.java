package dev.berth.wizardsteps.done;

import atlantafx.base.controls.Message;
import atlantafx.base.theme.Styles;
import dev.berth.engine.check.Status;
import dev.berth.wizardsteps.view.Fields;
import dev.berth.wizardsteps.view.StatusIcon;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The Done page's VPN section: what the proof found, the public address, the forwarded port, each
 * check with its verdict (a FAIL in the danger style with what to fix, an UNKNOWN muted with why)
 * and, after a leak, the apps Berth stopped.
 */
final class VpnSection {
    private VpnSection() {
    }

    static VBox of(VpnResults vpn) {
        Label summary = Fields.hint("vpn-summary", vpn.summaryProperty());
        summary.setWrapText(true);
        Label address = new Label();
        address.setId("vpn-public-address");
        address.textProperty().bind(Bindings.concat("Public address: ", vpn.publicAddressProperty()));
        address.setWrapText(true);
        Label port = new Label();
        port.setId("vpn-forwarded-port");
        port.textProperty().bind(Bindings.concat("Forwarded port: ", vpn.forwardedPortProperty()));
        port.setWrapText(true);
        GridPane table = ListGrid.of("vpn-checks", 12, "step-list", vpn.checks(), VpnSection::addRow);

        Message stopped = new Message("Routed apps stopped", "");
        stopped.setId("vpn-stopped");
        stopped.getStyleClass().add(Styles.DANGER);
        stopped.descriptionProperty().bind(vpn.stoppedProperty());
        Fields.shownWhen(stopped, vpn.stoppedProperty().isNotEmpty());

        VBox box = new VBox(10, Fields.heading("VPN"), summary, stopped, address, port, table);
        box.setId("vpn-section");
        Fields.shownWhen(box, Bindings.isNotEmpty(vpn.checks()));
        return box;
    }

    private static void addRow(GridPane table, int row, VpnRow r) {
        StatusIcon mark = new StatusIcon();
        mark.show(switch (r.verdict()) {
            case PASS -> Status.PASS;
            case FAIL -> Status.FAIL;
            case UNKNOWN -> Status.SKIP;
        });
        Label service = new Label(r.service());
        service.getStyleClass().add(Styles.TEXT_BOLD);
        service.setMinWidth(Label.USE_PREF_SIZE);
        Label check = new Label(r.check());
        check.setMinWidth(Label.USE_PREF_SIZE);
        Label detail = new Label(r.verdict() == dev.berth.engine.vpn.VpnCheck.Verdict.UNKNOWN
                ? "unknown: " + r.detail() : r.detail());
        detail.setWrapText(true);
        detail.getStyleClass().add(switch (r.verdict()) {
            case FAIL -> Styles.DANGER;
            case PASS, UNKNOWN -> Styles.TEXT_MUTED;
        });
        GridPane.setHgrow(detail, Priority.ALWAYS);
        table.addRow(row, mark, service, check, detail);
    }
}
