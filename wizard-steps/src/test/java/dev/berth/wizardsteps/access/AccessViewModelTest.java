package dev.berth.wizardsteps.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.answers.AccessAnswers;
import dev.berth.answers.AccessAnswers.Mode;
import dev.berth.answers.AccessAnswers.Policy;
import dev.berth.answers.AutheliaUser;
import dev.berth.answers.MonitoringAnswers;
import dev.berth.wizardsteps.core.AppChoice;
import dev.berth.wizardsteps.core.StepContext;
import dev.berth.wizardsteps.testing.Drafts;
import dev.berth.wizardsteps.testing.ScriptedDialogs;
import dev.berth.wizardsteps.testing.TestContexts;
import java.util.List;
import org.junit.jupiter.api.Test;

class AccessViewModelTest {
    private final StepContext ctx = TestContexts.create(new ScriptedDialogs());
    private final AccessViewModel vm = new AccessViewModel(ctx);

    @Test
    void theHomeNetworkAloneIsAGoodAnswer() {
        Drafts.upToApps(ctx, "jellyfin");
        vm.enter();
        assertTrue(vm.isValid());
        assertEquals("Home network only", vm.summaryProperty().get());
        assertEquals(AccessAnswers.LAN_ONLY, ctx.model().accessProperty().get());
    }

    @Test
    void aDomainNeedsItsNameAndTheProxysAdmin() {
        Drafts.upToApps(ctx, "jellyfin");
        vm.enter();
        vm.modeProperty().set(Mode.DOMAIN);
        assertFalse(vm.isValid());
        assertEquals("", vm.messageProperty("domain").get(), "not marked before it is touched");
        assertEquals("Still needed: the domain, the admin e-mail.", vm.missingProperty().get());

        vm.domainProperty().set("media");
        assertTrue(vm.messageProperty("domain").get().startsWith("is not a domain name"), vm.messageProperty("domain").get());
        vm.domainProperty().set("media.example.com");
        vm.adminEmailProperty().set("me");
        assertEquals("is not an e-mail address", vm.messageProperty("adminEmail").get());
        vm.adminEmailProperty().set("me@example.com");
        assertTrue(vm.isValid(), vm.missingProperty().get());
        assertEquals("media.example.com", vm.summaryProperty().get());
        assertNull(ctx.model().accessProperty().get().npm().adminPassword(), "empty: generated");

        vm.adminPasswordProperty().set("short");
        assertTrue(vm.messageProperty("adminPassword").get().startsWith("must be 12 to 128 characters"));
        assertFalse(vm.isValid());
    }

    @Test
    void aDomainInCapitalsIsValidAndTheSummarySaysItIsWrittenInLowerCase() {
        Drafts.upToApps(ctx, "jellyfin");
        vm.enter();
        vm.modeProperty().set(Mode.DOMAIN);
        vm.domainProperty().set("Media.Example.ORG");
        vm.adminEmailProperty().set("me@example.com");
        assertTrue(vm.isValid(), vm.missingProperty().get());
        assertEquals("Media.Example.ORG (written as media.example.org)", vm.summaryProperty().get());
    }

    @Test
    void backToTheHomeNetworkKeepsWhatWasTyped() {
        domainReady();
        vm.modeProperty().set(Mode.LAN);
        assertEquals(AccessAnswers.LAN_ONLY, ctx.model().accessProperty().get());
        assertEquals("media.example.com", vm.domainProperty().get());
        vm.modeProperty().set(Mode.DOMAIN);
        assertEquals("media.example.com", ctx.model().accessProperty().get().domain());
    }

    @Test
    void theSignInPageStartsWithAnAdminToFillIn() {
        domainReady();
        vm.autheliaProperty().set(true);
        assertEquals(1, vm.users().size());
        UserRow alice = vm.users().getFirst();
        assertTrue(alice.adminProperty().get());
        assertFalse(vm.isValid());
        assertTrue(vm.missingProperty().get().contains("user 1's user name"), vm.missingProperty().get());

        alice.usernameProperty().set("Alice");
        assertEquals("must be 1-32 lower-case letters, digits, '.', '_' or '-'", alice.messageProperty("username").get());
        alice.usernameProperty().set("alice");
        alice.displayNameProperty().set("Alice Example");
        alice.emailProperty().set("alice@example.com");
        assertTrue(vm.isValid(), vm.missingProperty().get());
        assertEquals("media.example.com, sign-in (two-factor)", vm.summaryProperty().get());
        AccessAnswers.Authelia authelia = ctx.model().accessProperty().get().authelia();
        assertEquals(List.of(new AutheliaUser("alice", "Alice Example", "alice@example.com", true, null)), authelia.users());
    }

    @Test
    void twoUsersWithOneNameAreRefused() {
        domainReady();
        vm.autheliaProperty().set(true);
        fillUser(vm.users().getFirst(), "alice");
        fillUser(vm.addUser(), "alice");
        assertFalse(vm.users().get(1).adminProperty().get(), "only the first user is an admin at first");
        assertEquals("two users have the same user name", vm.messageProperty("users").get());
        assertFalse(vm.isValid());
        vm.users().get(1).usernameProperty().set("bob");
        assertTrue(vm.isValid());
        vm.removeUser(vm.users().get(1));
        vm.removeUser(vm.users().getFirst());
        assertEquals("Authelia needs at least one user who may sign in", vm.messageProperty("users").get());
    }

    @Test
    void theSignInPageProtectsTheAppsWithoutAccountsOfTheirOwn() {
        Drafts.upToApps(ctx, "jellyfin", "sonarr", "qbittorrent", "seerr", "flaresolverr");
        domainReady();
        vm.autheliaProperty().set(true);
        assertEquals(List.of("jellyfin", "qbittorrent", "seerr", "sonarr"),
                vm.protectedApps().stream().map(AppChoice::id).sorted().toList(), "apps with a web page");
        assertEquals(List.of("qbittorrent", "sonarr"),
                ctx.model().accessProperty().get().authelia().protectedServices().stream().sorted().toList());

        ctx.model().setMonitoring(new MonitoringAnswers(true, false, false, false, MonitoringAnswers.Watchtower.OFF));
        assertTrue(vm.protectedApps().stream().anyMatch(a -> a.id().equals("grafana")), "switched on by the Monitoring page");
        assertTrue(ctx.model().accessProperty().get().authelia().protectedServices().contains("grafana"));

        vm.protectedApps().forEach(a -> a.selectedProperty().set(false));
        assertEquals("choose the apps the sign-in page protects, or turn it off", vm.messageProperty("protectedServices").get());
    }

    @Test
    void fail2banNeedsTheDomainAndComesWithIt() {
        domainReady();
        vm.fail2banProperty().set(true);
        assertTrue(vm.isValid());
        assertTrue(ctx.model().accessProperty().get().fail2ban());
        assertEquals("media.example.com, Fail2Ban", vm.summaryProperty().get());
    }

    @Test
    void answersLoadedLaterFillThePage() {
        Drafts.upToApps(ctx, "jellyfin", "sonarr");
        vm.enter();
        AccessAnswers loaded = new AccessAnswers(Mode.DOMAIN, "example.com", false, new AccessAnswers.Npm("admin@example.com", null),
                new AccessAnswers.Authelia(true, Policy.ONE_FACTOR, List.of(new AutheliaUser("alice", "Alice", "alice@example.com", true,
                        "correct horse battery staple")), List.of("sonarr")), true);
        ctx.model().setAccess(loaded);
        assertEquals("example.com", vm.domainProperty().get());
        assertFalse(vm.letsEncryptProperty().get());
        assertEquals("correct horse battery staple", vm.users().getFirst().passwordProperty().get());
        assertEquals(List.of("sonarr"), vm.protectedApps().stream().filter(AppChoice::isSelected).map(AppChoice::id).toList());
        assertEquals(loaded, ctx.model().accessProperty().get());
        assertTrue(vm.isValid());
        assertEquals("example.com, sign-in (password), Fail2Ban", vm.summaryProperty().get());
    }

    @Test
    void signInEmailsAreOffAtFirstAndTheirFieldsAreValidatedWhenOn() {
        signInReady();
        assertNull(ctx.model().accessProperty().get().authelia().smtp(), "off: the notification file");
        vm.smtpProperty().set(true);
        assertFalse(vm.isValid());
        assertEquals("Still needed: the mail server, the sender address.", vm.missingProperty().get());

        vm.smtpHostProperty().set("smtp example com");
        assertTrue(vm.messageProperty("smtpHost").get().startsWith("is not a host name or IPv4 address"),
                vm.messageProperty("smtpHost").get());
        vm.smtpHostProperty().set("smtp.example.com");
        vm.smtpSenderProperty().set("Berth");
        assertEquals("is not a sender address: write auth@example.com or Authelia <auth@example.com>",
                vm.messageProperty("smtpSender").get());
        vm.smtpSenderProperty().set("Berth <auth@example.com>");
        assertTrue(vm.isValid(), vm.missingProperty().get());
        assertEquals(new AccessAnswers.Smtp("smtp.example.com", 587, null, null, "Berth <auth@example.com>"),
                ctx.model().accessProperty().get().authelia().smtp(), "587 unless changed");
        assertEquals("media.example.com, sign-in (two-factor, e-mails)", vm.summaryProperty().get());

        vm.smtpPortProperty().set("465x");
        assertEquals("must be a number from 1 to 65535: usually 587, or 465 when your mail provider says TLS",
                vm.messageProperty("smtpPort").get());
        assertFalse(vm.isValid());
        vm.smtpPortProperty().set("70000");
        assertTrue(vm.messageProperty("smtpPort").get().startsWith("must be 1 to 65535"), vm.messageProperty("smtpPort").get());
        vm.smtpPortProperty().set("465");
        assertTrue(vm.isValid(), vm.missingProperty().get());

        vm.smtpProperty().set(false);
        assertNull(ctx.model().accessProperty().get().authelia().smtp());
        assertEquals("smtp.example.com", vm.smtpHostProperty().get(), "what was typed stays");
    }

    @Test
    void aMailUserNeedsItsPasswordUnlessTheStackKeepsOne() {
        signInReady();
        vm.smtpProperty().set(true);
        vm.smtpHostProperty().set("smtp.example.com");
        vm.smtpSenderProperty().set("auth@example.com");
        vm.smtpUsernameProperty().set("auth@example.com");
        assertEquals("Still needed: the mail password.", vm.missingProperty().get(), "not marked before it is touched");
        assertFalse(vm.isValid());
        vm.smtpPasswordProperty().set("x");
        vm.smtpPasswordProperty().set("");
        assertEquals("is required with a user name: type the mail account's password (Berth keeps it in the stack's secrets folder)",
                vm.messageProperty("smtpPassword").get());

        ctx.model().setPreviousSecrets(java.util.Map.of("authelia_smtp_password", "kept"));
        assertTrue(vm.isValid(), vm.missingProperty().get());

        ctx.model().setPreviousSecrets(java.util.Map.of());
        vm.smtpPasswordProperty().set("app password 1234");
        assertTrue(vm.isValid(), vm.missingProperty().get());
        assertEquals("app password 1234", ctx.model().accessProperty().get().authelia().smtp().password());

        vm.smtpUsernameProperty().set("");
        assertEquals("has a password but no username: add the username of the mail account, or remove the password",
                vm.messageProperty("smtpUsername").get());
        assertFalse(vm.isValid());
    }

    @Test
    void aMailServerInLoadedAnswersFillsItsFields() {
        Drafts.upToApps(ctx, "jellyfin", "sonarr");
        vm.enter();
        AccessAnswers.Smtp smtp = new AccessAnswers.Smtp("smtp.example.com", 465, "me@example.com", "app password", "auth@example.com");
        AccessAnswers loaded = new AccessAnswers(Mode.DOMAIN, "example.com", true, new AccessAnswers.Npm("admin@example.com", null),
                new AccessAnswers.Authelia(true, Policy.TWO_FACTOR, List.of(new AutheliaUser("alice", "Alice", "alice@example.com", true,
                        null)), List.of("sonarr"), smtp), false);
        ctx.model().setAccess(loaded);
        assertTrue(vm.smtpProperty().get());
        assertEquals("465", vm.smtpPortProperty().get());
        assertEquals("app password", vm.smtpPasswordProperty().get());
        assertEquals(loaded, ctx.model().accessProperty().get());
        assertTrue(vm.isValid(), vm.missingProperty().get());
    }

    private void signInReady() {
        domainReady();
        vm.autheliaProperty().set(true);
        fillUser(vm.users().getFirst(), "alice");
    }

    private void domainReady() {
        if (ctx.model().servicesProperty().get().isEmpty()) {
            Drafts.upToApps(ctx, "jellyfin", "sonarr");
        }
        vm.enter();
        vm.modeProperty().set(Mode.DOMAIN);
        vm.domainProperty().set("media.example.com");
        vm.adminEmailProperty().set("me@example.com");
    }

    private static void fillUser(UserRow row, String name) {
        row.usernameProperty().set(name);
        row.displayNameProperty().set(name);
        row.emailProperty().set(name + "@example.com");
    }
}
