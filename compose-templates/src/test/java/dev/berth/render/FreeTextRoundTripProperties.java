package dev.berth.render;

import static dev.berth.render.FreeTextStacks.alice;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.answers.Answers;
import dev.berth.answers.AnswersFile;
import dev.berth.render.FreeTextStacks.ReadBack;
import dev.berth.secrets.Argon2idHasher;
import dev.berth.testsupport.Slow;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * Every free-text answer, over thousands of generated strings: either the validator refuses it
 * with a message naming the field, or the whole stack plans and renders and the value reads back
 * exactly from each generated file that holds it (compose.yaml as Compose interpolates it, .env as
 * Compose v2 and docker-compose 1.29 read it, secrets/, Authelia's users file, berth.yaml).
 *
 * <p>The strings come from a wide alphabet: all of printable ASCII, YAML and shell and Compose
 * syntax ({@code $$ ${X} #  : ' " \ {{ }}}), non-ASCII letters, emoji, odd Unicode (BOM,
 * zero-width and bidi characters, non-characters, lone surrogates) and control characters and
 * line breaks. Each property also checks that both outcomes happen often, and separate
 * properties check that values the rules allow (spaces, {@code $}, quotes, backslashes,
 * non-ASCII) are accepted, so that refusing everything cannot pass.
 */
@Slow
class FreeTextRoundTripProperties {
    private static final int TRIES = 1000;

    // ---- the alphabet -----------------------------------------------------------------------

    static final List<String> ASCII_PRINTABLE = IntStream.rangeClosed(0x20, 0x7e).mapToObj(Character::toString).toList();
    static final List<String> LETTERS = List.of("a", "B", "z", "Q", "m", "0", "7", "-", "_", ".");
    static final List<String> NON_ASCII_LETTERS = List.of("é", "ü", "ß", "ñ", "ø", "Å", "Ж", "я", "中", "文", "ع", "ש",
            "ग", "한", "Ω", "ı", "İ", "ﬁ", "ǅ");
    static final List<String> EMOJI = List.of("😀", "🎬", "🍿", "👨‍👩‍👧", "🏳️‍🌈", "❤️", "🇳🇱", "𝄞", "𠀀");
    /** Printable, but easy to get wrong: nbsp, zero-width, BOM, bidi override, combining, replacement, other spaces. */
    static final List<String> ODD_UNICODE = List.of("\u00a0", "\u200b", "\u200d", "\ufeff", "\u202e", "\u0301",
            "\ufffd", "\u3000", "\u2009", "\ufdd0", "\udbff\udfff");
    /** The non-characters YAML cannot print (SnakeYAML would write the string as !!binary). */
    static final List<String> NON_CHARACTERS = List.of("\ufffe", "\uffff");
    static final List<String> CONTROLS = List.of("\n", "\r", "\r\n", "\t", "\u0000", "\u001b", "\u007f", "\u0085",
            "\u2028", "\u2029", "\u000b", "\u000c", "\u009b", "\u0008");
    static final List<String> LONE_SURROGATES = List.of("\ud800", "\udbff", "\udc00", "\udfff");
    /** Syntax of YAML, shells, Compose interpolation, .env quoting and Go templates. */
    static final List<String> SYNTAX = List.of("$", "$$", "$$$", "${X}", "${HOME}", "$HOME", "${X:-y}", "${X:?e}",
            "${X-y}", "$(id)", "`id`", "{{.X}}", "%s", "%n", "\\", "\\\\", "\\'", "\\\"", "\\n", "\\$", "'", "''", "\"",
            " #", "# ", "#", ": ", ":", "- ", "? ", "&a", "*a", "!tag", "!!str", "|", "|-", ">", "@", "..", ".", "//", "/",
            "~", "=", ",", "[", "]", "{", "}", "---", "...", "<<", "yes", "No", "on", "OFF", "null", "NULL", "true", "y",
            "0x1F", "1e3", "1:20", "0o17", "2001-12-14", ".inf", " ", "  ", "\"\"", "=\"", "';x='");

    private static Arbitrary<String> pick(List<String> values) {
        return Arbitraries.of(values);
    }

    /** One piece of text from the whole alphabet, nasty pieces included. */
    static Arbitrary<String> anyPiece() {
        return Arbitraries.frequencyOf(
                Tuple.of(40, pick(ASCII_PRINTABLE)),
                Tuple.of(25, pick(SYNTAX)),
                Tuple.of(10, pick(NON_ASCII_LETTERS)),
                Tuple.of(8, pick(EMOJI)),
                Tuple.of(6, pick(ODD_UNICODE)),
                Tuple.of(5, pick(CONTROLS)),
                Tuple.of(1, pick(NON_CHARACTERS)),
                Tuple.of(1, pick(LONE_SURROGATES)));
    }

    static Arbitrary<String> text(Arbitrary<String> pieces, int min, int max) {
        return pieces.list().ofMinSize(min).ofMaxSize(max).map(l -> String.join("", l));
    }

    /** Text that is mostly made of {@code safe} pieces, with a {@code nastyPercent} share of nasty ones. */
    static Arbitrary<String> mostly(Arbitrary<String> safe, int nastyPercent, Arbitrary<String> nasty) {
        return Arbitraries.frequencyOf(Tuple.of(100 - nastyPercent, safe), Tuple.of(nastyPercent, nasty));
    }

    static Arbitrary<String> anyText(int maxPieces) {
        return text(anyPiece(), 0, maxPieces);
    }

    // ---- paths --------------------------------------------------------------------------------

    /** Pieces a folder name may hold: everything but '/', the quote, ':', the backslash and control characters. */
    static Arbitrary<String> pathPiece() {
        List<String> ascii = ASCII_PRINTABLE.stream().filter(s -> !"/':\\".contains(s)).toList();
        List<String> syntax = SYNTAX.stream().filter(s -> !s.contains("/") && !s.contains("'") && !s.contains(":")
                && !s.contains("\\") && !s.contains("${")).toList();
        return Arbitraries.frequencyOf(
                Tuple.of(50, pick(ascii)),
                Tuple.of(25, pick(syntax)),
                Tuple.of(10, pick(NON_ASCII_LETTERS)),
                Tuple.of(8, pick(EMOJI)),
                Tuple.of(5, pick(ODD_UNICODE)));
    }

    static Arbitrary<String> nastyPathPiece() {
        return Arbitraries.frequencyOf(
                Tuple.of(10, pick(List.of("'", ":", "\\", "\\\\", "${X}", "${HOME}", "${", "/./", "/../", "//"))),
                Tuple.of(4, pick(CONTROLS)),
                Tuple.of(1, pick(NON_CHARACTERS)),
                Tuple.of(1, pick(LONE_SURROGATES)));
    }

    static Arbitrary<String> acceptablePaths() {
        Arbitrary<String> segment = text(pathPiece(), 1, 6).filter(s -> !s.equals(".") && !s.equals(".."));
        return segment.list().ofMinSize(1).ofMaxSize(4).map(l -> "/" + String.join("/", l))
                .filter(p -> !p.contains("${") && p.length() <= 1024);
    }

    @Provide
    Arbitrary<String> paths() {
        Arbitrary<String> segment = text(mostly(pathPiece(), 3, nastyPathPiece()), 1, 6);
        Arbitrary<String> structured = segment.list().ofMinSize(1).ofMaxSize(4).map(l -> "/" + String.join("/", l));
        Arbitrary<String> broken = pick(List.of("", "/", "relative/path", "/srv/data/", "/srv//data", "/srv/./data",
                "/srv/../data", "~/data", "./data", "/srv/data:/x", "/srv/da'ta", "C:\\data", "/srv/\ndata",
                "/" + "x".repeat(1024), "/srv/" + "ä".repeat(1020)));
        return Arbitraries.frequencyOf(
                Tuple.of(12, structured),
                Tuple.of(2, anyText(12).map(s -> "/" + s)),
                Tuple.of(1, anyText(12)),
                Tuple.of(1, broken));
    }

    @Provide
    Arbitrary<String> acceptedPaths() {
        return acceptablePaths();
    }

    @Property(tries = TRIES)
    void stackDirRoundTripsOrIsRefused(@ForAll("paths") String path) {
        Optional<ReadBack> r = FreeTextStacks.validateOrRender(FreeTextStacks.withStackDir(FreeTextStacks.wireguard(), path), "storage.stackDir");
        outcome(r);
        r.ifPresent(rb -> assertEquals(path, rb.env().get("STACK_DIR"), ".env STACK_DIR"));
    }

    @Property(tries = TRIES)
    void dataRootRoundTripsOrIsRefused(@ForAll("paths") String path) {
        Optional<ReadBack> r = FreeTextStacks.validateOrRender(FreeTextStacks.withDataRoot(FreeTextStacks.wireguard(), path), "storage.dataRoot");
        outcome(r);
        r.ifPresent(rb -> checkDataRoot(rb, path));
    }

    @Property(tries = TRIES)
    void configRootRoundTripsOrIsRefused(@ForAll("paths") String path) {
        Optional<ReadBack> r = FreeTextStacks.validateOrRender(FreeTextStacks.withConfigRoot(FreeTextStacks.wireguard(), path), "storage.configRoot");
        outcome(r);
        r.ifPresent(rb -> checkConfigRoot(rb, path));
    }

    @Property(tries = TRIES)
    void pathsTheRulesAllowAreAcceptedAndRoundTrip(@ForAll("acceptedPaths") String dataRoot,
                                                   @ForAll("acceptedPaths") String configRoot,
                                                   @ForAll("acceptedPaths") String stackDir) {
        Answers a = FreeTextStacks.withStackDir(FreeTextStacks.withConfigRoot(
                FreeTextStacks.withDataRoot(FreeTextStacks.wireguard(), dataRoot), configRoot), stackDir);
        ReadBack rb = FreeTextStacks.accepted(a, "storage");
        checkDataRoot(rb, dataRoot);
        checkConfigRoot(rb, configRoot);
        assertEquals(stackDir, rb.env().get("STACK_DIR"));
        Statistics.label("has space, $, # or non-ASCII").collect(dataRoot.matches("(?s).*[ $#\\P{ASCII}].*"));
        Statistics.label("has space, $, # or non-ASCII").coverage(c -> c.check(true).percentage(p -> p >= 50));
    }

    private static void checkDataRoot(ReadBack rb, String path) {
        assertEquals(path, ComposeValues.volumeSource(rb.compose(), "lidarr", "/data"), "lidarr /data source");
        assertEquals(path + "/media", ComposeValues.volumeSource(rb.compose(), "jellyfin", "/data/media"), "jellyfin /data/media source");
        assertEquals(path + "/torrents", ComposeValues.volumeSource(rb.compose(), "qbittorrent", "/data/torrents"));
        assertEquals(path + "/usenet", ComposeValues.volumeSource(rb.compose(), "sabnzbd", "/data/usenet"));
        assertEquals(path, rb.env().get("DATA_ROOT"), ".env DATA_ROOT");
    }

    private static void checkConfigRoot(ReadBack rb, String path) {
        assertEquals(path + "/sonarr", ComposeValues.volumeSource(rb.compose(), "sonarr", "/config"), "sonarr /config source");
        assertEquals(path + "/npm/logs", ComposeValues.volumeSource(rb.compose(), "fail2ban", "/remotelogs/npm"));
        assertEquals(path, rb.env().get("CONFIG_ROOT"), ".env CONFIG_ROOT");
    }

    // ---- e-mail addresses and names ------------------------------------------------------------

    static final String ATOM_SPECIALS = "!#$%&'*+/=?^_`{|}~-";

    static Arbitrary<String> atomPiece() {
        List<String> specials = ATOM_SPECIALS.chars().mapToObj(Character::toString).toList();
        return Arbitraries.frequencyOf(
                Tuple.of(40, pick(LETTERS.stream().filter(s -> !s.equals(".")).toList())),
                Tuple.of(30, pick(specials)),
                Tuple.of(10, pick(List.of("$$", "${X}", "{{x}}", "$HOME", "''", "#!", "`id`"))),
                Tuple.of(10, pick(NON_ASCII_LETTERS)));
    }

    /** Inside a quoted local part: anything printable but '"' and '\', which come as escape pairs. */
    static Arbitrary<String> quotedPiece() {
        List<String> ascii = ASCII_PRINTABLE.stream().filter(s -> !s.equals("\"") && !s.equals("\\")).toList();
        return Arbitraries.frequencyOf(
                Tuple.of(50, pick(ascii)),
                Tuple.of(15, pick(List.of("\\\"", "\\\\", " ", ": ", "@", ",", "$$", "${X}", " # "))),
                Tuple.of(10, pick(NON_ASCII_LETTERS)));
    }

    static final List<String> DOMAINS = List.of("example.com", "mail.example.org", "exämple.com", "例え.jp",
            "ex-ample.co.uk", "[192.168.1.1]", "xn--bcher-kva.example");

    static Arbitrary<String> acceptableEmails() {
        Arbitrary<String> atoms = text(atomPiece(), 1, 5).list().ofMinSize(1).ofMaxSize(3).map(l -> String.join(".", l));
        Arbitrary<String> quoted = text(quotedPiece(), 1, 8).map(s -> "\"" + s + "\"");
        Arbitrary<String> local = Arbitraries.frequencyOf(Tuple.of(3, atoms), Tuple.of(1, quoted));
        return Combinators.combine(local, pick(DOMAINS)).as((l, d) -> l + "@" + d)
                .filter(e -> e.substring(0, e.lastIndexOf('@')).length() <= 64);
    }

    @Provide
    Arbitrary<String> emails() {
        Arbitrary<String> localNasty = text(mostly(atomPiece(), 8, anyPiece()), 0, 6);
        Arbitrary<String> domain = mostly(pick(DOMAINS), 15, anyText(6));
        return Arbitraries.frequencyOf(
                Tuple.of(6, acceptableEmails()),
                Tuple.of(6, Combinators.combine(localNasty, domain).as((l, d) -> l + "@" + d)),
                Tuple.of(2, Combinators.combine(text(mostly(quotedPiece(), 10, anyPiece()), 0, 8), domain)
                        .as((q, d) -> "\"" + q + "\"@" + d)),
                Tuple.of(2, anyText(16)));
    }

    @Provide
    Arbitrary<String> acceptedEmails() {
        return acceptableEmails();
    }

    @Provide
    Arbitrary<String> displayNames() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, text(mostly(anyPiece().filter(FreeTextRoundTripProperties::notBreaking), 4, anyPiece()), 0, 30)),
                Tuple.of(1, anyText(40)));
    }

    @Provide
    Arbitrary<String> acceptedDisplayNames() {
        return text(anyPiece().filter(FreeTextRoundTripProperties::notBreaking), 1, 40).filter(s -> s.length() <= 64);
    }

    /** Not a control character, line break, non-character or lone surrogate: what {@code @SingleLine} lets through. */
    static boolean notBreaking(String piece) {
        return !CONTROLS.contains(piece) && !LONE_SURROGATES.contains(piece) && !NON_CHARACTERS.contains(piece);
    }

    @Property(tries = TRIES)
    void npmEmailRoundTripsOrIsRefused(@ForAll("emails") String email) {
        Optional<ReadBack> r = FreeTextStacks.validateOrRender(FreeTextStacks.withNpmEmail(FreeTextStacks.wireguard(), email), "access.npm.adminEmail");
        outcome(r);
        // Lower-cased on the way in: NPM compares the sign-in address in lower case.
        r.ifPresent(rb -> assertEquals(email.toLowerCase(java.util.Locale.ROOT),
                ComposeValues.env(rb.compose(), "npm", "INITIAL_ADMIN_EMAIL"), "INITIAL_ADMIN_EMAIL"));
    }

    @Property(tries = TRIES)
    void autheliaEmailRoundTripsOrIsRefused(@ForAll("emails") String email) {
        Answers base = FreeTextStacks.wireguard();
        AnswersHelper h = new AnswersHelper(base);
        Optional<ReadBack> r = FreeTextStacks.validateOrRender(
                FreeTextStacks.withAlice(base, h.displayName, email, h.password), "access.authelia.users[0].email");
        outcome(r);
        r.ifPresent(rb -> assertEquals(email, ComposeValues.at(rb.users(), "users", "alice", "email"), "users_database.yml email"));
    }

    @Property(tries = TRIES)
    void autheliaDisplayNameRoundTripsOrIsRefused(@ForAll("displayNames") String name) {
        Answers base = FreeTextStacks.wireguard();
        AnswersHelper h = new AnswersHelper(base);
        Optional<ReadBack> r = FreeTextStacks.validateOrRender(
                FreeTextStacks.withAlice(base, name, h.email, h.password), "access.authelia.users[0].displayName");
        outcome(r);
        r.ifPresent(rb -> assertEquals(name, ComposeValues.at(rb.users(), "users", "alice", "displayname"), "users_database.yml displayname"));
    }

    // ---- passwords ----------------------------------------------------------------------------------

    @Provide
    Arbitrary<String> passwords() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, text(mostly(anyPiece().filter(FreeTextRoundTripProperties::notBreaking), 3, anyPiece()), 4, 40)),
                Tuple.of(1, anyText(60)),
                Tuple.of(1, pick(List.of("", "short$", "           ", "x".repeat(129), "ä".repeat(128), "😀".repeat(128),
                        "😀".repeat(129), "pass\nword-123456", "password\r\n-12345", "\u0000password-123"))));
    }

    /** 12 to 128 characters, one line: any printable character, quotes, backslashes and '$' included. */
    @Provide
    Arbitrary<String> acceptedPasswords() {
        return text(anyPiece().filter(FreeTextRoundTripProperties::notBreaking), 12, 60)
                .filter(s -> s.codePointCount(0, s.length()) >= 12 && s.codePointCount(0, s.length()) <= 128);
    }

    @Property(tries = TRIES)
    void npmPasswordRoundTripsOrIsRefused(@ForAll("passwords") String password) {
        Optional<ReadBack> r = FreeTextStacks.validateOrRender(FreeTextStacks.withNpmPassword(FreeTextStacks.wireguard(), password), "access.npm.adminPassword");
        outcome(r);
        r.ifPresent(rb -> {
            checkSecret(rb, "npm_admin_password", password);
            assertEquals("/run/secrets/npm_admin_password", ComposeValues.env(rb.compose(), "npm", "INITIAL_ADMIN_PASSWORD__FILE"));
            assertNull(AnswersFile.parse(rb.stack().text("berth.yaml")).access().npm().adminPassword(), "a password in berth.yaml");
        });
    }

    @Property(tries = TRIES)
    void autheliaPasswordRoundTripsOrIsRefused(@ForAll("passwords") String password) {
        Answers base = FreeTextStacks.wireguard();
        AnswersHelper h = new AnswersHelper(base);
        Optional<ReadBack> r = FreeTextStacks.validateOrRender(
                FreeTextStacks.withAlice(base, h.displayName, h.email, password), "access.authelia.users[0].password");
        outcome(r);
        r.ifPresent(rb -> {
            checkSecret(rb, FreeTextStacks.ALICE_PASSWORD, password);
            assertNull(alice(AnswersFile.parse(rb.stack().text("berth.yaml"))).password(), "a password in berth.yaml");
        });
    }

    /**
     * The argon2id hash in users_database.yml is of the typed password's UTF-8 bytes (what
     * Authelia checks a sign-in against). Few tries: each hashes twice at 64 MiB.
     */
    @Property(tries = 10)
    void autheliaHashesTheTypedPassword(@ForAll("acceptedPasswords") String password) {
        Answers a = FreeTextStacks.withAlice(FreeTextStacks.wireguard(), "Alice", "alice@example.com", password);
        ReadBack rb = FreeTextStacks.validateOrRender(a, "access.authelia.users[0].password", Map.of()).orElseThrow();
        String hash = (String) ComposeValues.at(rb.users(), "users", "alice", "password");
        assertEquals(rb.secret(FreeTextStacks.ALICE_HASH), hash);
        assertTrue(Argon2idHasher.verify(hash, password), "the hash is not of the typed password");
    }

    @Property(tries = TRIES)
    void openVpnPasswordRoundTripsOrIsRefused(@ForAll("passwords") String password) {
        Optional<ReadBack> r = FreeTextStacks.validateOrRender(
                FreeTextStacks.withOpenVpn(FreeTextStacks.openvpn(), "p1234567", password), "vpn.openvpn.password");
        outcome(r);
        r.ifPresent(rb -> {
            checkSecret(rb, "openvpn_password", password);
            assertNull(AnswersFile.parse(rb.stack().text("berth.yaml")).vpn().openvpn(), "OpenVPN credentials in berth.yaml");
        });
    }

    @Provide
    Arbitrary<String> openVpnUsers() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, text(mostly(anyPiece().filter(FreeTextRoundTripProperties::notBreaking), 3, anyPiece()), 0, 30)),
                Tuple.of(1, anyText(40)),
                Tuple.of(1, pick(List.of("", " ", "x".repeat(256), "x".repeat(257), "😀".repeat(128), "😀".repeat(129)))));
    }

    @Property(tries = TRIES)
    void openVpnUserRoundTripsOrIsRefused(@ForAll("openVpnUsers") String user) {
        Optional<ReadBack> r = FreeTextStacks.validateOrRender(
                FreeTextStacks.withOpenVpn(FreeTextStacks.openvpn(), user, "example-password-change-me"), "vpn.openvpn.user");
        outcome(r);
        r.ifPresent(rb -> checkSecret(rb, "openvpn_user", user));
    }

    private static void checkSecret(ReadBack rb, String name, String typed) {
        assertArrayEquals(typed.getBytes(StandardCharsets.UTF_8), rb.secretBytes(name), "secrets/" + name + " bytes");
        assertEquals(typed, rb.secret(name), "secrets/" + name + " read back as UTF-8");
    }

    // ---- VPN ----------------------------------------------------------------------------------------

    static Arbitrary<String> countryPiece() {
        return Arbitraries.frequencyOf(
                Tuple.of(50, pick(List.of("a", "e", "N", "s", "W", "z", "K"))),
                Tuple.of(15, pick(List.of(" ", ".", "'", "-", "d'", "St. "))),
                Tuple.of(15, pick(NON_ASCII_LETTERS.stream().filter(s -> s.codePoints().allMatch(Character::isLetter)).toList())),
                Tuple.of(10, pick(List.of("No", "Yes", "On", "Off", "Null", "True", "NULL", "Nan", "Inf", "Y"))));
    }

    static Arbitrary<String> acceptableCountry() {
        Arbitrary<String> first = pick(List.of("A", "b", "Ö", "Ж", "中", "N", "Y", "O"));
        return Combinators.combine(first, text(countryPiece(), 1, 12)).as((f, rest) -> f + rest)
                .filter(s -> s.matches("[\\p{L}][\\p{L} .'-]{1,55}"));
    }

    @Provide
    Arbitrary<List<String>> countryLists() {
        Arbitrary<String> country = Arbitraries.frequencyOf(
                Tuple.of(4, acceptableCountry()),
                Tuple.of(3, text(mostly(countryPiece(), 10, anyPiece()), 0, 10)),
                Tuple.of(1, anyText(10)));
        return country.list().ofMinSize(1).ofMaxSize(3);
    }

    @Provide
    Arbitrary<List<String>> acceptedCountryLists() {
        return acceptableCountry().list().ofMinSize(1).ofMaxSize(4);
    }

    @Property(tries = TRIES)
    void countriesRoundTripOrAreRefused(@ForAll("countryLists") List<String> countries) {
        Optional<ReadBack> r = FreeTextStacks.validateOrRender(FreeTextStacks.withCountries(FreeTextStacks.wireguard(), countries), "vpn.countries");
        outcome(r);
        r.ifPresent(rb -> checkCountries(rb, countries));
    }

    private static void checkCountries(ReadBack rb, List<String> countries) {
        String joined = ComposeValues.env(rb.compose(), "gluetun", "SERVER_COUNTRIES");
        assertEquals(countries, List.of(joined.split(",", -1)), "SERVER_COUNTRIES");
    }

    @Provide
    Arbitrary<String> wireGuardKeys() {
        Arbitrary<String> valid = Arbitraries.bytes().array(byte[].class).ofSize(32).map(b -> Base64.getEncoder().encodeToString(b));
        Arbitrary<String> mutated = Combinators.combine(valid, Arbitraries.integers().between(0, 43), anyPiece(),
                Arbitraries.integers().between(0, 3)).as((k, i, piece, how) -> switch (how) {
                    case 0 -> k.substring(0, i) + piece + k.substring(i + 1);
                    case 1 -> k.substring(0, i) + piece + k.substring(i);
                    case 2 -> k.substring(0, i) + k.substring(i + 1);
                    default -> piece + k + piece;
                });
        Arbitrary<String> otherLengths = Arbitraries.bytes().array(byte[].class).ofMinSize(0).ofMaxSize(40)
                .map(b -> Base64.getEncoder().encodeToString(b));
        return Arbitraries.frequencyOf(
                Tuple.of(4, valid),
                Tuple.of(4, mutated),
                Tuple.of(1, otherLengths),
                Tuple.of(1, anyText(44)),
                Tuple.of(1, valid.map(k -> k.replace('+', '-').replace('/', '_'))));
    }

    @Property(tries = TRIES)
    void wireGuardKeyRoundTripsOrIsRefused(@ForAll("wireGuardKeys") String key) {
        Optional<ReadBack> r = FreeTextStacks.validateOrRender(FreeTextStacks.withWireGuardKey(FreeTextStacks.wireguard(), key), "vpn.wireguard.privateKey");
        outcome(r);
        r.ifPresent(rb -> {
            checkSecret(rb, "wireguard_private_key", key);
            assertArrayEquals(Base64.getDecoder().decode(key), Base64.getDecoder().decode(rb.secret("wireguard_private_key")));
            assertNull(AnswersFile.parse(rb.stack().text("berth.yaml")).vpn().wireguard().privateKey(), "the key in berth.yaml");
        });
    }

    // ---- domain -------------------------------------------------------------------------------------

    @Provide
    Arbitrary<String> domains() {
        Arbitrary<String> nasty = Arbitraries.oneOf(anyPiece(), pick(List.of("_", ".", "..", "*", "ä", " ", "$", "'", ":", "\n", "-")));
        Arbitrary<String> label = text(mostly(pick(List.of("a", "b", "z", "M", "0", "9", "a-b", "media", "example", "xn--bcher-kva")), 5, nasty), 1, 3);
        Arbitrary<String> topLabel = text(mostly(pick(List.of("com", "org", "de", "example", "b", "Z", "xn--p1ai", "1")), 5, nasty), 1, 2);
        Arbitrary<String> structured = Combinators.combine(label.list().ofMinSize(1).ofMaxSize(3), topLabel)
                .as((l, last) -> String.join(".", l) + "." + last);
        return Arbitraries.frequencyOf(
                Tuple.of(6, structured),
                Tuple.of(1, anyText(12)),
                Tuple.of(1, pick(List.of("", "example.com.", "192.168.1.1", "[::1]", "localhost", "a." + "b".repeat(64) + ".com",
                        "a.123", "-a.com", "a-.com", "xn--bcher-kva.example", ("a".repeat(63) + ".").repeat(4) + "com"))));
    }

    @Property(tries = TRIES)
    void domainRoundTripsOrIsRefused(@ForAll("domains") String domain) {
        Optional<ReadBack> r = FreeTextStacks.validateOrRender(FreeTextStacks.withDomain(FreeTextStacks.wireguard(), domain), "access.domain");
        outcome(r);
        r.ifPresent(rb -> checkDomain(rb, domain));
    }

    private static void checkDomain(ReadBack rb, String typed) {
        String domain = dev.berth.plan.Planner.lowerCaseDomain(typed); // domain names ignore case; the stack writes lower case
        assertEquals(domain, rb.env().get("DOMAIN"), ".env DOMAIN");
        assertEquals("https://grafana." + domain, ComposeValues.env(rb.compose(), "grafana", "GF_SERVER_ROOT_URL"));
        assertEquals("https://jellyfin." + domain, ComposeValues.env(rb.compose(), "jellyfin", "JELLYFIN_PublishedServerUrl"));
        assertEquals(domain, ComposeValues.at(rb.autheliaConfiguration(), "session", "cookies", 0, "domain"));
        assertEquals("https://auth." + domain, ComposeValues.at(rb.autheliaConfiguration(), "session", "cookies", 0, "authelia_url"));
    }

    // ---- values the rules allow are accepted ---------------------------------------------------

    /**
     * Everything the access and VPN screens take as free text, from alphabets without the
     * characters the rules forbid: each must be accepted and read back exactly.
     */
    @Property(tries = TRIES)
    void accessAndVpnTextTheRulesAllowIsAcceptedAndRoundTrips(
            @ForAll("acceptedEmails") String npmEmail,
            @ForAll("acceptedPasswords") String npmPassword,
            @ForAll("acceptedDisplayNames") String displayName,
            @ForAll("acceptedEmails") String aliceEmail,
            @ForAll("acceptedPasswords") String alicePassword,
            @ForAll("acceptedCountryLists") List<String> countries) {
        Answers a = FreeTextStacks.wireguard();
        a = FreeTextStacks.withNpmPassword(FreeTextStacks.withNpmEmail(a, npmEmail), npmPassword);
        a = FreeTextStacks.withAlice(a, displayName, aliceEmail, alicePassword);
        a = FreeTextStacks.withCountries(a, countries);
        ReadBack rb = FreeTextStacks.accepted(a, "access");
        assertEquals(npmEmail.toLowerCase(java.util.Locale.ROOT), ComposeValues.env(rb.compose(), "npm", "INITIAL_ADMIN_EMAIL"));
        checkSecret(rb, "npm_admin_password", npmPassword);
        assertEquals(displayName, ComposeValues.at(rb.users(), "users", "alice", "displayname"));
        assertEquals(aliceEmail, ComposeValues.at(rb.users(), "users", "alice", "email"));
        checkSecret(rb, FreeTextStacks.ALICE_PASSWORD, alicePassword);
        checkCountries(rb, countries);
        Statistics.label("password has $ # ' \" or \\").collect(npmPassword.matches("(?s).*[$#'\"\\\\].*"));
        Statistics.label("password has $ # ' \" or \\").coverage(c -> c.check(true).percentage(p -> p >= 50));
    }

    @Property(tries = TRIES)
    void openVpnTextTheRulesAllowIsAcceptedAndRoundTrips(@ForAll("acceptedDisplayNames") String user,
                                                         @ForAll("acceptedPasswords") String password) {
        ReadBack rb = FreeTextStacks.accepted(FreeTextStacks.withOpenVpn(FreeTextStacks.openvpn(), user, password), "vpn.openvpn");
        checkSecret(rb, "openvpn_user", user);
        checkSecret(rb, "openvpn_password", password);
    }

    @Property(tries = TRIES)
    void wireGuardKeysAndDomainsTheRulesAllowAreAcceptedAndRoundTrip(
            @ForAll("acceptedWireGuardKeys") String key, @ForAll("acceptedDomains") String domain) {
        Answers a = FreeTextStacks.withDomain(FreeTextStacks.withWireGuardKey(FreeTextStacks.wireguard(), key), domain);
        ReadBack rb = FreeTextStacks.accepted(a, "vpn");
        checkSecret(rb, "wireguard_private_key", key);
        checkDomain(rb, domain);
    }

    @Provide
    Arbitrary<String> acceptedWireGuardKeys() {
        return Arbitraries.bytes().array(byte[].class).ofSize(32).map(b -> Base64.getEncoder().encodeToString(b));
    }

    @Provide
    Arbitrary<String> acceptedDomains() {
        Arbitrary<String> label = Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-")
                .ofMinLength(1).ofMaxLength(20).filter(s -> !s.startsWith("-") && !s.endsWith("-"));
        Arbitrary<String> tld = Arbitraries.strings().withCharRange('a', 'z').ofMinLength(2).ofMaxLength(6);
        return Combinators.combine(label.list().ofMinSize(1).ofMaxSize(3), tld)
                .as((labels, t) -> String.join(".", labels) + "." + t);
    }

    // ---- what the rules refuse, and why ---------------------------------------------------------

    /**
     * docker-compose 1.29 reads .env with python-dotenv, which expands <code>${X}</code> and
     * unescapes backslashes even inside single quotes: such a path cannot round-trip through .env.
     */
    @Example
    void pathsWithDollarBraceOrBackslashAreRefusedWithTheReason() {
        for (String path : List.of("/srv/${X}", "/srv/${HOME}/media", "/srv/a\\b", "/srv/a\\\\b", "/srv/data\\")) {
            List<dev.berth.answers.Problem> problems = FreeTextStacks.problems(FreeTextStacks.withDataRoot(FreeTextStacks.wireguard(), path));
            assertEquals(1, problems.size(), path + ": " + problems);
            assertEquals("storage.dataRoot", problems.getFirst().field());
            assertTrue(problems.getFirst().message().contains("backslashes, '${'"), problems.getFirst().message());
        }
        for (String path : List.of("/srv/$X", "/srv/$$", "/srv/$HOME/{x}", "/srv/a$ {b}", "/srv/a{b}$")) {
            assertEquals(List.of(), FreeTextStacks.problems(FreeTextStacks.withDataRoot(FreeTextStacks.wireguard(), path)), path);
        }
    }

    /** SnakeYAML writes U+FFFE and U+FFFF as !!binary, and cannot write a lone surrogate at all. */
    @Example
    void textYamlCannotPrintIsRefused() {
        for (String bad : List.of("password\ufffe-1234", "password\uffff-1234", "password\ud800-1234", "password\udc00-1234")) {
            List<dev.berth.answers.Problem> problems = FreeTextStacks.problems(FreeTextStacks.withNpmPassword(FreeTextStacks.wireguard(), bad));
            assertEquals(List.of("access.npm.adminPassword"), problems.stream().map(dev.berth.answers.Problem::field).toList());
            Answers a = FreeTextStacks.wireguard();
            problems = FreeTextStacks.problems(FreeTextStacks.withAlice(a, "Alice " + bad, alice(a).email(), alice(a).password()));
            assertEquals(List.of("access.authelia.users[0].displayName"), problems.stream().map(dev.berth.answers.Problem::field).toList());
            assertTrue(problems.getFirst().message().contains("not valid Unicode"), problems.getFirst().message());
        }
        String emoji = "password-\ud83d\ude00-\udbff\udfff";
        assertEquals(List.of(), FreeTextStacks.problems(FreeTextStacks.withNpmPassword(FreeTextStacks.wireguard(), emoji)));
    }

    // ---- helpers ------------------------------------------------------------------------------------

    /** Counts each outcome, and fails the property if either is rare: refusing everything must not pass. */
    private static void outcome(Optional<ReadBack> r) {
        Statistics.label("outcome").collect(r.isPresent() ? "round-trips" : "refused");
        Statistics.label("outcome").coverage(c -> {
            c.check("round-trips").percentage(p -> p >= 15);
            c.check("refused").percentage(p -> p >= 5);
        });
    }

    /** Alice's other fields, as in the example. */
    private record AnswersHelper(String displayName, String email, String password) {
        AnswersHelper(Answers a) {
            this(alice(a).displayName(), alice(a).email(), alice(a).password());
        }
    }
}
