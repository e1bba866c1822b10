package dev.berth.engine.npm;

import dev.berth.answers.AccessAnswers;
import dev.berth.plan.Placement;
import dev.berth.plan.PlannedService;
import dev.berth.plan.StackPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The proxy hosts a stack needs: one per app a person opens in a browser, at
 * {@code <service>.<domain>}, as {@code Links} and the domain check name them. Pure.
 */
public final class ProxyHostsPlan {
    private ProxyHostsPlan() {
    }

    /** Empty when the apps are reached on the home network only. */
    public static List<DesiredProxyHost> of(StackPlan plan) {
        AccessAnswers access = plan.answers().access();
        if (!access.proxyEnabled()) {
            return List.of();
        }
        String domain = access.domain().toLowerCase(Locale.ROOT);
        List<DesiredProxyHost> hosts = new ArrayList<>();
        for (PlannedService s : plan.services()) {
            if (!proxied(s)) {
                continue;
            }
            boolean guarded = access.authelia().enabled() && access.authelia().protectedServices().contains(s.name());
            hosts.add(new DesiredProxyHost(s.name(), domainNames(s.name(), domain), s.address(), s.webPort(),
                    s.definition().web().websockets(), guarded, access.letsEncrypt()));
        }
        return List.copyOf(hosts);
    }

    /**
     * Apps with a web page meant for people. Not NPM's own admin page: putting it on the
     * internet would invite guessing at its password, and it is opened at the server's port.
     * Not host-network services: NPM's container cannot reach the host by name.
     */
    private static boolean proxied(PlannedService s) {
        return s.definition().hasWebUi() && s.definition().web().publish() && s.webPort() > 0
                && !s.name().equals("npm") && s.placement() != Placement.HOST;
    }

    /**
     * Authelia's sign-in portal must be at {@code auth.<domain>}: its configuration sends people
     * there (session.cookies[].authelia_url). {@code authelia.<domain>} is where Links and the
     * Homepage tile point, so the portal answers there too.
     */
    private static List<String> domainNames(String service, String domain) {
        if (service.equals("authelia")) {
            return List.of("auth." + domain, "authelia." + domain);
        }
        return List.of(service + "." + domain);
    }
}
