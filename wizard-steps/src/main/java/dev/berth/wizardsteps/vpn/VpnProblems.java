package dev.berth.wizardsteps.vpn;

import dev.berth.answers.AnswerRule;
import dev.berth.answers.Problem;
import dev.berth.answers.RuleId;
import dev.berth.answers.VpnAnswers;
import dev.berth.answers.VpnAnswers.Type;
import dev.berth.plan.PlanRule;
import dev.berth.wizardsteps.core.DraftProblems;
import dev.berth.wizardsteps.core.PageRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * What the VPN page says is wrong, and beside which field. Beyond the answers validator: the keys
 * and passwords are secrets, left out of berth.yaml, so the validator cannot require them; the
 * plan does, unless the stack being changed has them already. This page asks for them up front
 * (in the plan's own words), and says what Gluetun cannot do with a provider.
 */
final class VpnProblems {
    /** The VPN record's own rules, shown beside the field each is about. */
    private static final Map<RuleId, String> RULE_FIELDS = Map.of(
            AnswerRule.VPN_PROVIDER_CHOSEN, "provider",
            AnswerRule.WIREGUARD_HAS_ADDRESS, "addresses",
            AnswerRule.VPN_SOMETHING_ROUTED, "routedServices",
            AnswerRule.LAN_SUBNET_SET, "lanSubnet");

    /** Secret names in the stack's secrets folder, by field. */
    private static final Map<String, String> SECRETS = Map.of("privateKey", "wireguard_private_key",
            "presharedKey", "wireguard_preshared_key", "user", "openvpn_user", "password", "openvpn_password");
    private static final Map<String, String> PROMPTS = Map.of("privateKey", "44 characters, ending in =",
            "presharedKey", "44 characters, ending in =", "user", "", "password", "");

    private final VpnForm form;
    private final ReadOnlyObjectProperty<Map<String, String>> previousSecrets;
    /** The port forwarding the answers would get, for the provider's requirements. */
    private final Function<VpnAnswers, Optional<PortForwardingOffer>> forwarding;
    private final Map<String, ReadOnlyStringWrapper> prompts = Map.of("privateKey", new ReadOnlyStringWrapper(),
            "presharedKey", new ReadOnlyStringWrapper(), "user", new ReadOnlyStringWrapper(), "password", new ReadOnlyStringWrapper());

    VpnProblems(VpnForm form, ReadOnlyObjectProperty<Map<String, String>> previousSecrets,
                Function<VpnAnswers, Optional<PortForwardingOffer>> forwarding) {
        this.form = form;
        this.previousSecrets = previousSecrets;
        this.forwarding = forwarding;
        previousSecrets.addListener(o -> updatePrompts());
        updatePrompts();
    }

    ReadOnlyStringProperty promptProperty(String field) {
        return prompts.get(field).getReadOnlyProperty();
    }

    /** The problems the validator cannot see, with paths like its own. */
    List<Problem> beyondValidator(VpnAnswers v) {
        List<Problem> found = new ArrayList<>();
        if (!v.enabled() || v.provider() == null) {
            return found;
        }
        VpnProviderInfo info = VpnProviderInfo.of(v.provider());
        if (!info.wireGuard() && !info.openVpn() || info.key().equals("custom")) {
            found.add(new Problem("vpn.provider", info.name() + " cannot be set up by Berth yet: "
                    + (v.type() == Type.WIREGUARD ? info.wireGuardHelp() : info.openVpnHelp()) + " Choose your provider by name.",
                    PageRule.VPN_PROVIDER_UNSUPPORTED));
        } else if (v.type() == Type.OPENVPN && !info.openVpn()) {
            found.add(new Problem("vpn.type", "Gluetun connects to " + info.name() + " only with WireGuard: choose WireGuard",
                    PageRule.OPENVPN_UNSUPPORTED));
        }
        if (v.type() == Type.WIREGUARD) {
            if (missing("privateKey")) {
                found.add(new Problem("vpn.wireguard.privateKey", "is required: copy the private key from your provider's WireGuard configuration",
                        PlanRule.SECRET_REQUIRED));
            }
            if (info.presharedKey() && missing("presharedKey")) {
                found.add(new Problem("vpn.wireguard.presharedKey", "is required for " + info.name()
                        + ": copy PresharedKey from its WireGuard configuration", PlanRule.SECRET_REQUIRED));
            }
        } else if (v.type() == Type.OPENVPN) {
            if (missing("user")) {
                found.add(new Problem("vpn.openvpn.user", "is required for OpenVPN", PlanRule.SECRET_REQUIRED));
            }
            if (missing("password")) {
                found.add(new Problem("vpn.openvpn.password", "is required for OpenVPN", PlanRule.SECRET_REQUIRED));
            }
            forwarding.apply(v).filter(offer -> !Boolean.FALSE.equals(v.portForwarding()))
                    .ifPresent(offer -> offer.openVpnUserSuffix().ifPresent(suffix -> {
                // A user name kept from the stack being changed is not on the page to check: the deploy's plan checks it.
                String user = form.user.get().strip();
                if (!user.isEmpty() && !user.endsWith(suffix)) {
                    found.add(new Problem("vpn.openvpn.user", "must end with " + suffix + " for " + info.name()
                            + " to forward a port to " + offer.client() + ": type " + user + suffix
                            + ", or switch port forwarding off below", PageRule.PORT_FORWARDING_USER_SUFFIX));
                }
            }));
        }
        return found;
    }

    /** Every problem the page shows, on the fields it shows them beside. */
    List<Problem> onPage(VpnAnswers v, List<Problem> draft) {
        List<Problem> found = new ArrayList<>(beyondValidator(v));
        found.addAll(draft);
        return found.stream().map(p -> onField(p, v)).toList();
    }

    /** Moves a problem to the field the page shows it beside; list elements are named by their value. */
    static Problem onField(Problem p, VpnAnswers v) {
        String field = p.field();
        String message = p.message();
        if (field.equals("vpn") && RULE_FIELDS.containsKey(p.rule())) {
            field = "vpn." + RULE_FIELDS.get(p.rule());
        }
        field = field.replaceFirst("^vpn\\.(wireguard|openvpn)\\.", "vpn.");
        int country = DraftProblems.index(field, "vpn.countries");
        int address = DraftProblems.index(field, "vpn.addresses");
        if (country >= 0 && country < v.countries().size()) {
            message = "'" + v.countries().get(country) + "' " + message;
        } else if (address >= 0 && v.wireguard() != null && address < v.wireguard().addresses().size()) {
            message = "'" + v.wireguard().addresses().get(address) + "' " + message;
        }
        return new Problem(DraftProblems.withoutIndexes(field), message, p.rule());
    }

    /** For "Still needed: …". */
    static String describe(String field) {
        return switch (field) {
            case "provider" -> "the provider";
            case "type" -> "the connection type";
            case "privateKey" -> "the private key";
            case "addresses" -> "the tunnel address";
            case "presharedKey" -> "the preshared key";
            case "user" -> "the OpenVPN user name";
            case "password" -> "the OpenVPN password";
            case "countries" -> "the countries";
            case "routedServices" -> "the apps that go through the VPN";
            default -> "your home network (LAN subnet)";
        };
    }

    /** Empty, and not kept from the stack being changed. */
    private boolean missing(String field) {
        return form.text(field).isBlank() && !previousSecrets.get().containsKey(SECRETS.get(field));
    }

    private void updatePrompts() {
        prompts.forEach((field, prompt) -> prompt.set(previousSecrets.get().containsKey(SECRETS.get(field))
                ? "leave empty to keep the current one" : PROMPTS.get(field)));
    }
}
