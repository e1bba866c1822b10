package dev.berth.wizardsteps.vpn;

import dev.berth.answers.VpnAnswers.Type;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * What the VPN page offers for the chosen provider (the connection types Gluetun supports for it,
 * whether it needs a preshared key, where it shows the values asked for), and the defaults it
 * puts in when the person picks another provider.
 */
final class ProviderOffer {
    private final VpnForm form;
    private final ReadOnlyBooleanWrapper wireGuardOffered = new ReadOnlyBooleanWrapper(this, "wireGuardOffered", true);
    private final ReadOnlyBooleanWrapper openVpnOffered = new ReadOnlyBooleanWrapper(this, "openVpnOffered", true);
    private final ReadOnlyBooleanWrapper presharedKeyShown = new ReadOnlyBooleanWrapper(this, "presharedKeyShown");
    private final ReadOnlyStringWrapper help = new ReadOnlyStringWrapper(this, "help", "");

    ProviderOffer(VpnForm form) {
        this.form = form;
    }

    ReadOnlyBooleanProperty wireGuardOfferedProperty() {
        return wireGuardOffered.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty openVpnOfferedProperty() {
        return openVpnOffered.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty presharedKeyShownProperty() {
        return presharedKeyShown.getReadOnlyProperty();
    }

    ReadOnlyStringProperty helpProperty() {
        return help.getReadOnlyProperty();
    }

    /** The providers to choose from, by their key. */
    List<String> providers() {
        List<String> keys = new ArrayList<>(VpnProviderInfo.offered().stream().map(VpnProviderInfo::key).toList());
        String current = form.provider.get();
        if (current != null && !keys.contains(current)) {
            keys.add(current); // loaded from a file: shown, with the message saying what to do
        }
        return keys;
    }

    /** What the chosen provider offers; a loaded type it does not support stays, with its message. */
    void update() {
        VpnProviderInfo info = form.provider.get() == null ? null : VpnProviderInfo.of(form.provider.get());
        wireGuardOffered.set(info == null || info.wireGuard());
        openVpnOffered.set(info == null || info.openVpn());
        presharedKeyShown.set(info != null && info.presharedKey() || !form.presharedKey.get().isEmpty());
        String key = form.provider.get();
        if (key == null) {
            help.set("Choose your provider: the page then says where to find what it needs.");
            return;
        }
        help.set(form.type.get() == Type.WIREGUARD ? info.wireGuardHelp() : info.openVpnHelp());
    }

    /** The person chose another provider: a connection type and tunnel address that suit it. */
    void providerChosen(String was, String now) {
        VpnProviderInfo info = now == null ? null : VpnProviderInfo.of(now);
        if (info == null) {
            return;
        }
        if (form.type.get() == Type.WIREGUARD && !info.wireGuard() || form.type.get() == Type.OPENVPN && !info.openVpn()) {
            form.type.set(VpnForm.defaultType(now));
        }
        // A tunnel address the same for every account is filled in; one from the last provider is not kept.
        String before = was == null ? null : VpnProviderInfo.of(was).wireGuardAddress();
        if (form.addresses.get().isBlank() || form.addresses.get().strip().equals(before)) {
            form.addresses.set(info.wireGuardAddress() == null ? "" : info.wireGuardAddress());
        }
    }
}
