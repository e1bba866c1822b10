package dev.berth.engine.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.answers.AccessAnswers;
import dev.berth.engine.target.LocalTarget;
import dev.berth.plan.StackPlan;
import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Only names this machine resolves by itself: *.localhost (RFC 6761) and the never-resolving .invalid. */
class CheckDomainTest {
    private static final StackPlan FULL = CheckFixtures.plan("full-wireguard", a -> a);

    private static StackPlan withDomain(String domain, boolean letsEncrypt) {
        AccessAnswers a = FULL.answers().access();
        return CheckFixtures.with(FULL, FULL.answers().withAccess(new AccessAnswers(AccessAnswers.Mode.DOMAIN, domain,
                letsEncrypt, a.npm(), a.authelia(), a.fail2ban())));
    }

    private static CheckResult check(StackPlan plan) throws Exception {
        try (LocalTarget t = new LocalTarget()) {
            return new DomainCheck().run(new CheckContext(t, plan, CheckFixtures.facts("amd64")));
        }
    }

    @Test
    void lanOnlyHasNoDomainToCheck() throws Exception {
        CheckResult r = check(CheckFixtures.plan("minimal-jellyfin", a -> a));
        assertEquals(Status.SKIP, r.status());
        assertEquals("Apps are reached on the home network only; no domain to check", r.summary());
    }

    @Test
    void namesThatResolveAreReportedWithTheirAddresses() throws Exception {
        CheckResult r = check(withDomain("berth.localhost", false));
        assertEquals(Status.PASS, r.status(), r.toString());
        String addresses = String.join(", ", List.of(InetAddress.getAllByName("localhost")).stream()
                .map(InetAddress::getHostAddress).distinct().toList());
        assertEquals("berth.localhost's apps resolve to " + addresses, r.summary());
        assertTrue(r.details().contains("sonarr.berth.localhost → " + addresses), r.details());
        var names = r.data(CheckData.ResolvedNames.class).orElseThrow().addresses();
        assertTrue(names.containsKey("jellyfin.berth.localhost") && !names.containsKey("npm.berth.localhost"), names.toString());
    }

    @Test
    void aPrivateAddressWarnsWhenLetsEncryptMustReachIt() throws Exception {
        CheckResult r = check(withDomain("berth.localhost", true));
        assertEquals(Status.WARN, r.status());
        assertTrue(r.summary().endsWith(", a private address: Let's Encrypt cannot reach it from the internet"), r.summary());
        assertEquals("Point the DNS records at your public address and forward ports 80 and 443 to the server", r.fix());
    }

    @Test
    void namesThatDoNotResolveFailWithTheRecordToCreate() throws Exception {
        StackPlan plan = withDomain("media.invalid", true);
        int apps = DomainCheck.apps(plan).size();
        CheckResult r = check(plan);
        assertEquals(Status.FAIL, r.status());
        List<String> first = DomainCheck.apps(plan).subList(0, 3);
        assertEquals(apps + " of " + apps + " app addresses under media.invalid do not resolve: " + first.get(0) + ".media.invalid, "
                + first.get(1) + ".media.invalid, " + first.get(2) + ".media.invalid and " + (apps - 3) + " more", r.summary());
        assertTrue(!DomainCheck.apps(plan).contains("exportarr-sonarr") && DomainCheck.apps(plan).contains("sonarr"),
                "internal helpers have no address of their own");
        assertTrue(r.details().contains("media.invalid → does not resolve"), r.details());
        assertEquals("Create a DNS record *.media.invalid (or one per app) pointing at your server's public address", r.fix());
    }

    @Test
    void aResolverCanBeGiven() throws Exception {
        InetAddress home = InetAddress.getByAddress(new byte[] {(byte) 203, 0, 113, 7});
        try (LocalTarget t = new LocalTarget()) {
            CheckResult r = new DomainCheck(host -> List.of(home)).run(new CheckContext(t, withDomain("example.com", true),
                    CheckFixtures.facts("amd64")));
            assertEquals(Status.PASS, r.status());
            assertEquals("example.com's apps resolve to 203.0.113.7", r.summary());
        }
    }
}
