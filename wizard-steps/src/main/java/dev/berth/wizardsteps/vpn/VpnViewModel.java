package dev.berth.wizardsteps.vpn;

import dev.berth.answers.Problem;
import dev.berth.answers.VpnAnswers;
import dev.berth.answers.VpnAnswers.Type;
import dev.berth.catalog.Catalog;
import dev.berth.catalog.Category;
import dev.berth.catalog.ServiceDefinition;
import dev.berth.wizardsteps.core.AppChoice;
import dev.berth.wizardsteps.core.AppChoices;
import dev.berth.wizardsteps.core.DraftProblems;
import dev.berth.wizardsteps.core.FieldMessages;
import dev.berth.wizardsteps.core.StepContext;
import dev.berth.wizardsteps.core.StepViewModel;
import dev.berth.wizardsteps.core.Touches;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
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
public final class VpnViewModel extends StepViewModel {
    /** The fields, as the page names them; the answers nest some (wireguard.privateKey, openvpn.user). */
    public static final List<String> FIELDS = List.of("provider", "type", "privateKey", "addresses", "presharedKey",
            "user", "password", "countries", "routedServices", "lanSubnet");
    private final VpnForm form = new VpnForm();
    private final AppChoices routed = new AppChoices(this::downloadClient, this::routedChanged);
    private final FieldMessages messages = new FieldMessages("vpn", FIELDS.toArray(String[]::new));
    private final Touches touches = new Touches();
    private final VpnProblems pageRules;
    private final ReadOnlyBooleanWrapper wireGuardOffered = new ReadOnlyBooleanWrapper(this, "wireGuardOffered", true);
    private final ReadOnlyBooleanWrapper openVpnOffered = new ReadOnlyBooleanWrapper(this, "openVpnOffered", true);
    private final ReadOnlyBooleanWrapper presharedKeyShown = new ReadOnlyBooleanWrapper(this, "presharedKeyShown");
    private final ReadOnlyStringWrapper help = new ReadOnlyStringWrapper(this, "help", "");
    private final ReadOnlyStringWrapper detectedSubnet = new ReadOnlyStringWrapper(this, "detectedSubnet", "");
    private final ReadOnlyStringWrapper missing = new ReadOnlyStringWrapper(this, "missing", "");
    private Catalog catalog;
    private DraftProblems problems;
    private boolean filling;
    private boolean writing;
    /** Validation starts when the page is first shown: at start-up the catalog is still loading. */
    private boolean entered;

    public VpnViewModel(StepContext ctx) {
        super(ctx);
        pageRules = new VpnProblems(form, ctx.model().previousSecretsProperty());
        form.all().forEach(f -> f.addListener(o -> edited()));
        form.provider.addListener((o, was, now) -> providerChanged(was, now));
        ctx.model().vpnProperty().addListener((o, was, now) -> {
            if (!now.equals(build())) {
                fill(now);
            }
        });
        ctx.model().servicesProperty().addListener((o, was, now) -> {
            if (catalog != null && offerRouted()) {
                edited();
            }
        });
        // A change listener: an invalidation listener misses changes while nobody reads the draft.
        ctx.model().answersProperty().addListener((o, was, now) -> {
            if (!writing) {
                validate();
            }
        });
        ctx.target().connectedProperty().addListener((o, was, now) -> offerDetectedSubnet());
        // The stack being changed may already hold the keys: then they need not be typed again.
        ctx.model().previousSecretsProperty().addListener((o, was, now) -> validate());
        if (ctx.model().vpnProperty().get().enabled()) {
            fill(ctx.model().vpnProperty().get());
        }
        updateOffered();
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
    public void enter() {
        entered = true;
        ensureCatalog();
        offerDetectedSubnet();
        edited();
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
        List<String> keys = new ArrayList<>(VpnProviderInfo.offered().stream().map(VpnProviderInfo::key).toList());
        String current = form.provider.get();
        if (current != null && !keys.contains(current)) {
            keys.add(current); // loaded from a file: shown, with the message saying what to do
        }
        return keys;
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

    public ReadOnlyStringProperty messageProperty(String field) {
        return messages.messageProperty(field);
    }

    public ReadOnlyStringProperty generalMessageProperty() {
        return messages.generalProperty();
    }

    /** What a key or password field says while empty: "leave empty to keep the current key" when reconfiguring. */
    public ReadOnlyStringProperty promptProperty(String field) {
        return pageRules.promptProperty(field);
    }

    /** Whether the chosen provider works with WireGuard in Gluetun. */
    public ReadOnlyBooleanProperty wireGuardOfferedProperty() {
        return wireGuardOffered.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty openVpnOfferedProperty() {
        return openVpnOffered.getReadOnlyProperty();
    }

    /** Only a few providers' WireGuard needs a preshared key. */
    public ReadOnlyBooleanProperty presharedKeyShownProperty() {
        return presharedKeyShown.getReadOnlyProperty();
    }

    /** Where the chosen provider shows the values asked for. */
    public ReadOnlyStringProperty helpProperty() {
        return help.getReadOnlyProperty();
    }

    /** "Detected on the target: 192.168.1.0/24", or empty. */
    public ReadOnlyStringProperty detectedSubnetProperty() {
        return detectedSubnet.getReadOnlyProperty();
    }

    /** "Still needed: …" for what is missing but not marked yet (fields not touched). */
    public ReadOnlyStringProperty missingProperty() {
        return missing.getReadOnlyProperty();
    }

    private VpnAnswers build() {
        if (form.enabled.get()) {
            ensureCatalog(); // the routed apps are offered from the catalog
        }
        return form.build(routed.selected());
    }

    private void edited() {
        if (filling) {
            return;
        }
        updateOffered();
        writing = true;
        try {
            ctx.model().setVpn(build());
        } finally {
            writing = false;
        }
        validate();
    }

    private void validate() {
        updateSummary();
        if (!entered) {
            return;
        }
        VpnAnswers v = ctx.model().vpnProperty().get();
        List<Problem> found = new ArrayList<>(pageRules.beyondValidator(v));
        found.addAll(problems().of("vpn", ctx.model().answers()));
        List<Problem> onFields = found.stream().map(p -> VpnProblems.onField(p, v)).toList();
        boolean clean = messages.show(onFields);
        FIELDS.stream().filter(f -> !form.text(f).isBlank()).forEach(touches::add);
        touches.applyTo(messages);
        setValid(clean);
        List<String> notMarked = FIELDS.stream().filter(f -> messages.message(f).isEmpty())
                .filter(f -> onFields.stream().anyMatch(p -> p.field().equals("vpn." + f))).map(VpnProblems::describe).toList();
        missing.set(clean || notMarked.isEmpty() ? "" : "Still needed: " + String.join(", ", notMarked) + ".");
    }

    private void fill(VpnAnswers v) {
        if (v.enabled()) {
            ensureCatalog(); // the routed apps on offer first, so the loaded ticks are exactly those
        }
        filling = true;
        try {
            form.fill(v);
            if (v.enabled()) {
                routed.select(v.routedServices()); // with the VPN off the list says nothing: defaults stay
            }
        } finally {
            filling = false;
        }
        touches.addAll();
        edited();
    }

    /** What the chosen provider offers; a loaded type it does not support stays, with its message. */
    private void updateOffered() {
        VpnProviderInfo info = form.provider.get() == null ? null : VpnProviderInfo.of(form.provider.get());
        wireGuardOffered.set(info == null || info.wireGuard());
        openVpnOffered.set(info == null || info.openVpn());
        presharedKeyShown.set(info != null && info.presharedKey() || !form.presharedKey.get().isEmpty());
        updateHelp();
    }

    /** The person chose another provider: a connection type and tunnel address that suit it. */
    private void providerChanged(String was, String now) {
        VpnProviderInfo info = now == null ? null : VpnProviderInfo.of(now);
        if (!filling && info != null) {
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

    private void updateHelp() {
        String key = form.provider.get();
        if (key == null) {
            help.set("Choose your provider: the page then says where to find what it needs.");
            return;
        }
        VpnProviderInfo info = VpnProviderInfo.of(key);
        help.set(form.type.get() == Type.WIREGUARD ? info.wireGuardHelp() : info.openVpnHelp());
    }

    private void routedChanged() {
        touches.add("routedServices");
        edited();
    }

    /** Offers the chosen apps that can go through the VPN; true when the ticked ones changed. */
    private boolean offerRouted() {
        List<String> chosen = ctx.model().servicesProperty().get();
        Map<String, String> apps = new LinkedHashMap<>();
        for (ServiceDefinition d : catalog.all()) {
            if (d.vpnCapable() && chosen.contains(d.id())) {
                apps.put(d.id(), d.name());
            }
        }
        return routed.offer(apps);
    }

    private boolean downloadClient(String id) {
        return catalog != null && catalog.find(id).map(d -> d.category() == Category.DOWNLOAD_CLIENT).orElse(false);
    }

    /** The target's home network, for an empty LAN subnet. */
    private void offerDetectedSubnet() {
        String found = ctx.target().connected().map(c -> c.facts().lanSubnet()).orElse(null);
        detectedSubnet.set(found == null ? "" : "Detected on the target: " + found);
        if (found != null && form.lanSubnet.get().isBlank() && entered) {
            form.lanSubnet.set(found);
        }
    }

    private void updateSummary() {
        if (!form.enabled.get()) {
            setSummary("Off");
            return;
        }
        String provider = form.provider.get() == null ? "provider not chosen" : providerName(form.provider.get());
        String names = routed.items().stream().filter(AppChoice::isSelected).map(AppChoice::name).collect(Collectors.joining(", "));
        setSummary(provider + ", " + (form.type.get() == Type.OPENVPN ? "OpenVPN" : "WireGuard") + (names.isEmpty() ? "" : ": " + names));
    }

    /** Loads the catalog the first time it is needed (it takes a moment), and offers the routed apps from it. */
    private void ensureCatalog() {
        if (catalog == null) {
            catalog = ctx.backend().catalog();
            offerRouted();
        }
    }

    private DraftProblems problems() {
        if (problems == null) {
            problems = new DraftProblems(ctx.backend().validator());
        }
        return problems;
    }
}
