package dev.berth.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.testsupport.Examples;
import dev.berth.testsupport.ExternalTool;
import dev.berth.testsupport.ExternalTool.Result;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The NPM snippets and a proxy host's advanced_config through {@code nginx -t}, in a harness that
 * stands in for the server block Nginx Proxy Manager writes around advanced_config (it sets
 * {@code $forward_scheme}, {@code $server} and {@code $port}).
 *
 * <p>In NPM the snippets are mounted at {@code /snippets}. The harness cannot write there, so its
 * copy of the advanced_config has {@code include /snippets/} rewritten to the temp folder's
 * {@code snippets/}; the snippet files themselves are copied unchanged. Everything nginx writes
 * (pid, error log, temp folders) is inside the temp folder, so the test also runs as non-root.
 * Authelia's endpoint is reached through a variable, so nginx needs no resolver at test time.
 */
class NginxSnippetsTest {
    private static final String SNIPPETS = "config/npm/snippets/";

    @TempDir
    Path tmp;

    /** The examples with NPM; none would make the parameterized test fail, not pass empty. */
    static Stream<String> examples() {
        return Examples.names().stream().filter(n -> Examples.render(n).files().containsKey(SNIPPETS + "proxy.conf"));
    }

    @ParameterizedTest
    @MethodSource("examples")
    void nginxAcceptsTheAdvancedConfigWithTheSnippets(String example) throws IOException {
        Path rendered = Examples.renderTo(example, tmp.resolve("rendered"));
        boolean authelia = Files.exists(rendered.resolve(SNIPPETS + "authelia-location.conf"));
        Path harness = harness(rendered.resolve(SNIPPETS), NpmSnippets.advancedConfig(authelia, true));

        Result result = nginxTest(harness);

        assertEquals(0, result.exitCode(), () -> "nginx -t failed for " + example + ":\n" + result.output() + "\n" + read(harness));
        assertTrue(result.output().contains("syntax is ok"), result::output);
        assertTrue(result.output().contains("test is successful"), result::output);
    }

    /** Proves the check can fail: a snippet with a misspelt directive. */
    @Test
    void aBrokenSnippetFailsTheTest() throws IOException {
        Path rendered = Examples.renderTo(examples().findFirst().orElseThrow(), tmp.resolve("rendered"));
        Path proxyConf = rendered.resolve(SNIPPETS + "proxy.conf");
        Files.writeString(proxyConf, Files.readString(proxyConf).replace("proxy_http_version 1.1;", "proxy_http_versoin 1.1;"));
        Path harness = harness(rendered.resolve(SNIPPETS), NpmSnippets.advancedConfig(false, false));

        Result result = nginxTest(harness);

        assertNotEquals(0, result.exitCode(), () -> "nginx -t accepted a broken snippet:\n" + result.output());
        assertTrue(result.output().contains("proxy_http_versoin"), result::output);
    }

    private Path harness(Path snippets, String advancedConfig) throws IOException {
        Path copy = tmp.resolve("snippets");
        Files.createDirectories(copy);
        try (Stream<Path> files = Files.list(snippets)) {
            for (Path f : files.toList()) {
                Files.copy(f, copy.resolve(f.getFileName()));
            }
        }
        Files.createDirectories(tmp.resolve("temp"));
        String t = tmp.toString();
        String config = """
                pid %1$s/nginx.pid;
                error_log %1$s/error.log;
                events {}
                http {
                    access_log off;
                    client_body_temp_path %1$s/temp/body;
                    proxy_temp_path %1$s/temp/proxy;
                    fastcgi_temp_path %1$s/temp/fastcgi;
                    uwsgi_temp_path %1$s/temp/uwsgi;
                    scgi_temp_path %1$s/temp/scgi;
                    server {
                        listen 127.0.0.1:%2$d;
                        set $forward_scheme http;
                        set $server 127.0.0.1;
                        set $port 8080;
                %3$s
                    }
                }
                """.formatted(t, freePort(), advancedConfig.replace("include /snippets/", "include " + copy + "/"));
        return Files.writeString(tmp.resolve("nginx.conf"), config);
    }

    private Result nginxTest(Path harness) {
        Path nginx = ExternalTool.require("nginx", "apt-get install nginx-light");
        // -e: the error log before the config is read; the built-in /var/log/nginx is root's.
        return ExternalTool.run(tmp, List.of(nginx.toString(), "-t", "-c", harness.toString(), "-p", tmp + "/",
                "-e", tmp.resolve("error.log").toString()));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "(cannot read " + file + ": " + e.getMessage() + ")";
        }
    }
}
