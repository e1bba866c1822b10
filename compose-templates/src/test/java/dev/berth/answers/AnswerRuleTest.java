package dev.berth.answers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.catalog.Catalog;
import dev.berth.testsupport.Examples;
import jakarta.validation.Constraint;
import jakarta.validation.constraints.AssertTrue;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every rule the validator checks has a stable id, so the wizard matches problems by rule, not by their words. */
class AnswerRuleTest {
    private static final List<Class<?>> RECORDS = List.of(Answers.class, TargetAnswers.class, StorageAnswers.class,
            VpnAnswers.class, VpnAnswers.WireGuard.class, VpnAnswers.OpenVpn.class, AccessAnswers.class, AccessAnswers.Npm.class,
            AccessAnswers.Authelia.class, AccessAnswers.Smtp.class, AutheliaUser.class, MonitoringAnswers.class);

    private final AnswersValidator validator = new AnswersValidator(Catalog.builtIn());
    private final Answers full = Examples.answers("full-wireguard");

    @Test
    void everyCrossFieldRuleHasItsOwnId() throws NoSuchMethodException {
        Set<String> methods = new HashSet<>();
        for (Class<?> record : RECORDS) {
            for (Method m : record.getDeclaredMethods()) {
                if (m.isAnnotationPresent(AssertTrue.class)) {
                    methods.add(record.getSimpleName() + "." + m.getName());
                }
            }
        }
        Set<String> named = new HashSet<>();
        for (AnswerRule r : AnswerRule.values()) {
            if (r.method() != null) {
                assertTrue(r.record().getMethod(r.method()).isAnnotationPresent(AssertTrue.class), r.name());
                named.add(r.record().getSimpleName() + "." + r.method());
            }
        }
        assertEquals(methods, named);
    }

    @Test
    void everyFieldConstraintHasAnId() {
        Set<Class<? extends Annotation>> used = new HashSet<>();
        for (Class<?> record : RECORDS) {
            for (RecordComponent c : record.getRecordComponents()) {
                constraintsOn(c.getAnnotatedType(), used);
                Arrays.stream(c.getAccessor().getAnnotations()).map(Annotation::annotationType).filter(AnswerRuleTest::isConstraint)
                        .forEach(used::add);
                // Record component annotations land on the canonical constructor's parameters and the field too.
                Arrays.stream(c.getDeclaringRecord().getDeclaredFields()).filter(f -> f.getName().equals(c.getName()))
                        .flatMap(f -> Arrays.stream(f.getAnnotations())).map(Annotation::annotationType)
                        .filter(AnswerRuleTest::isConstraint).forEach(used::add);
            }
        }
        used.remove(AssertTrue.class);
        List<Class<? extends Annotation>> named = Arrays.stream(AnswerRule.values()).flatMap(r -> r.constraints().stream()).toList();
        List<String> missing = used.stream().filter(a -> !named.contains(a)).map(Class::getSimpleName).toList();
        assertEquals(List.of(), missing);
        assertTrue(used.size() >= 10, "found only " + used);
    }

    @Test
    void crossFieldRulesKeepTheirWordsAndGainTheirId() {
        Answers lan = full.withAccess(new AccessAnswers(AccessAnswers.Mode.LAN, null, false, full.access().npm(),
                full.access().authelia(), false));
        Problem p = only(validator.validate(lan));
        assertEquals(AnswerRule.AUTHELIA_HAS_DOMAIN, p.rule());
        assertEquals("", p.field());
        assertEquals("Authelia needs a domain: choose 'domain' access and enter your domain, or turn Authelia off", p.message());

        VpnAnswers v = full.vpn();
        Problem subnet = only(validator.validate(full.withVpn(new VpnAnswers(true, v.provider(), v.type(), v.wireguard(), null,
                v.countries(), v.routedServices(), null))));
        assertEquals(AnswerRule.LAN_SUBNET_SET, subnet.rule());
        assertEquals("vpn", subnet.field());
    }

    @Test
    void fieldAndCatalogRulesGainTheirId() {
        StorageAnswers s = full.storage();
        Problem relative = only(validator.validate(full.withStorage(new StorageAnswers(s.stackDir(), "media", s.configRoot(),
                s.puid(), s.pgid(), s.timeZone(), false))));
        assertEquals(AnswerRule.ABSOLUTE_PATH, relative.rule());
        Problem missing = only(validator.validate(full.withStorage(new StorageAnswers(s.stackDir(), null, s.configRoot(),
                s.puid(), s.pgid(), s.timeZone(), false))));
        assertEquals(new Problem("storage.dataRoot", "is required", AnswerRule.REQUIRED), missing);

        MonitoringAnswers m = full.monitoring();
        Problem tautulli = only(validator.validate(full.withMonitoring(new MonitoringAnswers(m.prometheus(), true, m.uptimeKuma(),
                m.homepage(), m.watchtower()))));
        assertEquals(AnswerRule.TAUTULLI_NEEDS_PLEX, tautulli.rule());
        assertEquals("monitoring.tautulli", tautulli.field());
    }

    @Test
    void portForwardingAskedForWhereGluetunCannotForwardIsRefused() {
        VpnAnswers mullvad = full.vpn().withPortForwarding(true);
        Problem none = only(validator.validate(full.withVpn(mullvad)));
        assertEquals(AnswerRule.NO_PORT_FORWARDING, none.rule());
        assertEquals("vpn.portForwarding", none.field());
        assertEquals("Gluetun forwards a port only for private internet access, protonvpn, perfect privacy, privatevpn, not for"
                + " 'mullvad': choose one of those providers, or set portForwarding to false", none.message());

        VpnAnswers pia = new VpnAnswers(true, "private internet access", VpnAnswers.Type.WIREGUARD, full.vpn().wireguard(), null,
                List.of(), full.vpn().routedServices(), full.vpn().lanSubnet(), true);
        List<Problem> problems = validator.validate(full.withVpn(pia));
        Problem type = problems.stream().filter(p -> p.rule() == AnswerRule.NO_PORT_FORWARDING_WITH_TYPE).findFirst().orElseThrow();
        assertEquals("vpn.portForwarding", type.field());
        assertEquals("'private internet access' forwards a port only with openvpn, not with wireguard: choose openvpn as"
                + " vpn.type, or set portForwarding to false", type.message());

        VpnAnswers protonWithoutTorrents = new VpnAnswers(true, "protonvpn", VpnAnswers.Type.WIREGUARD, full.vpn().wireguard(), null,
                List.of(), List.of("prowlarr"), full.vpn().lanSubnet(), true);
        Problem client = only(validator.validate(full.withVpn(protonWithoutTorrents)));
        assertEquals(AnswerRule.NO_FORWARDED_PORT_CLIENT, client.rule());
        assertEquals("no app routed through the VPN takes the forwarded port: route qBittorrent or Transmission through the VPN,"
                + " or leave portForwarding out", client.message());

        // Left to the default, forwarding is simply not switched on for them.
        assertEquals(List.of(), validator.validate(full.withVpn(full.vpn().withPortForwarding(null))));
    }

    @Test
    void answersFileProblemsGainTheirId() {
        InvalidAnswersException empty = org.junit.jupiter.api.Assertions.assertThrows(InvalidAnswersException.class,
                () -> AnswersFile.parse("~\n"));
        assertEquals(FileRule.EMPTY, only(empty.problems()).rule());
        InvalidAnswersException unknown = org.junit.jupiter.api.Assertions.assertThrows(InvalidAnswersException.class,
                () -> AnswersFile.parse("schemaVersion: 1\ncolour: blue\n"));
        assertEquals(FileRule.UNKNOWN_FIELD, only(unknown.problems()).rule());
    }

    private static Problem only(List<Problem> problems) {
        assertEquals(1, problems.size(), problems.toString());
        return problems.getFirst();
    }

    private static void constraintsOn(AnnotatedType type, Set<Class<? extends Annotation>> into) {
        Arrays.stream(type.getAnnotations()).map(Annotation::annotationType).filter(AnswerRuleTest::isConstraint).forEach(into::add);
        if (type instanceof AnnotatedParameterizedType p) {
            for (AnnotatedType arg : p.getAnnotatedActualTypeArguments()) {
                constraintsOn(arg, into);
            }
        }
    }

    private static boolean isConstraint(Class<? extends Annotation> a) {
        return a.isAnnotationPresent(Constraint.class);
    }
}
