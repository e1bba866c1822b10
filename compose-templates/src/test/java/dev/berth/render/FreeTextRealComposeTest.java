package dev.berth.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.berth.answers.Answers;
import dev.berth.answers.Problem;
import dev.berth.testsupport.ExternalTool;
import dev.berth.testsupport.Slow;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real Compose reads back exactly what was typed: nasty but valid data-root paths (also used
 * as config root and stack folder), NPM admin e-mail addresses and VPN countries are rendered,
 * one stack per value, and {@code docker-compose config} (1.29) and, where installed,
 * {@code docker compose config} (v2) print the resolved volume sources and environment. A harness
 * file beside each generated compose.yaml reads the .env variables through <code>${NAME}</code>,
 * so the same tools prove that .env reads back too.
 */
@Slow
class FreeTextRealComposeTest {
    /** Folder names with spaces, '$' in every form the rules allow, '#', '"', YAML syntax, non-ASCII, emoji and odd Unicode. */
    static final List<String> PATHS = List.of(
            "/srv/media library", "/srv/$HOME", "/srv/$$", "/srv/$$$/x", "/srv/price $5", "/srv/$X$Y", "/srv/a$ b",
            "/srv/{X}/$", "/srv/$X}", "/srv/#hash", "/srv/a #comment", "/srv/\"double\"", "/srv/say \"hi\" # now",
            "/srv/Médias/Séries", "/srv/Фильмы", "/srv/映画", "/srv/ファイル/アニメ", "/mnt/العربية", "/srv/🎬 Movies",
            "/srv/👨‍👩‍👧 family", "/srv/🏳️‍🌈", "/srv/trailing space ", "/srv/ leading space", "/srv/two  spaces",
            "/srv/[brackets]/{braces}", "/srv/a,b,c", "/srv/&anchor *alias", "/srv/!tag", "/srv/|pipe >fold",
            "/srv/100%", "/srv/user@host", "/srv/`whoami`", "/srv/$(whoami)", "/srv/{{.Name}}", "/srv/a=b",
            "/srv/~tilde", "/srv/...", "/srv/-dash", "/srv/yes", "/srv/null/~", "/srv/0x1F/1e3", "/srv/---",
            "/srv/? question", "/srv/nbsp\u00a0here", "/srv/zero\u200bwidth", "/srv/bom\ufeffhere", "/srv/rtl\u202eevil",
            "/srv/cafe\u0301", "/srv/%s %n", "/srv/<<", "/srv/a;b&c", "/srv/𝄞 \udbff\udfff");

    /** Addresses the e-mail rule accepts: '$', '${X}', '#', quotes, quoted local parts with escapes, non-ASCII. */
    static final List<String> EMAILS = List.of(
            "admin@example.com", "a$b@example.com", "a$$b@example.com", "$HOME@example.com", "${X}@example.com",
            "$$$@example.com", "#hash@example.com", "o'brien@example.com", "'quoted'@example.com", "''@example.com",
            "\"john doe\"@example.com", "\"a\\\"b\"@example.com", "\"back\\\\slash\"@example.com",
            "\"colon: at@ comma,\"@example.com", "\"# not a comment\"@example.com", "\"$ {x} $$\"@example.com",
            "üñîçødé@exämple.com", "用户@例え.jp", "пользователь@пример.рф", "a|b@example.com", "a&b*c!@example.com",
            "%@example.com", "`id`@example.com", "{{.Env}}@example.com", "x+tag@example.com", "yes@example.com",
            "null@example.com", "~@example.com", "a=b@example.com", "?^_@example.com", "me@[192.168.1.1]",
            "{}@example.com", "-@example.com", "a.b.c@example.com", "\"a..b\"@example.com", "\"@\"@example.com",
            "\"[x]\"@example.com", "\"(comment)\"@example.com", "\"<tag>\"@example.com", "\"a;b\"@example.com",
            "true@example.com", "1@example.com", "0x1F@example.com", "*@example.com", "&@example.com", "!@example.com",
            "#!/bin/sh@example.com", "é@é.com", "\"'\"@example.com", "\"  \"@example.com");

    /** Country names as the rule allows them: letters, spaces, '.', ''' and '-'; YAML 1.1 booleans and nulls among them. */
    static final List<String> COUNTRIES = List.of(
            "Netherlands", "Côte d'Ivoire", "Bosnia and Herzegovina", "São Tomé and Príncipe", "Åland", "Россия", "中国",
            "日本", "Ελλάδα", "ישראל", "Éire", "St. Kitts", "Guinea-Bissau", "No", "Yes", "On", "Off", "Null", "NULL",
            "True", "False", "Nan", "Inf", "Y'", "O'Neil", "A.", "N-", "Deutschland", "Österreich", "Türkiye", "België",
            "Ísland", "Česko", "Polska", "Québec", "Ñandú", "ǅemal", "İstanbul", "ß'ß", "x''y", "a - b", "A  B", "Z.",
            "Ab ", "한국", "ไทย", "مصر", "Ísrael Ö", "Yo", "No No");

    /** The .env variables a person's own compose file might use, with the answers they hold. */
    private static Map<String, String> envExpected(Answers a) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("COMPOSE_PROJECT_NAME", a.projectName());
        m.put("TZ", a.storage().timeZone());
        m.put("STACK_DIR", a.storage().stackDir());
        m.put("DATA_ROOT", a.storage().dataRoot());
        m.put("CONFIG_ROOT", a.storage().configRoot());
        m.put("DOMAIN", a.access().domain());
        return m;
    }

    /** Compose needs a literal '$' written '$$' here too; the tool's output shows whether it escapes its own. */
    private static final String PROBE = "a$$b";

    @Test
    void everyValueIsAcceptedByTheRules() {
        Answers base = FreeTextStacks.wireguard();
        List<String> refused = new ArrayList<>();
        for (String p : PATHS) {
            problems(FreeTextStacks.withDataRoot(base, p)).forEach(x -> refused.add(p + " -> " + x));
        }
        for (String e : EMAILS) {
            problems(FreeTextStacks.withNpmEmail(base, e)).forEach(x -> refused.add(e + " -> " + x));
        }
        for (String c : COUNTRIES) {
            problems(FreeTextStacks.withCountries(base, List.of(c))).forEach(x -> refused.add(c + " -> " + x));
        }
        assertEquals(List.of(), refused, "values meant to be valid were refused");
        assertTrue(PATHS.size() >= 50 && EMAILS.size() >= 50 && COUNTRIES.size() >= 50);
    }

    private static List<Problem> problems(Answers a) {
        return FreeTextStacks.problems(a);
    }

    @Test
    void dockerCompose1ReadsBackWhatWasTyped(@TempDir Path dir) {
        Path tool = ExternalTool.require("docker-compose", "apt-get install docker-compose");
        checkWith(List.of(tool.toString()), dir);
    }

    @Test
    void composeV2ReadsBackWhatWasTyped(@TempDir Path dir) {
        Path plugin = composeV2();
        Assumptions.assumeTrue(plugin != null, "Compose v2 is not installed (no docker-compose CLI plugin)");
        // Run on its own, the plugin takes docker-compose's arguments ('<plugin> config'); only
        // newer versions also skip a leading 'compose' (2.26 answers "unknown docker command").
        checkWith(List.of(plugin.toString()), dir);
    }

    /**
     * Why paths may not hold <code>${</code> or a backslash: docker-compose 1.29 reads .env with
     * python-dotenv, which changes them even inside single quotes. If this ever passes with the
     * other outcome, the rule in {@code TextRules.absolutePath} can be relaxed.
     */
    @Test
    void dockerCompose1ChangesDollarBraceAndBackslashesInDotEnv(@TempDir Path dir) throws IOException {
        Path tool = ExternalTool.require("docker-compose", "apt-get install docker-compose");
        Assumptions.assumeTrue(version(List.of(tool.toString())).startsWith("1."), "docker-compose on PATH is not 1.x");
        Files.writeString(dir.resolve(".env"), "X='ex'\nA='/srv/${X}'\nB='/srv/a\\\\b'\nC='/srv/a\\b'\n");
        Files.writeString(dir.resolve("harness.yaml"), harness(List.of("A", "B", "C")));
        Run r = run(dir, List.of(tool.toString(), "-f", "harness.yaml", "config"));
        assertEquals(0, r.exitCode, r.toString());
        Map<String, Object> env = harnessEnv(r.stdout);
        assertEquals("/srv/ex", env.get("A"), "python-dotenv expands ${X} inside single quotes");
        assertEquals("/srv/a\\b", env.get("B"), "python-dotenv turns \\\\ into \\ inside single quotes");
        assertEquals("/srv/a\\b", env.get("C"), "a lone backslash before another character stays");
        // The reader the property tests use models the same.
        Map<String, String> model = DotEnv.read(Files.readString(dir.resolve(".env")), DotEnv.Dialect.PYTHON_DOTENV);
        assertEquals(List.of(env.get("A"), env.get("B"), env.get("C")), List.of(model.get("A"), model.get("B"), model.get("C")));
        assertNotEquals(model.get("A"), DotEnv.read(Files.readString(dir.resolve(".env")), DotEnv.Dialect.COMPOSE_V2).get("A"));
    }

    // ---- one stack per value ------------------------------------------------------------------

    private record Stack(int index, Answers answers, Path dir) {
    }

    private record Outputs(Stack stack, Run compose, Run harness) {
    }

    private void checkWith(List<String> command, Path root) {
        String version = version(command);
        int n = Math.max(PATHS.size(), Math.max(EMAILS.size(), COUNTRIES.size()));
        List<Stack> stacks = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Answers a = FreeTextStacks.wireguard();
            a = FreeTextStacks.withDataRoot(a, PATHS.get(i % PATHS.size()));
            a = FreeTextStacks.withConfigRoot(a, PATHS.get((i + 17) % PATHS.size()));
            a = FreeTextStacks.withStackDir(a, PATHS.get((i + 31) % PATHS.size()));
            a = FreeTextStacks.withNpmEmail(a, EMAILS.get(i % EMAILS.size()));
            a = FreeTextStacks.withCountries(a, List.of(COUNTRIES.get(i % COUNTRIES.size())));
            FreeTextStacks.ReadBack rb = FreeTextStacks.accepted(a, "storage");
            Path dir = root.resolve("stack-" + i);
            try {
                FolderExport.write(rb.stack(), dir);
                Files.writeString(dir.resolve("harness.yaml"), harness(List.copyOf(envExpected(a).keySet())));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            stacks.add(new Stack(i, a, dir));
        }

        // docker-compose 1.29 takes about half a second a call: two at a time, one per core.
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Outputs> outputs = new ArrayList<>();
        try {
            List<Future<Outputs>> futures = new ArrayList<>();
            for (Stack s : stacks) {
                futures.add(pool.submit(() -> new Outputs(s,
                        run(s.dir(), concat(command, "-f", "compose.yaml", "config")),
                        run(s.dir(), concat(command, "-f", "harness.yaml", "config")))));
            }
            for (Future<Outputs> f : futures) {
                outputs.add(f.get(5, TimeUnit.MINUTES));
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            pool.shutdownNow();
        }

        List<String> mismatches = new ArrayList<>();
        for (Outputs o : outputs) {
            Answers a = o.stack().answers();
            String where = version + ", stack-" + o.stack().index() + ": ";
            for (Run r : List.of(o.compose(), o.harness())) {
                if (r.exitCode != 0 || r.stderr.contains("is not set") || r.stderr.contains("nvalid interpolation")) {
                    fail(where + "config failed or warned: " + r);
                }
            }
            Map<String, Object> harnessEnv = harnessEnv(o.harness().stdout);
            Object probe = harnessEnv.get("PROBE");
            boolean escapesOutput = "a$$b".equals(probe);
            if (!escapesOutput && !"a$b".equals(probe)) {
                fail(where + "the probe " + PROBE + " came back as " + probe);
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> env = (Map<String, Object>) ComposeValues.unescapeOutput(harnessEnv, escapesOutput);
            envExpected(a).forEach((k, expected) -> same(mismatches, where + ".env " + k, expected, env.get(k)));
            // The .env reader of the property tests agrees with this Compose.
            try {
                Map<String, String> model = DotEnv.read(Files.readString(o.stack().dir().resolve(".env")),
                        version.startsWith("1.") ? DotEnv.Dialect.PYTHON_DOTENV : DotEnv.Dialect.COMPOSE_V2);
                envExpected(a).keySet().forEach(k -> same(mismatches, where + "DotEnv model of " + k, model.get(k), env.get(k)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }

            Object config = ComposeValues.unescapeOutput(ComposeValues.parseYaml(o.compose().stdout), escapesOutput);
            String data = a.storage().dataRoot();
            String conf = a.storage().configRoot();
            same(mismatches, where + "lidarr /data", data, ComposeValues.volumeSource(config, "lidarr", "/data"));
            same(mismatches, where + "jellyfin /data/media", data + "/media", ComposeValues.volumeSource(config, "jellyfin", "/data/media"));
            same(mismatches, where + "sonarr /config", conf + "/sonarr", ComposeValues.volumeSource(config, "sonarr", "/config"));
            same(mismatches, where + "fail2ban npm logs", conf + "/npm/logs", ComposeValues.volumeSource(config, "fail2ban", "/remotelogs/npm"));
            same(mismatches, where + "INITIAL_ADMIN_EMAIL", a.access().npm().adminEmail(), ComposeValues.env(config, "npm", "INITIAL_ADMIN_EMAIL"));
            same(mismatches, where + "SERVER_COUNTRIES", String.join(",", a.vpn().countries()), ComposeValues.env(config, "gluetun", "SERVER_COUNTRIES"));
        }
        assertEquals(List.of(), mismatches, "values Compose did not read back as typed");
    }

    private static void same(List<String> mismatches, String what, Object expected, Object actual) {
        if (!expected.equals(actual)) {
            mismatches.add(what + ": typed " + show(expected) + " but Compose read " + show(actual));
        }
    }

    private static String show(Object o) {
        if (!(o instanceof String s)) {
            return String.valueOf(o);
        }
        StringBuilder sb = new StringBuilder("\"");
        s.codePoints().forEach(c -> {
            if (c < 0x20 || (c >= 0x7f && c < 0xa0) || c == 0x200b || c == 0xfeff || c == 0x202e) {
                sb.append(String.format("\\u%04x", c));
            } else {
                sb.appendCodePoint(c);
            }
        });
        return sb.append('"').toString();
    }

    /** A compose file of our own that reads the given .env variables, and the probe. */
    private static String harness(List<String> names) {
        StringBuilder sb = new StringBuilder("services:\n  envcheck:\n    image: busybox\n    environment:\n");
        sb.append("      PROBE: \"").append(PROBE).append("\"\n");
        for (String name : names) {
            sb.append("      ").append(name).append(": \"${").append(name).append("}\"\n");
        }
        return sb.toString();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> harnessEnv(String configOutput) {
        return (Map<String, Object>) ComposeValues.at(ComposeValues.parseYaml(configOutput), "services", "envcheck", "environment");
    }

    // ---- running Compose ------------------------------------------------------------------------

    private record Run(int exitCode, String stdout, String stderr, List<String> command) {
        @Override
        public String toString() {
            return command + " exited " + exitCode + "\n--- stderr:\n" + stderr + "\n--- stdout:\n" + stdout;
        }
    }

    /**
     * Runs a command with its output and errors apart (a warning must not end up in the YAML),
     * without the variables .env sets: a variable in the environment would win over .env.
     */
    private static Run run(Path dir, List<String> command) {
        try {
            Path err = Files.createTempFile("compose-stderr", ".txt");
            try {
                ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectError(err.toFile());
                for (String name : List.of("COMPOSE_PROJECT_NAME", "COMPOSE_FILE", "COMPOSE_PROFILES", "PUID", "PGID", "TZ",
                        "STACK_DIR", "DATA_ROOT", "CONFIG_ROOT", "DOMAIN", "X")) {
                    pb.environment().remove(name);
                }
                Process p = pb.start();
                p.getOutputStream().close();
                byte[] out = p.getInputStream().readAllBytes();
                if (!p.waitFor(120, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    fail("timed out: " + command);
                }
                return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8), Files.readString(err), command);
            } finally {
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String version(List<String> command) {
        Path tmp;
        try {
            tmp = Files.createTempDirectory("compose-version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Run r = run(tmp, concat(command, "version", "--short"));
        try {
            Files.deleteIfExists(tmp);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertEquals(0, r.exitCode, "cannot run " + command + ": " + r);
        return r.stdout.strip().replaceFirst("^v", "");
    }

    /** The Compose v2 CLI plugin, which also runs on its own as {@code <plugin> compose ...}. */
    private static Path composeV2() {
        for (String dir : List.of("/usr/libexec/docker/cli-plugins", "/usr/local/lib/docker/cli-plugins",
                "/usr/lib/docker/cli-plugins", System.getProperty("user.home") + "/.docker/cli-plugins")) {
            Path p = Path.of(dir, "docker-compose");
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        Path onPath = ExternalTool.find("docker-compose");
        if (onPath != null && version(List.of(onPath.toString())).matches("2\\..*")) {
            return onPath;
        }
        return null;
    }

    private static List<String> concat(List<String> head, String... tail) {
        List<String> all = new ArrayList<>(head);
        all.addAll(List.of(tail));
        return all;
    }
}
