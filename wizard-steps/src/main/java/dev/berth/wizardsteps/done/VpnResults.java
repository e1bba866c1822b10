package dev.berth.wizardsteps.done;

import dev.berth.engine.deploy.VpnSummary;
import dev.berth.engine.vpn.VpnCheck;
import dev.berth.engine.vpn.VpnProof;
import dev.berth.plan.StackPlan;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * What the deploy's VPN proof found, as the Done page shows it: plain values for {@link VpnSection},
 * empty when the stack routes no app (the section is then hidden).
 */
public final class VpnResults {
    private final ObservableList<VpnRow> checks = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyStringWrapper publicAddress = new ReadOnlyStringWrapper(this, "publicAddress", "");
    private final ReadOnlyStringWrapper forwardedPort = new ReadOnlyStringWrapper(this, "forwardedPort", "");
    private final ReadOnlyStringWrapper stopped = new ReadOnlyStringWrapper(this, "stopped", "");
    private final ReadOnlyBooleanWrapper leaked = new ReadOnlyBooleanWrapper(this, "leaked", false);

    /** The checks, routed app by routed app; empty when the stack routes no app. */
    public ObservableList<VpnRow> checks() {
        return checks;
    }

    /** Above the checks: no leak, a leak, or what could not be proved; empty without a proof. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** The address the internet sees through the tunnel, or "unknown" and why. */
    public ReadOnlyStringProperty publicAddressProperty() {
        return publicAddress.getReadOnlyProperty();
    }

    /** "41234 → qBittorrent", or why no port is forwarded. */
    public ReadOnlyStringProperty forwardedPortProperty() {
        return forwardedPort.getReadOnlyProperty();
    }

    /** After a leak: the apps Berth stopped and what to do; empty otherwise. */
    public ReadOnlyStringProperty stoppedProperty() {
        return stopped.getReadOnlyProperty();
    }

    /** Whether a check found a leak (the section then shows in the danger style). */
    public ReadOnlyBooleanProperty leakedProperty() {
        return leaked.getReadOnlyProperty();
    }

    /** The proof of a deploy of {@code plan}; null: none (the stack routes no app, or the deploy did not get as far). */
    void show(StackPlan plan, VpnProof proof) {
        if (proof == null) {
            checks.clear();
            summary.set("");
            publicAddress.set("");
            forwardedPort.set("");
            stopped.set("");
            leaked.set(false);
            return;
        }
        checks.setAll(proof.checks().stream().map(c -> new VpnRow(plan.services().stream()
                .filter(s -> s.name().equals(c.service())).findFirst().map(s -> s.definition().name()).orElse(c.service()),
                c.kind().title(), c.verdict(), c.detail())).toList());
        summary.set(proof.leaked() ? "A leak: traffic can leave outside the tunnel. Each failed check below says what to fix."
                : switch (proof.verdict()) {
                    case PASS -> "No leak: every routed app reaches the internet only through the tunnel.";
                    // Not a leak (see VpnCheck.leak): the forwarded port missed the client.
                    case FAIL -> "No leak, but a check failed: it says what to fix.";
                    case UNKNOWN -> "No leak found, but Berth could not prove everything: each unknown check says why. "
                            + "berth status proves it again.";
                });
        publicAddress.set(VpnSummary.publicAddress(proof));
        forwardedPort.set(VpnSummary.forwardedPort(plan, proof));
        stopped.set(VpnSummary.stopped(plan, proof).orElse(""));
        leaked.set(proof.leaked());
    }
}
