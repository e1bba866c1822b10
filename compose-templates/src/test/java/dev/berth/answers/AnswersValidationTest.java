package dev.berth.answers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.catalog.Catalog;
import dev.berth.testsupport.Examples;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** Each rule gives a message a person can act on, on the field they must change. */
class AnswersValidationTest {
    private final AnswersValidator validator = new AnswersValidator(Catalog.builtIn());
    private final Answers full = Examples.answers("full-wireguard");

    @Test
    void everyExampleIsValid() {
        for (String name : Examples.allNames()) {
            assertEquals(List.of(), validator.validate(Examples.answers(name)), name);
        }
    }

    @Test
    void relativeDataRoot() {
        assertProblem(storage(s -> new StorageAnswers(s.stackDir(), "media/data", s.configRoot(), s.puid(), s.pgid(), s.timeZone(), false)),
                "storage.dataRoot", "must be an absolute path");
    }

    @Test
    void pathWithAQuoteCannotBeWrittenSafely() {
        assertProblem(storage(s -> new StorageAnswers(s.stackDir(), "/srv/sam's data", s.configRoot(), s.puid(), s.pgid(), s.timeZone(), false)),
                "storage.dataRoot", "quotes");
    }

    @Test
    void unknownTimeZone() {
        assertProblem(storage(s -> new StorageAnswers(s.stackDir(), s.dataRoot(), s.configRoot(), s.puid(), s.pgid(), "Europe/Atlantis", false)),
                "storage.timeZone", "IANA name such as Europe/Berlin");
    }

    @Test
    void negativeUserId() {
        assertProblem(storage(s -> new StorageAnswers(s.stackDir(), s.dataRoot(), s.configRoot(), -1, s.pgid(), s.timeZone(), false)),
                "storage.puid", "must be 0 or more");
    }

    @Test
    void domainThatIsNotRfc1123() {
        assertProblem(access(a -> new AccessAnswers(a.mode(), "media_server.example.com", a.letsEncrypt(), a.npm(), a.authelia(), a.fail2ban())),
                "access.domain", "is not a domain name");
    }

    @Test
    void autheliaNeedsADomain() {
        assertProblem(access(a -> new AccessAnswers(AccessAnswers.Mode.LAN, null, false, a.npm(), a.authelia(), false)),
                "", "Authelia needs a domain");
    }

    @Test
    void badAdminEmail() {
        assertProblem(access(a -> new AccessAnswers(a.mode(), a.domain(), a.letsEncrypt(),
                new AccessAnswers.Npm("admin at example.com", null), a.authelia(), a.fail2ban())), "access.npm.adminEmail", "e-mail");
    }

    @Test
    void shortPassword() {
        assertProblem(access(a -> new AccessAnswers(a.mode(), a.domain(), a.letsEncrypt(),
                new AccessAnswers.Npm("admin@example.com", "short"), a.authelia(), a.fail2ban())),
                "access.npm.adminPassword", "12 to 128 characters");
    }

    @Test
    void passwordWithALineBreakIsRefused() {
        assertProblem(access(a -> new AccessAnswers(a.mode(), a.domain(), a.letsEncrypt(),
                new AccessAnswers.Npm("admin@example.com", "twelve chars\nINJECTED: yes"), a.authelia(), a.fail2ban())),
                "access.npm.adminPassword", "on one line");
    }

    @Test
    void wireGuardKeyMustBe32BytesOfBase64() {
        VpnAnswers v = full.vpn();
        VpnAnswers bad = new VpnAnswers(true, v.provider(), v.type(),
                new VpnAnswers.WireGuard("c2hvcnQ=", v.wireguard().addresses(), null), null, v.countries(), v.routedServices(), v.lanSubnet());
        assertProblem(full.withVpn(bad), "vpn.wireguard.privateKey", "base64 encoding 32 bytes");
    }

    @Test
    void vpnAddressMustBeCidr() {
        VpnAnswers v = full.vpn();
        VpnAnswers bad = new VpnAnswers(true, v.provider(), v.type(),
                new VpnAnswers.WireGuard(v.wireguard().privateKey(), List.of("10.64.222.21"), null), null, v.countries(), v.routedServices(), v.lanSubnet());
        assertProblem(full.withVpn(bad), "vpn.wireguard.addresses[0]", "CIDR");
    }

    @Test
    void unknownVpnProvider() {
        VpnAnswers v = full.vpn();
        assertProblem(full.withVpn(new VpnAnswers(true, "acme vpn", v.type(), v.wireguard(), null, v.countries(), v.routedServices(), v.lanSubnet())),
                "vpn.provider", "not a provider Gluetun supports");
    }

    @Test
    void wireGuardWithAProviderThatOnlyHasOpenVpn() {
        VpnAnswers v = full.vpn();
        assertProblem(full.withVpn(new VpnAnswers(true, "cyberghost", v.type(), v.wireguard(), null, v.countries(), v.routedServices(), v.lanSubnet())),
                "vpn.type", "choose OpenVPN");
    }

    @Test
    void aMediaServerCannotGoThroughTheVpn() {
        VpnAnswers v = full.vpn();
        assertProblem(full.withVpn(new VpnAnswers(true, v.provider(), v.type(), v.wireguard(), null, v.countries(), List.of("jellyfin"), v.lanSubnet())),
                "vpn.routedServices[0]", "Jellyfin cannot go through the VPN");
    }

    @Test
    void routedServiceMustBeChosen() {
        VpnAnswers v = full.vpn();
        assertProblem(full.withVpn(new VpnAnswers(true, v.provider(), v.type(), v.wireguard(), null, v.countries(), List.of("transmission"), v.lanSubnet())),
                "vpn.routedServices[0]", "not chosen on the Apps screen");
    }

    @Test
    void unknownServiceListsTheKnownOnes() {
        assertProblem(full.withServices(List.of("jellyfin", "sonar")), "services[1]", "'sonar' is not a service Berth knows; known services:");
    }

    @Test
    void tautulliNeedsPlex() {
        MonitoringAnswers m = full.monitoring();
        assertProblem(full.withMonitoring(new MonitoringAnswers(m.prometheus(), true, m.uptimeKuma(), m.homepage(), m.watchtower())),
                "monitoring.tautulli", "only reports on Plex");
    }

    @Test
    void aQualityProfileMustBeOneTheAppsCatalogEntryOffers() {
        assertOnly(withProfiles(java.util.Map.of("sonarr", "web-720p")), new Problem("media.qualityProfiles.sonarr",
                "'web-720p' is not a quality profile Berth offers for Sonarr; choose one of: web-1080p, web-2160p (the first is the default)",
                AnswerRule.UNKNOWN_QUALITY_PROFILE));
    }

    @Test
    void aQualityProfileNeedsAChosenAppThatRecyclarrServes() {
        assertOnly(withProfiles(java.util.Map.of("lidarr", "web-1080p")), new Problem("media.qualityProfiles.lidarr",
                "'lidarr' is not an app Recyclarr keeps quality profiles in; it serves only radarr, sonarr: remove 'lidarr' here",
                AnswerRule.QUALITY_PROFILE_APP));

        Answers withoutRadarr = withProfiles(java.util.Map.of("radarr", "hd-bluray-web"))
                .withServices(full.services().stream().filter(s -> !s.equals("radarr")).toList());
        assertProblem(withoutRadarr, "media.qualityProfiles.radarr", "Radarr is not chosen on the Apps screen: choose it, or remove its quality profile");
        assertProblem(withProfiles(java.util.Map.of("sonar", "web-1080p")), "media.qualityProfiles.sonar", "'sonar' is not an app Recyclarr");
    }

    @Test
    void everyProfileTheCatalogOffersIsAccepted() {
        for (var app : Catalog.builtIn().all().stream().filter(d -> d.recyclarr() != null).toList()) {
            for (String key : app.recyclarr().profileKeys()) {
                assertEquals(List.of(), validator.validate(withProfiles(java.util.Map.of(app.id(), key))), app.id() + " " + key);
            }
        }
    }

    private Answers withProfiles(java.util.Map<String, String> profiles) {
        MediaAnswers m = full.media();
        return full.withMedia(new MediaAnswers(m.serverName(), m.metadataLanguage(), m.metadataCountry(), m.subtitleLanguages(), profiles, m.plexClaim()));
    }

    private void assertOnly(Answers answers, Problem expected) {
        assertEquals(List.of(expected), validator.validate(answers));
    }

    @Test
    void protectedAppMustHaveAWebPage() {
        AccessAnswers a = full.access();
        AccessAnswers.Authelia au = new AccessAnswers.Authelia(true, a.authelia().policy(), a.authelia().users(), List.of("unpackerr"));
        assertProblem(full.withAccess(new AccessAnswers(a.mode(), a.domain(), a.letsEncrypt(), a.npm(), au, a.fail2ban())),
                "access.authelia.protectedServices[0]", "has no web page to protect");
    }

    @Test
    void aServiceSetUpElsewhereCannotBeListedOnItsOwn() {
        Answers minimal = Examples.answers("minimal-jellyfin");
        for (String id : List.of("gluetun", "npm", "authelia", "fail2ban")) {
            assertProblem(minimal.withServices(List.of("jellyfin", id)), "services[1]", "is set up from its own answers");
        }
    }

    @Test
    void aNewerAnswersFileIsRefused() {
        Answers newer = new Answers(2, full.projectName(), full.target(), full.storage(), full.services(), full.vpn(),
                full.access(), full.monitoring(), full.media(), full.portOverrides());
        assertProblem(newer, "schemaVersion", "written by a newer Berth");
    }

    @Test
    void aMissingSwitchSaysTrueOrFalse() {
        InvalidAnswersException e = org.junit.jupiter.api.Assertions.assertThrows(InvalidAnswersException.class,
                () -> AnswersFile.parse("schemaVersion: 1\nmonitoring: { prometheus: true }\n"));
        assertTrue(e.getMessage().contains("monitoring.tautulli: is required: write true or false"), e.getMessage());
    }

    @Test
    void fileErrorsNameTheField() {
        InvalidAnswersException e = org.junit.jupiter.api.Assertions.assertThrows(InvalidAnswersException.class,
                () -> AnswersFile.parse("schemaVersion: 1\nstorage:\n  puid: lots\n"));
        assertEquals("storage.puid: must be a whole number such as 1000", e.problems().getFirst().toString());
        InvalidAnswersException unknown = org.junit.jupiter.api.Assertions.assertThrows(InvalidAnswersException.class,
                () -> AnswersFile.parse("schemaVersion: 1\nstorge: {}\n"));
        assertTrue(unknown.problems().getFirst().message().startsWith("unknown field 'storge'"), unknown.getMessage());
        InvalidAnswersException badEnum = org.junit.jupiter.api.Assertions.assertThrows(InvalidAnswersException.class,
                () -> AnswersFile.parse("schemaVersion: 1\ntarget: { kind: telnet }\n"));
        assertTrue(badEnum.problems().getFirst().message().contains("[local, ssh]"), badEnum.getMessage());
    }

    @Test
    void aPortOverrideOutOfRangeNamesItsService() {
        Answers bad = full.withPortOverrides(java.util.Map.of("seerr", 5055, "jellyfin", 0, "sonarr", 70000));
        assertProblem(bad, "portOverrides.jellyfin", "a host port must be between 1 and 65535");
        assertProblem(bad, "portOverrides.sonarr", "a host port must be between 1 and 65535");
        assertTrue(validator.validate(bad).stream().noneMatch(p -> p.field().equals("portOverrides.seerr")), validator.validate(bad).toString());
        InvalidAnswersException e = org.junit.jupiter.api.Assertions.assertThrows(InvalidAnswersException.class,
                () -> AnswersFile.parse("schemaVersion: 1\nportOverrides:\n  jellyfin: 99999999999\n"));
        assertEquals("portOverrides.jellyfin", e.problems().getFirst().field(), e.getMessage());
    }

    @Test
    void aYamlSyntaxErrorGivesTheFileLineAndColumn(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp) throws Exception {
        java.nio.file.Path file = tmp.resolve("my-stack.yaml");
        java.nio.file.Files.writeString(file, "schemaVersion: 1\nservices: [jellyfin, sonarr\nvpn: {enabled: false}\n");
        InvalidAnswersException e = org.junit.jupiter.api.Assertions.assertThrows(InvalidAnswersException.class, () -> AnswersFile.read(file));
        Problem p = e.problems().getFirst();
        assertTrue(p.message().startsWith("not valid YAML at line 3, column 4 of " + file + ": while parsing a flow sequence"), p.toString());
        assertTrue(p.field().startsWith("services"), p.toString());
    }

    /**
     * Every field of the answers, given a value of the wrong kind, is named with its path and
     * what belongs there, in words: never a Java type or a parser's token.
     */
    @Test
    void everyFieldWithAWrongKindOfValueSaysWhatBelongsThere() throws Exception {
        com.fasterxml.jackson.databind.ObjectMapper yaml = new com.fasterxml.jackson.databind.ObjectMapper(
                new com.fasterxml.jackson.dataformat.yaml.YAMLFactory());
        com.fasterxml.jackson.databind.node.ObjectNode tree = (com.fasterxml.jackson.databind.node.ObjectNode)
                yaml.readTree(java.nio.file.Files.readString(Examples.file("full-wireguard")));
        // Fields the example leaves out, so that every field of the records is tried.
        tree.putObject("portOverrides").put("jellyfin", 8097);
        com.fasterxml.jackson.databind.node.ObjectNode target = tree.putObject("target");
        target.put("kind", "ssh").put("host", "nas.local").put("port", 22).put("user", "media").put("keyFile", "~/.ssh/id_ed25519");
        ((com.fasterxml.jackson.databind.node.ObjectNode) tree.get("vpn")).putObject("openvpn").put("user", "u").put("password", "p");
        ((com.fasterxml.jackson.databind.node.ObjectNode) tree.get("vpn").get("wireguard")).put("presharedKey", "x");
        ((com.fasterxml.jackson.databind.node.ObjectNode) tree.get("access").get("npm")).put("adminPassword", "twelve characters");

        List<String> tried = new java.util.ArrayList<>();
        List<String> wrong = new java.util.ArrayList<>();
        forEachField(tree, "", (path, node, replace) -> {
            com.fasterxml.jackson.databind.JsonNode bad = node.isObject() || node.isArray() ? yaml.getNodeFactory().textNode("x")
                    : node.isNumber() ? yaml.getNodeFactory().textNode("lots")
                    : node.isBoolean() ? yaml.getNodeFactory().textNode("maybe")
                    : yaml.getNodeFactory().arrayNode().add("a").add("b");
            replace.accept(bad);
            String text = yaml.writeValueAsString(tree);
            replace.accept(node);
            tried.add(path);
            try {
                AnswersFile.parse(text);
                wrong.add(path + ": accepted " + bad);
            } catch (InvalidAnswersException e) {
                Problem p = e.problems().getFirst();
                boolean plain = !p.message().matches("(?s).*(java\\.|`|dev\\.berth|Cannot |token|JsonToken|START_|Integer|Boolean|String\\b).*");
                if (!p.field().equals(path) || !plain || !(p.message().startsWith("must be") || p.message().contains("is not one of"))) {
                    wrong.add(path + " -> " + p);
                }
            }
        });
        assertTrue(tried.size() > 60, tried.toString());
        assertTrue(tried.containsAll(List.of("storage.puid", "services[1]", "portOverrides.jellyfin", "access.authelia.users[0].admin",
                "vpn.wireguard.addresses[0]", "monitoring.watchtower", "target.port")), tried.toString());
        assertEquals(List.of(), wrong);
    }

    private interface FieldVisitor {
        void visit(String path, com.fasterxml.jackson.databind.JsonNode node,
                   java.util.function.Consumer<com.fasterxml.jackson.databind.JsonNode> replace) throws Exception;
    }

    private static void forEachField(com.fasterxml.jackson.databind.JsonNode node, String path, FieldVisitor visitor) throws Exception {
        if (node instanceof com.fasterxml.jackson.databind.node.ObjectNode o) {
            List<String> names = new java.util.ArrayList<>();
            o.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                String child = path.isEmpty() ? name : path + "." + name;
                visitor.visit(child, o.get(name), v -> o.set(name, v));
                forEachField(o.get(name), child, visitor);
            }
        } else if (node instanceof com.fasterxml.jackson.databind.node.ArrayNode a) {
            for (int i = 0; i < a.size(); i++) {
                int index = i;
                visitor.visit(path + "[" + i + "]", a.get(i), v -> a.set(index, v));
                forEachField(a.get(i), path + "[" + i + "]", visitor);
            }
        }
    }

    @Test
    void smtpSenderMustBeAnAddressAutheliaReads() {
        assertProblem(smtp(new AccessAnswers.Smtp("smtp.example.com", 587, "auth@example.com", "app password", "Berth")),
                "access.authelia.smtp.sender", "auth@example.com or Authelia <auth@example.com>");
        assertProblem(smtp(new AccessAnswers.Smtp("smtp.example.com", 587, null, null, "Berth <auth@localhost>")),
                "access.authelia.smtp.sender", "Authelia <auth@example.com>");
        assertEquals(List.of(), validator.validate(smtp(new AccessAnswers.Smtp("smtp.example.com", 465, null, null,
                "Berth at home <auth@example.com>"))));
    }

    @Test
    void smtpPortOutOfRangeSaysWhichPortsAreUsual() {
        assertProblem(smtp(new AccessAnswers.Smtp("smtp.example.com", 0, null, null, "auth@example.com")),
                "access.authelia.smtp.port", "usually 587 (STARTTLS) or 465 (TLS)");
    }

    @Test
    void smtpHostMustBeAHostName() {
        assertProblem(smtp(new AccessAnswers.Smtp("smtp example com", 587, null, null, "auth@example.com")),
                "access.authelia.smtp.host", "is not a host name or IPv4 address");
        assertProblem(smtp(new AccessAnswers.Smtp("fd00::25", 587, null, null, "auth@example.com")),
                "access.authelia.smtp.host", "take no IPv6 address");
    }

    @Test
    void smtpPasswordWithoutAUserNameWouldBeIgnored() {
        assertProblem(smtp(new AccessAnswers.Smtp("smtp.example.com", 587, null, "app password", "auth@example.com")),
                "access.authelia.smtp", "add the username of the mail account");
    }

    private Answers smtp(AccessAnswers.Smtp smtp) {
        return access(a -> new AccessAnswers(a.mode(), a.domain(), a.letsEncrypt(), a.npm(), a.authelia().withSmtp(smtp),
                a.fail2ban()));
    }

    private Answers storage(UnaryOperator<StorageAnswers> change) {
        return full.withStorage(change.apply(full.storage()));
    }

    private Answers access(UnaryOperator<AccessAnswers> change) {
        return full.withAccess(change.apply(full.access()));
    }

    private void assertProblem(Answers answers, String field, String messagePart) {
        List<Problem> problems = validator.validate(answers);
        assertTrue(problems.stream().anyMatch(p -> p.field().equals(field) && p.message().contains(messagePart)),
                "expected a problem on '" + field + "' containing '" + messagePart + "', got " + problems);
    }
}
