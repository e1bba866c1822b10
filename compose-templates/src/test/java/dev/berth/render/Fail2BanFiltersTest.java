package dev.berth.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.berth.testsupport.Examples;
import dev.berth.testsupport.ExternalTool;
import dev.berth.testsupport.ExternalTool.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The generated Fail2Ban filters against log lines in the formats NPM and Authelia write, through
 * {@code fail2ban-regex}; and the jail file through {@code fail2ban-client -t}. A line that must
 * ban has to match once and yield the client's address; the others must not match.
 */
class Fail2BanFiltersTest {
    private static final String FULL_EXAMPLE = "full-wireguard";
    private static final Pattern LINES = Pattern.compile("Lines: (\\d+) lines, (\\d+) ignored, (\\d+) matched, (\\d+) missed");

    @TempDir
    static Path tmp;
    private static Path stack;

    @BeforeAll
    static void render() {
        stack = Examples.renderTo(FULL_EXAMPLE, tmp);
    }

    /** NPM's "proxy" log format: [$time_local] $upstream_cache_status $upstream_status $status - $request_method $scheme $host "$request_uri" [Client $remote_addr] … */
    static Stream<Arguments> npmLines() {
        return Stream.of(
                arguments("401 from the app, IPv4", "[22/Nov/2026:10:00:00 +0000] - 401 401 - GET https sonarr.example.com \"/login\" [Client 203.0.113.7] [Length 19] [Gzip -] [Sent-to sonarr] \"Mozilla/5.0 (X11; Linux x86_64)\" \"-\"", "203.0.113.7"),
                arguments("403 from the app, IPv6", "[22/Nov/2026:10:00:01 +0000] - 403 403 - POST https sonarr.example.com \"/api/v3/command\" [Client 2001:db8::7] [Length 0] [Gzip -] [Sent-to sonarr] \"curl/8.5.0\" \"-\"", "2001:db8::7"),
                arguments("403 from NPM itself (no upstream)", "[22/Nov/2026:10:00:02 +0000] - - 403 - GET https radarr.example.com \"/\" [Client 198.51.100.4] [Length 153] [Gzip 1.12] [Sent-to radarr] \"curl/8.5.0\" \"-\"", "198.51.100.4"),
                arguments("401 after a retried upstream", "[22/Nov/2026:10:00:03 +0000] - 502, 401 401 - GET https radarr.example.com \"/login\" [Client 198.51.100.5] [Length 19] [Gzip -] [Sent-to radarr] \"curl/8.5.0\" \"-\"", "198.51.100.5"),
                arguments("200 with 401 and 403 in the request", "[22/Nov/2026:10:00:04 +0000] HIT 200 200 - GET https sonarr.example.com \"/401 - GET\" [Client 203.0.113.7] [Length 512] [Gzip -] [Sent-to sonarr] \"403 - GET\" \"https://example.com/401\"", null));
    }

    /** Authelia's text log format (log.format: text). */
    static Stream<Arguments> autheliaLines() {
        return Stream.of(
                arguments("failed password", "time=\"2026-11-22T10:00:00Z\" level=error msg=\"Unsuccessful 1FA authentication attempt by user 'alice'\" error=\"authentication failed\" method=POST path=/api/firstfactor remote_ip=203.0.113.7", "203.0.113.7"),
                arguments("failed TOTP, IPv6", "time=\"2026-11-22T10:00:05+01:00\" level=error msg=\"Unsuccessful TOTP authentication attempt by user 'alice'\" error=\"validation of the totp code failed\" method=POST path=/api/secondfactor/totp remote_ip=2001:db8::7", "2001:db8::7"),
                arguments("successful sign-in (info)", "time=\"2026-11-22T10:00:10Z\" level=info msg=\"Successful 1FA authentication attempt made by user 'alice'\" method=POST path=/api/firstfactor remote_ip=203.0.113.7", null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("npmLines")
    void npmFilter(String what, String line, String bannedAddress) {
        assertFilter("npm-auth.conf", line, bannedAddress);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("autheliaLines")
    void autheliaFilter(String what, String line, String bannedAddress) {
        assertFilter("authelia-auth.conf", line, bannedAddress);
    }

    /**
     * fail2ban-client -t on a copy of the distribution's /etc/fail2ban plus our jail and filters.
     * The jails' log paths exist only inside the container, so a harness file read after ours
     * points them at empty temp files (Fail2Ban refuses a jail without a log file).
     */
    @Test
    void jailsLoad() throws IOException {
        Path client = ExternalTool.require("fail2ban-client", "apt-get install fail2ban");
        Path etc = fail2banConfig(stack.resolve("config/fail2ban"));

        Result test = ExternalTool.run(tmp, List.of(client.toString(), "-c", etc.toString(), "-t"));
        Result dump = ExternalTool.run(tmp, List.of(client.toString(), "-c", etc.toString(), "-d"));

        assertEquals(0, test.exitCode(), () -> "fail2ban-client -t:\n" + test.output());
        assertTrue(test.output().contains("configuration test is successful"), test::output);
        for (String jail : List.of("npm-auth", "authelia-auth")) {
            assertTrue(dump.output().contains("['add', '" + jail + "', 'auto']"), () -> jail + " is not enabled:\n" + dump.output());
        }
        assertTrue(dump.output().contains("['chain', 'DOCKER-USER']"), () -> "bans do not go to DOCKER-USER:\n" + dump.output());
    }

    /** /etc/fail2ban without its jail.d and jail.local (they enable the host's own jails), plus ours. */
    private static Path fail2banConfig(Path generated) throws IOException {
        Path system = Path.of("/etc/fail2ban");
        Path etc = tmp.resolve("etc");
        Path logs = Files.createDirectories(tmp.resolve("logs"));
        try (Stream<Path> files = Files.walk(system)) {
            for (Path f : files.toList()) {
                Path rel = system.relativize(f);
                boolean hostJail = (rel.startsWith("jail.d") && rel.getNameCount() > 1) || rel.equals(Path.of("jail.local"));
                if (hostJail) {
                    continue;
                }
                Files.copy(f, etc.resolve(rel.toString()));
            }
        }
        for (String dir : List.of("jail.d", "filter.d")) {
            try (Stream<Path> files = Files.list(generated.resolve(dir))) {
                for (Path f : files.toList()) {
                    Files.copy(f, etc.resolve(dir).resolve(f.getFileName()));
                }
            }
        }
        Files.createFile(logs.resolve("proxy-host-1_access.log"));
        Files.createFile(logs.resolve("authelia.log"));
        Files.writeString(etc.resolve("jail.d/zz-test-logpaths.local"), """
                [npm-auth]
                logpath = %1$s/proxy-host-*_access.log
                [authelia-auth]
                logpath = %1$s/authelia.log
                """.formatted(logs));
        return etc;
    }

    private static void assertFilter(String filter, String line, String bannedAddress) {
        Path tool = ExternalTool.require("fail2ban-regex", "apt-get install fail2ban");
        // An absolute path: a bare file name would be looked up in /etc/fail2ban/filter.d.
        String filterFile = stack.resolve("config/fail2ban/filter.d").resolve(filter).toString();

        Result result = ExternalTool.run(tmp, List.of(tool.toString(), line, filterFile));

        Matcher lines = LINES.matcher(result.output());
        assertTrue(result.exitCode() == 0 && lines.find(), () -> "fail2ban-regex failed:\n" + result.output());
        assertEquals("1", lines.group(1), () -> "fail2ban-regex did not read the one line:\n" + result.output());
        int matched = Integer.parseInt(lines.group(3));
        assertEquals(bannedAddress == null ? 0 : 1, matched, () -> filter + " on\n" + line + "\n" + result.output());
        if (bannedAddress != null) {
            Result address = ExternalTool.run(tmp, List.of(tool.toString(), "--out", "ip", line, filterFile));
            assertEquals(bannedAddress, address.output().strip(), () -> filter + " bans the wrong address:\n" + address.output());
        }
    }
}
