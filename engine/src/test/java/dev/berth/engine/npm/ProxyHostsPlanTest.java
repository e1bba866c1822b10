package dev.berth.engine.npm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.answers.AccessAnswers;
import dev.berth.engine.deploy.ConfigureProxyHostsJob;
import dev.berth.plan.StackPlan;
import dev.berth.testsupport.Examples;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Which proxy hosts a stack gets, and what each body holds; no NPM involved. */
class ProxyHostsPlanTest {
    private static StackPlan full;
    private static List<DesiredProxyHost> hosts;

    @BeforeAll
    static void plan() {
        full = Examples.plan("full-wireguard");
        hosts = ProxyHostsPlan.of(full);
    }

    @Test
    void eachAppAPersonOpensGetsItsOwnName() {
        List<String> services = hosts.stream().map(DesiredProxyHost::service).toList();

        assertTrue(services.containsAll(List.of("jellyfin", "sonarr", "prowlarr", "qbittorrent", "seerr", "grafana", "authelia")),
                services::toString);
        assertEquals("sonarr.example.com", host("sonarr").domain());
        assertEquals(List.of("sonarr.example.com"), host("sonarr").domainNames());
    }

    @Test
    void neitherNpmItselfNorInternalHelpersAreProxied() {
        List<String> services = hosts.stream().map(DesiredProxyHost::service).toList();

        assertFalse(services.contains("npm"), "NPM's admin page must not be put on the internet");
        assertFalse(services.contains("flaresolverr"), services::toString);
        assertFalse(services.stream().anyMatch(s -> s.startsWith("exportarr") || s.equals("node-exporter") || s.equals("cadvisor")),
                services::toString);
    }

    @Test
    void appsRoutedThroughTheVpnAreReachedThroughGluetun() {
        assertEquals("gluetun", host("prowlarr").forwardHost());
        assertEquals(9696, host("prowlarr").forwardPort());
        assertEquals("jellyfin", host("jellyfin").forwardHost());
    }

    @Test
    void aMovedPortInsideTheVpnIsTheOneForwardedTo() {
        // qBittorrent and SABnzbd both listen on 8080 by default; inside one VPN namespace one moves.
        assertNotEquals(host("qbittorrent").forwardPort(), host("sabnzbd").forwardPort());
        assertEquals(full.service("qbittorrent").orElseThrow().webPort(), host("qbittorrent").forwardPort());
    }

    @Test
    void protectedAppsAskAutheliaAndOthersDoNot() {
        String sonarr = host("sonarr").advancedConfig();
        String jellyfin = host("jellyfin").advancedConfig();

        assertTrue(sonarr.contains("include /snippets/authelia-location.conf;"), sonarr);
        assertTrue(sonarr.contains("include /snippets/authelia-authrequest.conf;"), sonarr);
        assertFalse(jellyfin.contains("authelia"), jellyfin);
        assertTrue(jellyfin.contains("proxy_pass $forward_scheme://$server:$port;"), jellyfin);
    }

    @Test
    void websocketsFollowTheCatalog() {
        assertTrue(host("jellyfin").websockets());
        assertTrue(host("jellyfin").advancedConfig().contains("include /snippets/websocket.conf;"));
        assertFalse(host("sabnzbd").websockets());
        assertTrue(host("jellyfin").createRequest().allowWebsocketUpgrade());
    }

    @Test
    void autheliasPortalIsAtTheAddressItsConfigurationSendsPeopleTo() {
        assertEquals(List.of("auth.example.com", "authelia.example.com"), host("authelia").domainNames());
        assertFalse(host("authelia").protectedByAuthelia());
    }

    @Test
    void withLetsEncryptEachHostAsksForACertificateAndForcesHttps() {
        ProxyHostRequest create = host("seerr").createRequest();

        assertEquals("new", create.certificateId());
        assertEquals(Boolean.TRUE, create.sslForced());
        assertEquals(Boolean.TRUE, create.http2Support());
    }

    @Test
    void withoutLetsEncryptNoCertificateIsAskedFor() {
        AccessAnswers a = full.answers().access();
        StackPlan plain = Examples.repeatablePlanner().plan(full.answers().withAccess(
                new AccessAnswers(a.mode(), a.domain(), false, a.npm(), a.authelia(), a.fail2ban())), Map.of());

        ProxyHostRequest create = ProxyHostsPlan.of(plain).getFirst().createRequest();

        assertEquals(null, create.certificateId());
        assertEquals(null, create.sslForced());
    }

    @Test
    void berthsMarkerIsTheFirstLineAndNamesTheService() {
        String config = host("sonarr").advancedConfig();

        assertTrue(config.startsWith("# Managed by Berth (service: sonarr)."), config);
        assertEquals("sonarr", BerthMarker.service(existing(host("sonarr"))).orElseThrow());
    }

    @Test
    void aHostAlreadyAsPlannedNeedsNoUpdateAndAChangedOneDoes() {
        DesiredProxyHost sonarr = host("sonarr");
        ProxyHost same = existing(sonarr);
        ProxyHost moved = new ProxyHost(same.id(), same.domainNames(), "http", "sonarr", 9999, same.certificateId(),
                true, false, false, false, true, true, false, true, 0, same.advancedConfig(), true, Map.of(), List.of());

        assertTrue(sonarr.updateFor(same).isEmpty());
        ProxyHostRequest update = sonarr.updateFor(moved).orElseThrow();
        assertEquals(8989, update.forwardPort());
        assertEquals(null, update.certificateId(), "a host with a certificate must not ask for another");
    }

    @Test
    void aHostOfBerthsWithoutCertificateAsksAgain() {
        DesiredProxyHost sonarr = host("sonarr");
        ProxyHost noCertificate = new ProxyHost(3, sonarr.domainNames(), "http", "sonarr", 8989, 0, false, false, false,
                false, false, true, false, true, 0, sonarr.advancedConfig(), true, Map.of(), List.of());

        assertEquals("new", sonarr.updateFor(noCertificate).orElseThrow().certificateId());
    }

    @Test
    void theBodiesFollowNpmsSchemas() {
        ObjectMapper json = new ObjectMapper();
        for (DesiredProxyHost h : hosts) {
            assertEquals(List.of(), NpmSchemas.problems(NpmSchemas.request("/nginx/proxy-hosts", "post"),
                    json.valueToTree(h.createRequest())), h.service());
        }
    }

    @Test
    void onTheHomeNetworkOnlyThereIsNothingToSetUp() {
        StackPlan lan = Examples.plan("minimal-jellyfin");

        assertEquals(List.of(), ProxyHostsPlan.of(lan));
        assertFalse(ConfigureProxyHostsJob.needed(lan));
        assertThrows(IllegalArgumentException.class, () -> new ConfigureProxyHostsJob(lan));
    }

    @Test
    void theJobSaysHowManyHostsItSetsUp() {
        assertTrue(ConfigureProxyHostsJob.needed(full));
        ConfigureProxyHostsJob job = new ConfigureProxyHostsJob(full);

        assertEquals("Set up " + hosts.size() + " proxy hosts in Nginx Proxy Manager", job.description());
    }

    private static DesiredProxyHost host(String service) {
        return hosts.stream().filter(h -> h.service().equals(service)).findFirst().orElseThrow();
    }

    /** The host NPM would hold after creating this one with a certificate and forced HTTPS. */
    private static ProxyHost existing(DesiredProxyHost d) {
        return new ProxyHost(7, d.domainNames(), "http", d.forwardHost(), d.forwardPort(), 4, true, false, false, false,
                true, true, false, d.websockets(), 0, d.advancedConfig(), true, Map.of("nginx_online", true), List.of());
    }
}
