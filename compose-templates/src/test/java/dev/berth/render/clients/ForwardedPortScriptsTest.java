package dev.berth.render.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.plan.PlannedService;
import dev.berth.plan.StackPlan;
import dev.berth.render.RenderedStack;
import dev.berth.render.Renderer;
import dev.berth.testsupport.Examples;
import dev.berth.testsupport.Await;
import dev.berth.testsupport.ExternalTool;
import dev.berth.testsupport.ForwardingStacks;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rendered forwarded-port scripts run as Gluetun runs them, against the real clients signed in
 * with the password Berth generated: Debian 12's qbittorrent-nox 4.5.2 and transmission-daemon
 * 3.00 (the API calls the scripts make are the same in the pinned qBittorrent 5.1 and Transmission
 * 4.0: checked in their sources). Gluetun's up and down commands are taken from the rendered
 * compose settings, filled in as Gluetun fills them ({{PORT}}, {{VPN_INTERFACE}}) and split on
 * spaces; only the container paths and the client's port are moved to the test's. Every tool the
 * scripts call is BusyBox's (the only PATH is a folder of BusyBox applets), as in Gluetun's Alpine
 * image.
 */
class ForwardedPortScriptsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Path busybox;
    private Path applets;

    @BeforeEach
    void busyboxApplets() throws IOException {
        // A copy with hard links to it, each applet under its own name (symbolic links out of the temp folder would outlive it).
        applets = Files.createDirectory(dir.resolve("applets"));
        busybox = Files.copy(ExternalTool.require("busybox", "apt-get install busybox-static"), applets.resolve("busybox"));
        ExternalTool.Result installed = ExternalTool.run(dir, List.of(busybox.toString(), "--install", applets.toString()));
        assertEquals(0, installed.exitCode(), installed.output());
        Files.createDirectories(dir.resolve("config"));
    }

    @Test
    void qbittorrentListensOnEachForwardedPortWithRandomPortAndUpnpOff() throws Exception {
        Path binary = ExternalTool.require("qbittorrent-nox", "apt-get install qbittorrent-nox");
        Hook hook = new Hook(ForwardingStacks.protonVpn("qbittorrent"), "qbittorrent");
        int port = Daemon.freePort();
        try (Daemon ignored = startQbittorrent(binary, hook, port)) {
            assertEquals("berth forwarded port: qBittorrent at http://127.0.0.1:" + port
                    + " listens on the forwarded port 41234 on tun0 (random port and UPnP off)\n", hook.succeeds("up", 41234, port));
            JsonNode preferences = qbittorrentPreferences(port, hook.password());
            assertEquals(41234, preferences.get("listen_port").asInt());
            assertFalse(preferences.get("random_port").asBoolean(), preferences.toString());
            assertFalse(preferences.get("upnp").asBoolean(), preferences.toString());
            assertEquals("tun0", preferences.get("current_network_interface").asText());

            // Gluetun's wiki: port 0 on the loopback, so the next up binds again.
            hook.succeeds("down", 41234, port);
            preferences = qbittorrentPreferences(port, hook.password());
            assertEquals(0, preferences.get("listen_port").asInt());
            assertEquals("lo", preferences.get("current_network_interface").asText());

            hook.succeeds("up", 52345, port);
            preferences = qbittorrentPreferences(port, hook.password());
            assertEquals(52345, preferences.get("listen_port").asInt(), "the port changed with the provider's");
            assertFalse(preferences.get("random_port").asBoolean(), preferences.toString());
            assertEquals("tun0", preferences.get("current_network_interface").asText());
        }
    }

    @Test
    void qbittorrentRefusingThePasswordFailsWithAClearLineThatHoldsNoPassword() throws Exception {
        Path binary = ExternalTool.require("qbittorrent-nox", "apt-get install qbittorrent-nox");
        Hook hook = new Hook(ForwardingStacks.protonVpn("qbittorrent"), "qbittorrent");
        int port = Daemon.freePort();
        try (Daemon ignored = startQbittorrent(binary, hook, port)) {
            String refused = hook.refusesAWrongPassword(port);

            assertTrue(refused.startsWith("berth forwarded port: qBittorrent at http://127.0.0.1:" + port
                    + " refused the sign-in of 'admin': the password in "), refused);
            assertNotEquals(41234, qbittorrentPreferences(port, hook.password()).get("listen_port").asInt());

            // After five wrong passwords qBittorrent bans the address (WebUI\\MaxAuthenticationFailCount): the line says what to do.
            for (int attempt = 1; attempt <= 5; attempt++) {
                hook.refusesAWrongPassword(port);
            }
            String banned = hook.refusesAWrongPassword(port);
            assertTrue(banned.contains("(HTTP 403): it bans an address after repeated wrong passwords; restart the qbittorrent container"), banned);
        }
    }

    /**
     * Gluetun may forward a port before qBittorrent started, and waits for the up command before it
     * keeps the provider's lease alive: the command ends after a few seconds, and a copy of it left
     * in the background sets the port once qBittorrent answers.
     */
    @Test
    void upDoesNotHoldGluetunWhileQbittorrentStarts() throws Exception {
        Path binary = ExternalTool.require("qbittorrent-nox", "apt-get install qbittorrent-nox");
        Hook hook = new Hook(ForwardingStacks.protonVpn("qbittorrent"), "qbittorrent");
        int port = Daemon.freePort();
        Run up = Run.of(hook.start("up", 43210, "tun0", port));
        assertEquals(0, up.exitCode(), up.output());
        assertEquals("berth forwarded port: qBittorrent does not answer at http://127.0.0.1:" + port
                + " yet; port 43210 is set as soon as it does (up to 120 seconds, in the background)\n", up.output());
        try (Daemon ignored = startQbittorrent(binary, hook, port)) {
            Await.until("qBittorrent listens on the forwarded port", () -> listenPort(port, hook.password()) == 43210);
        }
    }

    private static int listenPort(int port, String password) {
        try {
            return qbittorrentPreferences(port, password).get("listen_port").asInt();
        } catch (Exception notYet) {
            return -1;
        }
    }

    @Test
    void transmissionListensOnEachForwardedPortWithRandomPortAndPortForwardingOff() throws Exception {
        Path binary = ExternalTool.require("transmission-daemon", "apt-get install transmission-daemon");
        Hook hook = new Hook(ForwardingStacks.protonVpn("transmission"), "transmission");
        int port = Daemon.freePort();
        try (Daemon ignored = startTransmission(binary, hook, port)) {
            assertEquals("berth forwarded port: Transmission at http://127.0.0.1:" + port
                    + "/transmission/rpc listens on the forwarded port 41234 (random port on start and UPnP/NAT-PMP off)\n",
                    hook.succeeds("up", 41234, port));
            JsonNode session = transmissionSession(port, hook.password());
            assertEquals(41234, session.get("peer-port").asInt());
            assertFalse(session.get("peer-port-random-on-start").asBoolean(), session.toString());
            assertFalse(session.get("port-forwarding-enabled").asBoolean(), session.toString());

            hook.succeeds("down", 41234, port);
            hook.succeeds("up", 52345, port);
            assertEquals(52345, transmissionSession(port, hook.password()).get("peer-port").asInt(), "the port changed with the provider's");

            String refused = hook.refusesAWrongPassword(port);
            assertTrue(refused.startsWith("berth forwarded port: Transmission at http://127.0.0.1:" + port
                    + "/transmission/rpc refused the sign-in of 'admin': the password in "), refused);
            assertEquals(52345, transmissionSession(port, hook.password()).get("peer-port").asInt());
        }
    }

    /** The client as Berth leaves it for its first start: its settings files from the plan, in the test's config folder. */
    private Daemon startQbittorrent(Path binary, Hook hook, int port) throws IOException {
        for (SettingsFile file : hook.settingsFiles()) {
            Path path = dir.resolve("config").resolve(file.path().substring(file.path().indexOf("/qBittorrent/") + 1));
            Files.createDirectories(path.getParent());
            Files.writeString(path, file.merge(Optional.empty()).content().replace("WebUI\\Address=*", "WebUI\\Address=127.0.0.1"));
        }
        Path config = dir.resolve("config");
        Map<String, String> env = Map.of("HOME", config.toString(), "XDG_CONFIG_HOME", config.toString(),
                "XDG_DATA_HOME", config.toString(), "XDG_CACHE_HOME", config.toString());
        return Daemon.start("qbittorrent-nox", List.of(binary.toString(), "--webui-port=" + port), env, dir, port);
    }

    private Daemon startTransmission(Path binary, Hook hook, int port) throws IOException {
        SettingsFile file = hook.settingsFiles().getFirst();
        ObjectNode settings = (ObjectNode) JSON.readTree(file.merge(Optional.empty()).content());
        settings.put("rpc-port", port);
        settings.put("rpc-bind-address", "127.0.0.1");
        settings.put("peer-port", Daemon.freePort());
        settings.put("dht-enabled", false);
        settings.put("lpd-enabled", false);
        Files.writeString(dir.resolve("config/settings.json"), settings.toString());
        return Daemon.start("transmission-daemon", List.of(binary.toString(), "-f", "-g", dir.resolve("config").toString()),
                Map.of(), dir, port);
    }

    private static JsonNode qbittorrentPreferences(int port, String password) throws Exception {
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String base = "http://127.0.0.1:" + port + "/api/v2/";
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(base + "auth/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=admin&password=" + password)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals("Ok.", login.body());
        return JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(base + "app/preferences")).build(),
                HttpResponse.BodyHandlers.ofString()).body());
    }

    private static JsonNode transmissionSession(int port, String password) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String auth = "Basic " + Base64.getEncoder().encodeToString(("admin:" + password).getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/transmission/rpc"))
                .header("Authorization", auth).POST(HttpRequest.BodyPublishers.ofString("{\"method\":\"session-get\"}"));
        HttpResponse<String> first = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(409, first.statusCode(), first.body());
        HttpResponse<String> session = http.send(request.header("X-Transmission-Session-Id",
                first.headers().firstValue("X-Transmission-Session-Id").orElseThrow()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, session.statusCode(), session.body());
        return JSON.readTree(session.body()).get("arguments");
    }

    /** Gluetun's hook for one client as the rendered stack sets it up, moved into the test's folder. */
    private final class Hook {
        private final StackPlan plan;
        private final PlannedService client;
        private final Path script;
        private final Path passwordFile;

        Hook(dev.berth.answers.Answers answers, String client) throws IOException {
            this.plan = Examples.repeatablePlanner().plan(answers, Map.of());
            this.client = plan.service(client).orElseThrow();
            RenderedStack stack = new Renderer().render(plan);
            this.script = dir.resolve("forwarded-port.sh");
            Files.writeString(script, stack.text("config/gluetun/berth/forwarded-port.sh"));
            String secret = this.client.definition().downloadClient().passwordSecret();
            this.passwordFile = dir.resolve(secret);
            Files.writeString(passwordFile, password());
        }

        String password() {
            return plan.secrets().get(client.definition().downloadClient().passwordSecret());
        }

        List<SettingsFile> settingsFiles() {
            return ClientSettings.of(plan).stream().filter(f -> f.service().equals(client.name())).toList();
        }

        /** Runs Gluetun's command for {@code mode} with the port on tun0; it ends well, and this is what it printed. */
        String succeeds(String mode, int forwarded, int clientPort) throws Exception {
            Run run = Run.of(start(mode, forwarded, "tun0", clientPort));
            assertEquals(0, run.exitCode(), run.output());
            return run.output();
        }

        /** With a password the client does not take, up fails with one line that holds neither password. */
        String refusesAWrongPassword(int clientPort) throws Exception {
            String wrong = "Wr0ngPassw0rdTypedByHand";
            Files.writeString(passwordFile, wrong);
            Run refused = Run.of(start("up", 41234, "tun0", clientPort));
            assertNotEquals(0, refused.exitCode(), refused.output());
            assertFalse(refused.output().contains(wrong) || refused.output().contains(password()), refused.output());
            assertEquals(1, refused.output().lines().count(), refused.output());
            return refused.output();
        }

        /** The command Gluetun runs for {@code mode}, filled in and split as Gluetun does (internal/command/split.go). */
        Process start(String mode, int forwarded, String vpnInterface, int clientPort) throws IOException {
            String variable = "VPN_PORT_FORWARDING_" + mode.toUpperCase(java.util.Locale.ROOT) + "_COMMAND";
            String command = plan.service("gluetun").orElseThrow().environment().get(variable)
                    .replace("{{PORT}}", Integer.toString(forwarded)).replace("{{VPN_INTERFACE}}", vpnInterface);
            assertFalse(command.contains("\"") || command.contains("'") || command.contains("\\"), "no quoting to undo: " + command);
            List<String> words = new ArrayList<>(List.of(command.split(" +")));
            assertEquals(List.of("/bin/sh", "/gluetun/berth/forwarded-port.sh", mode), words.subList(0, 3), command);
            List<String> argv = new ArrayList<>(List.of(busybox.toString(), "sh", script.toString()));
            for (String word : words.subList(2, words.size())) {
                argv.add(word.replace("127.0.0.1:" + client.webPort(), "127.0.0.1:" + clientPort)
                        .replace("/run/secrets/", dir + "/"));
            }
            ProcessBuilder pb = new ProcessBuilder(argv).directory(dir.toFile()).redirectErrorStream(true);
            pb.environment().clear();
            pb.environment().put("PATH", applets.toString());
            Process process = pb.start();
            process.getOutputStream().close();
            return process;
        }
    }

    private record Run(int exitCode, String output) {
        /** Waits for the script; a generous limit only so a hung script fails the test instead of hanging it. */
        static Run of(Process process) throws Exception {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                fail("the script did not end: " + output);
            }
            return new Run(process.exitValue(), output);
        }
    }
}
