package dev.berth.engine.npm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.answers.VpnAnswers;
import dev.berth.engine.deploy.ConfigureProxyHostsJob;
import dev.berth.engine.deploy.JobContext;
import dev.berth.engine.target.LocalTarget;
import dev.berth.plan.StackPlan;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The job against the NPM double on this computer: what it creates, updates, leaves alone and undoes. */
class ConfigureProxyHostsJobTest {
    private FakeNpm npm;
    private NpmStack stack;
    private LocalTarget target;
    private JobContext context;

    @BeforeEach
    void start() throws Exception {
        npm = FakeNpm.start();
        stack = new NpmStack(npm);
        target = new LocalTarget();
        context = new JobContext(target, Clock.systemUTC());
    }

    /** What the last run that got through recorded in the context. */
    private ProxyHostsResult result() {
        return context.outcomes().get(ConfigureProxyHostsJob.RESULT).orElseThrow(() -> new AssertionError("no proxy hosts recorded"));
    }

    @AfterEach
    void stop() {
        if (npm == null) {
            return; // skipped before the double started: NPM's schemas are not beside this clone
        }
        assertEquals(List.of(), npm.refusedBodies(), "Berth sent bodies NPM 2.15.1 refuses");
        assertEquals(List.of(), npm.badAnswers(), "the double answered unlike NPM 2.15.1");
        npm.close();
        target.close();
    }

    @Test
    void theFirstRunCreatesAHostPerAppWithCertificateAndForcedHttps() throws Exception {
        ConfigureProxyHostsJob job = stack.job(stack.plan());

        job.execute(context);

        List<ProxyHost> hosts = npm.hosts();
        assertEquals(job.hosts().size(), hosts.size());
        assertEquals(job.hosts().size(), result().created().size());
        for (ProxyHost h : hosts) {
            assertTrue(BerthMarker.service(h).isPresent(), h::toString);
            assertTrue(h.certificateId() > 0, h::toString);
            assertTrue(h.sslForced() && h.http2Support(), () -> "HTTPS not forced after NPM turned it off: " + h);
        }
        assertTrue(npm.exchanges("POST").stream().filter(e -> e.path().equals("/api/nginx/proxy-hosts"))
                .allMatch(e -> e.body().get("certificate_id").asText().equals("new")));
    }

    @Test
    void aSecondRunWithTheSamePlanChangesNothing() throws Exception {
        StackPlan plan = stack.plan();
        stack.job(plan).execute(context);
        npm.forgetExchanges();

        ConfigureProxyHostsJob again = stack.job(plan);
        again.execute(context);

        assertEquals(List.of("POST /api/tokens", "GET /api/nginx/proxy-hosts"),
                npm.exchanges().stream().map(e -> e.method() + " " + e.path()).toList());
        assertEquals(again.hosts().size(), result().unchanged().size());
    }

    @Test
    void appsRoutedThroughTheVpnAreForwardedToGluetun() throws Exception {
        stack.job(stack.plan()).execute(context);

        ProxyHost prowlarr = hostFor("prowlarr.example.com");
        assertEquals("gluetun", prowlarr.forwardHost());
        assertEquals(9696, prowlarr.forwardPort());
        assertEquals("jellyfin", hostFor("jellyfin.example.com").forwardHost());
    }

    @Test
    void protectedAppsCarryAutheliasSnippetAndWebsocketsWhereNeeded() throws Exception {
        stack.job(stack.plan()).execute(context);

        ProxyHost sonarr = hostFor("sonarr.example.com");
        ProxyHost jellyfin = hostFor("jellyfin.example.com");
        assertTrue(sonarr.advancedConfig().contains("include /snippets/authelia-authrequest.conf;"), sonarr.advancedConfig());
        assertFalse(jellyfin.advancedConfig().contains("authelia"), jellyfin.advancedConfig());
        assertTrue(jellyfin.allowWebsocketUpgrade());
        assertTrue(jellyfin.advancedConfig().contains("include /snippets/websocket.conf;"));
        assertEquals(List.of("auth.example.com", "authelia.example.com"), hostFor("auth.example.com").domainNames());
    }

    @Test
    void hostsThePersonMadeAreLeftAloneEvenForAnAppsName() throws Exception {
        StackPlan plan = stack.plan();
        int own = npm.personMakes("""
                {"domain_names":["jellyfin.example.com"],"forward_scheme":"https","forward_host":"192.168.1.5","forward_port":8920}""");
        int other = npm.personMakes("""
                {"domain_names":["nas.example.com"],"forward_scheme":"http","forward_host":"192.168.1.5","forward_port":5000}""");
        List<ProxyHost> before = npm.hosts().stream().filter(h -> h.id() == own || h.id() == other).toList();

        ConfigureProxyHostsJob job = stack.job(plan);
        job.execute(context);

        assertEquals(before, npm.hosts().stream().filter(h -> h.id() == own || h.id() == other).toList());
        assertEquals(List.of("jellyfin.example.com"), result().leftAlone());
        assertTrue(npm.exchanges().stream().noneMatch(e -> e.path().endsWith("/" + own) || e.path().endsWith("/" + other)));
        assertTrue(result().summary().contains("left alone"), result().summary());
    }

    @Test
    void aChangedPlanUpdatesOnlyBerthsHostsAndRemovesThoseOfAppsNoLongerThere() throws Exception {
        stack.job(stack.plan()).execute(context);
        int person = npm.personMakes("""
                {"domain_names":["nas.example.com"],"forward_scheme":"http","forward_host":"192.168.1.5","forward_port":5000}""");
        ProxyHost personBefore = hostFor("nas.example.com");
        int prowlarr = hostFor("prowlarr.example.com").id();
        int seerr = hostFor("seerr.example.com").id();
        npm.forgetExchanges();

        StackPlan changed = stack.plan(a -> a.withServices(a.services().stream().filter(s -> !s.equals("seerr")).toList())
                .withVpn(outsideVpn(a.vpn(), "prowlarr")));
        ConfigureProxyHostsJob job = stack.job(changed);
        job.execute(context);

        assertEquals("prowlarr", hostFor("prowlarr.example.com").forwardHost());
        assertTrue(npm.hosts().stream().noneMatch(h -> h.serves("seerr.example.com")));
        assertEquals(Set.of("PUT /api/nginx/proxy-hosts/" + prowlarr, "DELETE /api/nginx/proxy-hosts/" + seerr),
                npm.exchanges().stream().filter(e -> !e.method().equals("GET") && !e.path().equals("/api/tokens"))
                        .map(e -> e.method() + " " + e.path()).collect(Collectors.toSet()));
        assertEquals(personBefore, hostFor("nas.example.com"));
        assertTrue(npm.exchanges().stream().noneMatch(e -> e.path().endsWith("/" + person)));
        assertEquals(List.of("prowlarr.example.com"), result().updated());
        assertEquals(List.of("seerr.example.com"), result().removed());
    }

    @Test
    void undoDeletesTheHostsItCreatedAndNothingElse() throws Exception {
        int person = npm.personMakes("""
                {"domain_names":["nas.example.com"],"forward_scheme":"http","forward_host":"192.168.1.5","forward_port":5000}""");
        ConfigureProxyHostsJob job = stack.job(stack.plan());
        job.execute(context);

        job.undo(context);

        assertEquals(List.of(person), npm.hosts().stream().map(ProxyHost::id).toList());
    }

    @Test
    void undoPutsBackWhatASecondRunChangedOrRemoved() throws Exception {
        stack.job(stack.plan()).execute(context);
        List<ProxyHost> before = npm.hosts();
        StackPlan changed = stack.plan(a -> a.withServices(a.services().stream().filter(s -> !s.equals("seerr")).toList())
                .withVpn(outsideVpn(a.vpn(), "prowlarr")));
        ConfigureProxyHostsJob job = stack.job(changed);
        job.execute(context);

        job.undo(context);

        assertEquals("gluetun", hostFor("prowlarr.example.com").forwardHost());
        assertEquals(settings(before), settings(npm.hosts()), "a removed host comes back with its settings (under a new id)");
    }

    @Test
    void aCertificateNpmCannotGetDoesNotFailTheDeployAndIsAskedForAgainNextTime() throws Exception {
        StackPlan plan = stack.plan();
        npm.certificatesFail(true);
        ConfigureProxyHostsJob first = stack.job(plan);

        first.execute(context);

        assertEquals(first.hosts().size(), npm.hosts().size());
        assertTrue(npm.hosts().stream().allMatch(h -> h.certificateId() == 0));
        assertEquals(first.hosts().size(), result().certificateProblems().size());
        assertTrue(result().summary().contains("ports 80 and 443"), result().summary());

        npm.certificatesFail(false);
        ConfigureProxyHostsJob second = stack.job(plan);
        second.execute(context);

        assertTrue(npm.hosts().stream().allMatch(h -> h.certificateId() > 0 && h.sslForced()));
        assertEquals(second.hosts().size(), result().updated().size());
    }

    @Test
    void itWaitsForNpmToCreateItsAdminOnFirstStart() throws Exception {
        StackPlan plan = stack.plan();
        npm.adminCreatedAfter(2);

        stack.job(plan).execute(context);

        assertEquals(3, npm.exchanges("POST").stream().filter(e -> e.path().equals("/api/tokens")).count());
        assertFalse(npm.hosts().isEmpty());
    }

    @Test
    void aChangedPasswordIsExplainedWithoutShowingAnySecret() throws Exception {
        StackPlan plan = stack.plan();
        npm.admin("admin@example.com", "the-person-changed-it");
        ConfigureProxyHostsJob job = stack.job(plan);

        SignInRefusedException e = assertThrows(SignInRefusedException.class, () -> job.execute(context));

        assertTrue(e.getMessage().contains("refused the admin sign-in for admin@example.com"), e.getMessage());
        assertTrue(e.getMessage().contains("If you changed the admin password"), e.getMessage());
        assertNoSecret(e, NpmStack.password(plan), "the-person-changed-it");
        assertTrue(npm.hosts().isEmpty());
    }

    @Test
    void noMessageOrDescriptionHoldsThePasswordOrToken() throws Exception {
        StackPlan plan = stack.plan();
        ConfigureProxyHostsJob job = stack.job(plan);
        job.execute(context);
        npm.close(); // NPM gone: the next run fails with a message naming where it looked

        ConfigureProxyHostsJob next = new ConfigureProxyHostsJob(job.hosts(),
                new NpmAdmin("admin@example.com", NpmStack.password(plan), npm.port()), java.time.Duration.ZERO);
        NpmException e = assertThrows(NpmException.class, () -> next.execute(context));

        assertTrue(e.getMessage().contains("No answer from Nginx Proxy Manager (port " + npm.port() + " on this computer)"),
                e.getMessage());
        assertNoSecret(e, NpmStack.password(plan));
        String all = job.description() + result().summary() + new NpmAdmin("a@b.c", NpmStack.password(plan), 81);
        assertFalse(all.contains(NpmStack.password(plan)), all);
    }

    @Test
    void aCancelledRunChangesNothing() throws Exception {
        ConfigureProxyHostsJob job = stack.job(stack.plan());

        assertThrows(CancellationException.class, () -> job.execute(new JobContext(target, Clock.systemUTC(), () -> true)));
        job.undo(context);

        assertTrue(npm.hosts().isEmpty());
        assertTrue(npm.exchanges().isEmpty(), "undo of nothing must not even sign in");
    }

    private ProxyHost hostFor(String domain) {
        return npm.hosts().stream().filter(h -> h.serves(domain)).findFirst().orElseThrow(() -> new AssertionError("no host for " + domain));
    }

    /** A host's settings without its id, which a re-created host cannot keep. */
    private static List<ProxyHostRequest> settings(List<ProxyHost> hosts) {
        return hosts.stream().map(ProxyHost::asRequest).toList();
    }

    private static VpnAnswers outsideVpn(VpnAnswers vpn, String service) {
        return new VpnAnswers(vpn.enabled(), vpn.provider(), vpn.type(), vpn.wireguard(), vpn.openvpn(), vpn.countries(),
                vpn.routedServices().stream().filter(s -> !s.equals(service)).toList(), vpn.lanSubnet());
    }

    private static void assertNoSecret(Throwable e, String... secrets) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String text = String.valueOf(t.getMessage()) + t;
            for (String s : secrets) {
                assertFalse(text.contains(s), "a secret is in: " + text);
            }
            assertFalse(text.contains("eyJ"), "a token is in: " + text);
        }
    }
}
