package dev.berth.wizardsteps.vpn;

import dev.berth.answers.VpnAnswers.Type;
import dev.berth.wizardsteps.core.AppChoice;
import dev.berth.wizardsteps.view.Choices;
import dev.berth.wizardsteps.view.Fields;
import dev.berth.wizardsteps.view.Page;
import dev.berth.wizardsteps.view.Rows;
import dev.berth.wizardsteps.view.SecretField;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ListChangeListener;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/** Step 6's page: VPN on or off, then the provider, its credentials, countries, the apps that use it and the home network. */
public final class VpnView extends Page {
    public VpnView(VpnViewModel vm) {
        ObjectProperty<Boolean> on = new SimpleObjectProperty<>();
        on.bindBidirectional(vm.enabledProperty());
        Choices<Boolean> onOff = new Choices<>(on);
        HBox cards = Rows.even(onOff.card(false, "_Direct connection", "Every app uses your normal internet connection.", "vpn-off"),
                onOff.card(true, "Through a _VPN", "Gluetun connects to your VPN provider. The apps you tick below reach the "
                        + "internet only through it, and stop if the VPN drops instead of leaking.", "vpn-on"));

        VBox details = new VBox(20, provider(vm), credentials(vm), apps(vm), forwarding(vm), network(vm));
        Fields.shownWhen(details, vm.enabledProperty());
        Label missing = Fields.hint("");
        missing.textProperty().bind(vm.missingProperty());
        missing.setId("vpn-missing");
        Fields.shownWhen(missing, vm.enabledProperty().and(vm.missingProperty().isNotEmpty()));
        getChildren().addAll(cards, details, Fields.messageLabel(vm.generalMessageProperty()), missing);
    }

    private static VBox provider(VpnViewModel vm) {
        ComboBox<String> provider = new ComboBox<>();
        provider.setId("provider");
        provider.setPromptText("Choose your VPN provider");
        provider.getItems().setAll(vm.providers());
        provider.valueProperty().addListener(o -> {
            if (!provider.getItems().equals(vm.providers())) {
                provider.getItems().setAll(vm.providers());
            }
        });
        provider.valueProperty().bindBidirectional(vm.providerProperty());
        provider.setConverter(new StringConverter<>() {
            @Override
            public String toString(String key) {
                return VpnViewModel.providerName(key);
            }

            @Override
            public String fromString(String name) {
                return null; // not editable
            }
        });
        provider.setVisibleRowCount(12);
        provider.setPrefWidth(320);

        Choices<Type> type = new Choices<>(vm.typeProperty());
        VBox wireGuard = type.card(Type.WIREGUARD, "_WireGuard", "Faster. Needs a private key from your provider.", "vpn-wireguard");
        VBox openVpn = type.card(Type.OPENVPN, "_OpenVPN", "A user name and password from your provider.", "vpn-openvpn");
        wireGuard.disableProperty().bind(vm.wireGuardOfferedProperty().not());
        openVpn.disableProperty().bind(vm.openVpnOfferedProperty().not());
        VBox typeBox = new VBox(4, Rows.even(wireGuard, openVpn), Fields.messageLabel(vm.messageProperty("type")));
        return new VBox(12, Fields.heading("Provider"), Fields.field("_Provider", provider, vm.messageProperty("provider")), typeBox);
    }

    private static VBox credentials(VpnViewModel vm) {
        Label help = Fields.hint("");
        help.textProperty().bind(vm.helpProperty());
        help.setId("vpn-help");
        VBox wireGuard = new VBox(12,
                secret(vm, "_Private key", "privateKey", vm.privateKeyProperty()),
                Fields.field("Tunnel _address", Fields.text(vm.addressesProperty(), "10.64.222.21/32", "addresses"), vm.messageProperty("addresses")),
                Fields.shownWhen(secret(vm, "Pr_eshared key", "presharedKey", vm.presharedKeyProperty()), vm.presharedKeyShownProperty()));
        Fields.shownWhen(wireGuard, vm.typeProperty().isEqualTo(Type.WIREGUARD));
        TextField user = Fields.text(vm.userProperty(), "", "vpnUser");
        user.promptTextProperty().bind(vm.promptProperty("user"));
        VBox openVpn = new VBox(12, Fields.field("_User name", user, vm.messageProperty("user")),
                secret(vm, "Pa_ssword", "password", vm.passwordProperty()));
        Fields.shownWhen(openVpn, vm.typeProperty().isEqualTo(Type.OPENVPN));
        TextField countries = Fields.text(vm.countriesProperty(), "e.g. Netherlands, Sweden (empty: any country)", "countries");
        return new VBox(12, Fields.heading("Connection"), help, wireGuard, openVpn,
                Fields.field("_Countries", countries, vm.messageProperty("countries")),
                Fields.hint("Keys and passwords are kept in the stack's secrets folder, readable only by you, never in berth.yaml."));
    }

    private static VBox apps(VpnViewModel vm) {
        FlowPane boxes = new FlowPane(16, 10);
        Runnable fill = () -> boxes.getChildren().setAll(vm.routedApps().stream().map(VpnView::checkBox).toList());
        vm.routedApps().addListener((ListChangeListener<AppChoice>) c -> fill.run());
        fill.run();
        Label none = Fields.hint("None of the apps you chose can use the VPN: only download clients, Prowlarr and FlareSolverr can.");
        Fields.shownWhen(none, Bindings.isEmpty(vm.routedApps()));
        return new VBox(10, Fields.heading("Apps that use the VPN"), boxes, none,
                Fields.messageLabel(vm.messageProperty("routedServices")),
                Fields.hint("Other apps reach them as before; only their own internet traffic goes through the VPN."));
    }

    /** Shown when the provider forwards a port and a torrent client is routed: what happens, the box to switch it off, the provider's hint. */
    private static VBox forwarding(VpnViewModel vm) {
        CheckBox on = new CheckBox("_Forward the provider's port to the torrent client");
        on.setId("port-forwarding");
        on.setMnemonicParsing(true);
        on.selectedProperty().bindBidirectional(vm.portForwardingProperty());
        Label said = Fields.hint("port-forwarding-text", vm.forwardingProperty());
        said.setWrapText(true);
        Label hint = Fields.hint("port-forwarding-hint", vm.forwardingHintProperty());
        hint.setWrapText(true);
        Fields.shownWhen(hint, vm.forwardingHintProperty().isNotEmpty());
        VBox box = new VBox(10, Fields.heading("Port forwarding"), on, said, hint);
        Fields.shownWhen(box, vm.forwardingOfferedProperty());
        return box;
    }

    private static VBox network(VpnViewModel vm) {
        TextField subnet = Fields.text(vm.lanSubnetProperty(), "192.168.1.0/24", "lanSubnet");
        subnet.setMaxWidth(320);
        Label detected = Fields.hint("");
        detected.textProperty().bind(vm.detectedSubnetProperty());
        Fields.shownWhen(detected, vm.detectedSubnetProperty().isNotEmpty());
        return new VBox(10, Fields.heading("Home network"),
                Fields.field("_Home network (LAN subnet)", subnet, vm.messageProperty("lanSubnet")), detected,
                Fields.hint("The apps behind the VPN may still reach this network, so you can open their pages and your other "
                        + "apps can talk to them."));
    }

    private static CheckBox checkBox(AppChoice app) {
        CheckBox box = new CheckBox(app.name());
        box.setMnemonicParsing(false);
        box.setId("route-" + app.id());
        box.selectedProperty().bindBidirectional(app.selectedProperty());
        return box;
    }

    private static VBox secret(VpnViewModel vm, String label, String field, StringProperty value) {
        SecretField secret = new SecretField(value, "", field);
        secret.masked().promptTextProperty().bind(vm.promptProperty(field));
        secret.plain().promptTextProperty().bind(vm.promptProperty(field));
        return SecretField.field(label, secret, vm.messageProperty(field));
    }
}
