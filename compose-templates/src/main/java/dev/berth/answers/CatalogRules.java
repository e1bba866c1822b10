package dev.berth.answers;

import dev.berth.catalog.Catalog;
import dev.berth.catalog.ServiceDefinition;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** The answer rules that need to know the services: ids exist, VPN routing makes sense, and so on. */
final class CatalogRules {
    private final Catalog catalog;
    private final Answers answers;
    private final Consumer<Problem> problems;

    CatalogRules(Catalog catalog, Answers answers, Consumer<Problem> problems) {
        this.catalog = catalog;
        this.answers = answers;
        this.problems = problems;
    }

    void check() {
        checkIds("services", answers.services());
        if (answers.services().isEmpty()) {
            problems.accept(new Problem("services", "choose at least one app", AnswerRule.NO_APP_CHOSEN));
        }
        checkControlledElsewhere();
        checkIds("portOverrides", List.copyOf(answers.portOverrides().keySet()));
        checkVpn();
        checkAuthelia();
        checkQualityProfiles();
        new SwarmRules(catalog, answers, problems).check();
        if (answers.monitoring().tautulli() && !answers.services().contains("plex")) {
            problems.accept(new Problem("monitoring.tautulli",
                    "Tautulli only reports on Plex: choose Plex on the Apps screen, or turn Tautulli off",
                    AnswerRule.TAUTULLI_NEEDS_PLEX));
        }
        if (answers.media().plexClaim() != null && !answers.services().contains("plex")) {
            problems.accept(new Problem("media.plexClaim",
                    "a claim token links Plex to your account, and Plex is not chosen: choose Plex on the Apps screen, or leave the token out",
                    AnswerRule.PLEX_CLAIM_NEEDS_PLEX));
        }
    }

    private void checkControlledElsewhere() {
        Map<String, String> implied = ImpliedServices.of(answers);
        for (int i = 0; i < answers.services().size(); i++) {
            String id = answers.services().get(i);
            String how = ImpliedServices.CONTROLLED.get(id);
            if (how != null && !implied.containsKey(id)) {
                problems.accept(new Problem("services[" + i + "]", catalog.get(id).name()
                        + " is set up from its own answers, not from this list: use " + how + " and remove '" + id + "' here", AnswerRule.SET_UP_ELSEWHERE));
            }
        }
    }

    private void checkIds(String field, List<String> ids) {
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            if (!catalog.contains(id)) {
                problems.accept(new Problem(field + "[" + i + "]", "'" + id + "' is not a service Berth knows; known services: "
                        + String.join(", ", catalog.all().stream().map(ServiceDefinition::id).toList()), AnswerRule.UNKNOWN_SERVICE));
            }
        }
    }

    private void checkVpn() {
        VpnAnswers vpn = answers.vpn();
        if (!vpn.enabled()) {
            return;
        }
        if (vpn.type() == VpnAnswers.Type.WIREGUARD && vpn.provider() != null
                && !TextRules.WIREGUARD_PROVIDERS.contains(vpn.provider())) {
            problems.accept(new Problem("vpn.type", "Gluetun has no WireGuard support for '" + vpn.provider()
                    + "': choose OpenVPN, or the 'custom' provider with your provider's WireGuard file", AnswerRule.NO_WIREGUARD_SUPPORT));
        }
        checkPortForwarding(vpn);
        List<String> routed = vpn.routedServices();
        // Everything routed shares one network namespace: one port space for all of them.
        Map<Integer, String> fixedPorts = new HashMap<>();
        for (int i = 0; i < routed.size(); i++) {
            String id = routed.get(i);
            String field = "vpn.routedServices[" + i + "]";
            ServiceDefinition def = catalog.find(id).orElse(null);
            if (def == null) {
                problems.accept(new Problem(field, "'" + id + "' is not a service Berth knows", AnswerRule.UNKNOWN_SERVICE));
                continue;
            }
            if (!def.vpnCapable()) {
                problems.accept(new Problem(field, def.name() + " cannot go through the VPN; only download clients, Prowlarr and FlareSolverr can",
                        AnswerRule.NOT_VPN_CAPABLE));
                continue;
            }
            if (!answers.services().contains(id)) {
                problems.accept(new Problem(field, def.name() + " is routed through the VPN but not chosen on the Apps screen",
                        AnswerRule.ROUTED_NOT_CHOSEN));
                continue;
            }
            if (def.web() != null && def.web().portEnv() == null) {
                String other = fixedPorts.putIfAbsent(def.web().port(), def.name());
                if (other != null) {
                    problems.accept(new Problem("vpn.routedServices", other + " and " + def.name() + " both need port "
                            + def.web().port() + " inside the VPN, and neither can move: route only one of them through the VPN",
                            AnswerRule.VPN_PORT_CLASH));
                }
            }
        }
    }

    /** Port forwarding asked for explicitly must be something the gateway can do for this provider and type. */
    private void checkPortForwarding(VpnAnswers vpn) {
        if (!Boolean.TRUE.equals(vpn.portForwarding()) || vpn.provider() == null || vpn.type() == null) {
            return;
        }
        catalog.all().stream().map(ServiceDefinition::vpnGateway).filter(java.util.Objects::nonNull).findFirst().ifPresent(gateway -> {
            var forwarding = gateway.forwarding(vpn.provider());
            if (forwarding.isEmpty()) {
                problems.accept(new Problem("vpn.portForwarding", "Gluetun forwards a port only for "
                        + String.join(", ", gateway.portForwarding().stream().map(p -> p.provider()).toList())
                        + ", not for '" + vpn.provider() + "': choose one of those providers, or set portForwarding to false",
                        AnswerRule.NO_PORT_FORWARDING));
            } else if (!forwarding.get().types().contains(vpn.type().key())) {
                problems.accept(new Problem("vpn.portForwarding", "'" + vpn.provider() + "' forwards a port only with "
                        + String.join(" or ", forwarding.get().types()) + ", not with " + vpn.type().key()
                        + ": choose " + String.join(" or ", forwarding.get().types()) + " as vpn.type, or set portForwarding to false",
                        AnswerRule.NO_PORT_FORWARDING_WITH_TYPE));
            } else if (vpn.routedServices().stream().map(catalog::find).flatMap(java.util.Optional::stream)
                    .noneMatch(d -> d.forwardedPort() != null)) {
                // Asked for, but nothing would listen on the port: say so rather than switch it off silently.
                List<String> takers = catalog.all().stream().filter(d -> d.forwardedPort() != null).map(ServiceDefinition::name).toList();
                problems.accept(new Problem("vpn.portForwarding", "no app routed through the VPN takes the forwarded port: route "
                        + String.join(" or ", takers) + " through the VPN, or leave portForwarding out",
                        AnswerRule.NO_FORWARDED_PORT_CLIENT));
            }
        });
    }

    /** Each key an app Recyclarr serves and the person chose, each value a profile its catalog entry offers. */
    private void checkQualityProfiles() {
        List<String> served = catalog.all().stream().filter(d -> d.recyclarr() != null).map(ServiceDefinition::id).toList();
        answers.media().qualityProfiles().forEach((app, key) -> {
            String field = "media.qualityProfiles." + app;
            ServiceDefinition def = catalog.find(app).orElse(null);
            if (def == null || def.recyclarr() == null) {
                problems.accept(new Problem(field, "'" + app + "' is not an app Recyclarr keeps quality profiles in; it serves only "
                        + String.join(", ", served) + ": remove '" + app + "' here", AnswerRule.QUALITY_PROFILE_APP));
            } else if (!ImpliedServices.chosen(answers, app)) {
                problems.accept(new Problem(field, def.name() + " is not chosen on the Apps screen: choose it, or remove its quality profile",
                        AnswerRule.QUALITY_PROFILE_APP));
            } else if (def.recyclarr().profile(key).isEmpty()) {
                problems.accept(new Problem(field, "'" + key + "' is not a quality profile Berth offers for " + def.name()
                        + "; choose one of: " + String.join(", ", def.recyclarr().profileKeys()) + " (the first is the default)",
                        AnswerRule.UNKNOWN_QUALITY_PROFILE));
            }
        });
    }

    private void checkAuthelia() {
        AccessAnswers.Authelia authelia = answers.access().authelia();
        if (!authelia.enabled()) {
            return;
        }
        List<String> guarded = authelia.protectedServices();
        for (int i = 0; i < guarded.size(); i++) {
            String id = guarded.get(i);
            String field = "access.authelia.protectedServices[" + i + "]";
            ServiceDefinition def = catalog.find(id).orElse(null);
            if (def == null) {
                problems.accept(new Problem(field, "'" + id + "' is not a service Berth knows", AnswerRule.UNKNOWN_SERVICE));
            } else if (def.web() == null || !def.web().publish()) {
                problems.accept(new Problem(field, def.name() + " has no web page to protect", AnswerRule.NO_WEB_PAGE));
            } else if (!ImpliedServices.chosen(answers, id)) {
                problems.accept(new Problem(field, def.name() + " is protected by Authelia but not chosen on the Apps screen",
                        AnswerRule.PROTECTED_NOT_CHOSEN));
            }
        }
    }
}
