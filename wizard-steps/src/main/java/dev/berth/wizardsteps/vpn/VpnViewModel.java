package dev.berth.wizardsteps.vpn;

import dev.berth.answers.Problem;
import dev.berth.answers.VpnAnswers;
import dev.berth.answers.VpnAnswers.Type;
import dev.berth.wizardsteps.core.AppChoice;
import dev.berth.wizardsteps.core.FieldMessages;
import dev.berth.wizardsteps.core.FormStep;
import dev.berth.wizardsteps.core.StepContext;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;

/**
 * Step 6: whether downloads go through a VPN (Gluetun), and its details: the provider, WireGuard
 * or OpenVPN with what that provider needs, server countries, which of the chosen apps go through
 * it (download clients unless the person says otherwise), and the home network they may still
 * reach. Keys and passwords go to the stack's secrets, never into berth.yaml.
 */
public final class VpnViewModel extends FormStep<VpnAnswers> {
    /** The fields, as the page names them; the answers nest some (wireguard.privateKey, openvpn.user). */
    public static final List<String> FIELDS = List.of("provider", "type", "privateKey", "addresses", "presharedKey",
            "user", "password", "countries", "routedServices", "lanSubnet");
    private final VpnForm form = new VpnForm();
    private final ProviderOffer offer = new ProviderOffer(form);
    private final RoutedApps routed;
    private final VpnProblems pageRules;
    private final ReadOnlyStringWrapper detectedSubnet = new ReadOnlyStringWrapper(this, "detectedSubnet", "");
    private final ReadOnlyStringWrapper missing = new ReadOnlyStringWrapper(this, "missing", "");
    private final ReadOnlyBooleanWrapper forwardingOffered = new ReadOnlyBooleanWrapper(this, "forwardingOffered", false);
    private final ReadOnlyStringWrapper forwarding = new ReadOnlyStringWrapper(this, "forwarding", "");
    private final ReadOnlyStringWrapper forwardingHint = new ReadOnlyStringWrapper(this, "forwardingHint", "");
    /** The problems last shown, by the page's field names. */
    private List<Problem> onFields = List.of();

    public VpnViewModel(StepContext ctx) {
        super(ctx, "vpn", FIELDS, ctx.model().vpnProperty(), ctx.model()::setVpn);
        routed = new RoutedApps(() -> ctx.backend().catalog(), () -> ctx.model().servicesProperty().get(), () -> {
            touch("routedServices");
            edited();
        });
        pageRules = new VpnProblems(form, ctx.model().previousSecretsProperty(), this::forwardingOffer);
        editedOnChange(form.all());
        form.provider.addListener((o, was, now) -> {
            if (!updating()) {
                offer.providerChosen(was, now);
            }
        });
        ctx.model().servicesProperty().addListener((o, was, now) -> {
            if (routed.chosenChanged()) {
                edited();
            }
        });
        onDraftChange(this::validate);
        ctx.target().connectedProperty().addListener((o, was, now) -> offerDetectedSubnet());
        // The stack being changed may already hold the keys: then they need not be typed again.
        ctx.model().previousSecretsProperty().addListener((o, was, now) -> validate());
        if (ctx.model().vpnProperty().get().enabled()) {
            fill(ctx.model().vpnProperty().get());
        }
        offer.update();
        updateSummary();
    }

    @Override
    public String title() {
        return "VPN";
    }

    @Override
    public String description() {
        return "Send downloads through a VPN, so your internet provider cannot see what you download.";
    }

    @Override
    protected void entering() {
        routed.ensureCatalog();
        offerDetectedSubnet();
    }

    /** On: Gluetun runs and the ticked apps reach the internet only through it. */
    public BooleanProperty enabledProperty() {
        return form.enabled;
    }

    /** Gluetun's name for the provider, e.g. {@code private internet access}; null until chosen. */
    public ObjectProperty<String> providerProperty() {
        return form.provider;
    }

    /** The providers to choose from, by their key. */
    public List<String> providers() {
        return offer.providers();
    }

    /** "Private Internet Access" for {@code private internet access}. */
    public static String providerName(String key) {
        return key == null ? "" : VpnProviderInfo.of(key).name();
    }

    public ObjectProperty<Type> typeProperty() {
        return form.type;
    }

    public StringProperty privateKeyProperty() {
        return form.privateKey;
    }

    /** The tunnel address(es), comma-separated. */
    public StringProperty addressesProperty() {
        return form.addresses;
    }

    public StringProperty presharedKeyProperty() {
        return form.presharedKey;
    }

    public StringProperty userProperty() {
        return form.user;
    }

    public StringProperty passwordProperty() {
        return form.password;
    }

    /** Server countries, comma-separated, as the provider names them; empty for any. */
    public StringProperty countriesProperty() {
        return form.countries;
    }

    public StringProperty lanSubnetProperty() {
        return form.lanSubnet;
    }

    /** The chosen apps that can go through the VPN, ticked when they do. */
    public ObservableList<AppChoice> routedApps() {
        return routed.items();
    }

    /** What a key or password field says while empty: "leave empty to keep the current key" when reconfiguring. */
    public ReadOnlyStringProperty promptProperty(String field) {
        return pageRules.promptProperty(field);
    }

    /** Whether the chosen provider works with WireGuard in Gluetun. */
    public ReadOnlyBooleanProperty wireGuardOfferedProperty() {
        return offer.wireGuardOfferedProperty();
    }

    public ReadOnlyBooleanProperty openVpnOfferedProperty() {
        return offer.openVpnOfferedProperty();
    }

    /** Only a few providers' WireGuard needs a preshared key. */
    public ReadOnlyBooleanProperty presharedKeyShownProperty() {
        return offer.presharedKeyShownProperty();
    }

    /** Where the chosen provider shows the values asked for. */
    public ReadOnlyStringProperty helpProperty() {
        return offer.helpProperty();
    }

    /** "Detected on the target: 192.168.1.0/24", or empty. */
    public ReadOnlyStringProperty detectedSubnetProperty() {
        return detectedSubnet.getReadOnlyProperty();
    }

    /** Ticked: the provider's forwarded port goes to the routed torrent client; unticked writes {@code portForwarding: false}. */
    public BooleanProperty portForwardingProperty() {
        return form.portForwarding;
    }

    /** Whether the provider forwards a port with the chosen type and a torrent client is routed (the box is shown). */
    public ReadOnlyBooleanProperty forwardingOfferedProperty() {
        return forwardingOffered.getReadOnlyProperty();
    }

    /** "ProtonVPN forwards a port: qBittorrent gets it at every reconnect, …", or that it is off; empty when not offered. */
    public ReadOnlyStringProperty forwardingProperty() {
        return forwarding.getReadOnlyProperty();
    }

    /** What the person must do at the provider for it, from the gateway's catalog entry; empty when nothing. */
    public ReadOnlyStringProperty forwardingHintProperty() {
        return forwardingHint.getReadOnlyProperty();
    }

    /** "Still needed: …" for what is missing but not marked yet (fields not touched). */
    public ReadOnlyStringProperty missingProperty() {
        return missing.getReadOnlyProperty();
    }

    @Override
    protected VpnAnswers build() {
        if (form.enabled.get()) {
            routed.ensureCatalog(); // the routed apps are offered from the catalog
        }
        VpnAnswers built = form.build(routed.selected());
        // Unticked only says something where forwarding was offered; ticked is the default, left out of berth.yaml.
        return !form.portForwarding.get() && forwardingOffer(built).isPresent() ? built.withPortForwarding(false) : built;
    }

    @Override
    protected List<Problem> findProblems() {
        VpnAnswers draft = ctx.model().vpnProperty().get();
        showForwarding(draft);
        onFields = pageRules.onPage(draft, draftProblems());
        return onFields;
    }

    /** The port forwarding these answers get, whatever the box says; empty without a VPN, a forwarding provider or a routed torrent client. */
    private Optional<PortForwardingOffer> forwardingOffer(VpnAnswers v) {
        if (!v.enabled()) {
            return Optional.empty();
        }
        routed.ensureCatalog();
        return PortForwardingOffer.of(ctx.backend().catalog(), v.provider(), v.type(), ctx.model().servicesProperty().get(),
                v.routedServices());
    }

    private void showForwarding(VpnAnswers v) {
        var offer = forwardingOffer(v);
        forwardingOffered.set(offer.isPresent());
        forwardingHint.set(offer.map(o -> o.provider().hint()).filter(h -> h != null).orElse(""));
        forwarding.set(offer.map(o -> form.portForwarding.get() ? o.sentence()
                : "Off: " + o.client() + " gets no forwarded port, so it finds fewer peers.").orElse(""));
    }

    @Override
    protected List<String> filledFields() {
        return FIELDS.stream().filter(f -> !form.text(f).isBlank()).toList();
    }

    @Override
    protected void shown(boolean clean) {
        setValid(clean);
        missing.set(clean ? "" : FieldMessages.stillNeeded(messages.unmarked(onFields).stream().map(VpnProblems::describe).toList()));
    }

    @Override
    protected void beforeFill(VpnAnswers v) {
        if (v.enabled()) {
            routed.ensureCatalog(); // the routed apps on offer first, so the loaded ticks are exactly those
        }
    }

    @Override
    protected void fillFields(VpnAnswers v) {
        form.fill(v);
        if (v.enabled()) {
            routed.select(v.routedServices()); // with the VPN off the list says nothing: defaults stay
        }
    }

    @Override
    protected void beforeWrite() {
        offer.update();
    }

    /** The target's home network, for an empty LAN subnet. */
    private void offerDetectedSubnet() {
        String found = ctx.target().connected().map(c -> c.facts().lanSubnet()).orElse(null);
        detectedSubnet.set(found == null ? "" : "Detected on the target: " + found);
        if (found != null && form.lanSubnet.get().isBlank() && entered()) {
            form.lanSubnet.set(found);
        }
    }

    @Override
    protected void updateSummary() {
        setSummary(form.summary(routed.items().stream().filter(AppChoice::isSelected).map(AppChoice::name).toList()));
    }
}
