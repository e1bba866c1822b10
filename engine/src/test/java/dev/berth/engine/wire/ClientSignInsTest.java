package dev.berth.engine.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.berth.catalog.Catalog;
import dev.berth.catalog.DownloadClientSpec;
import dev.berth.testsupport.ExternalTool;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Berth's sign-in checks against the real clients from Debian's packages (qbittorrent-nox 4.5,
 * transmission-daemon 3.00, nzbget 21; older than the pinned images, but their sign-in APIs are
 * the same), each started here on a free loopback port with a known user and password set the
 * daemon's own way, and against {@link FakeSabnzbd} for SABnzbd. Each checks the right password
 * (OK), a wrong one (needs attention, in the client's own words, never the password) and, for
 * qBittorrent, a client that does not answer (needs attention, saying where).
 */
class ClientSignInsTest {
    private static final String USER = "berth";
    private static final String PASSWORD = "Right-Pass-4711";
    private static final String WRONG = "Wrong-Pass-0815";

    @TempDir
    Path dir;
    private final ClientSignIns signIns = new ClientSignIns();
    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void stopDaemons() throws InterruptedException {
        for (Process p : started) {
            p.destroy();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor();
            }
        }
    }

    private static DownloadClientSpec catalogs(String service) {
        return Catalog.builtIn().get(service).downloadClient();
    }

    private Link check(DownloadClientSpec spec, String name, int port, String password, String apiKey) {
        return signIns.check(spec, name, URI.create("http://127.0.0.1:" + port + "/"), USER, password, apiKey, () -> false);
    }

    private static void assertNeedsAttention(Link link, String... words) {
        assertEquals(Link.Status.NEEDS_ATTENTION, link.status(), link::toString);
        assertEquals("sign-in", link.to());
        for (String w : words) {
            assertTrue(link.detail().contains(w), () -> "'" + w + "' missing in: " + link.detail());
        }
        assertFalse(link.detail().contains(PASSWORD) || link.detail().contains(WRONG), link.detail());
    }

    @Test
    void qbittorrentSignsInWithThePbkdf2PasswordItReadsFromItsConf() throws Exception {
        Path program = ExternalTool.require("qbittorrent-nox", "apt-get install qbittorrent-nox");
        int port = freePort();
        // qBittorrent's own format: WebUI\Password_PBKDF2 = base64(16-byte salt):base64(PBKDF2-HMAC-SHA512, 100000 rounds, 64 bytes).
        byte[] salt = new byte[16];
        new SecureRandom().nextBytes(salt);
        byte[] hash = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA512")
                .generateSecret(new PBEKeySpec(PASSWORD.toCharArray(), salt, 100_000, 512)).getEncoded();
        Path conf = dir.resolve("qBittorrent/config/qBittorrent.conf");
        Files.createDirectories(conf.getParent());
        int peerPort = freePort();
        Files.writeString(conf, "[BitTorrent]\nSession\\Port=" + peerPort + "\n\n"
                + "[LegalNotice]\nAccepted=true\n\n[Preferences]\nWebUI\\Address=127.0.0.1\nWebUI\\Username=" + USER
                + "\nWebUI\\Password_PBKDF2=\"@ByteArray(" + Base64.getEncoder().encodeToString(salt) + ":"
                + Base64.getEncoder().encodeToString(hash) + ")\"\n");
        start(port, program.toString(), "--profile=" + dir, "--webui-port=" + port);
        DownloadClientSpec spec = Catalog.builtIn().get("qbittorrent").downloadClient();

        assertEquals(new Link("qBittorrent", "sign-in", Link.Status.OK, ""), check(spec, "qBittorrent", port, PASSWORD, ""));
        assertNeedsAttention(check(spec, "qBittorrent", port, WRONG, ""), "qBittorrent answered 200 “Fails.” to user berth");
        // As through an SSH tunnel: another port on this side. qBittorrent refuses a Host header naming a port it does not listen on.
        try (Forward tunnel = Forward.to(port)) {
            assertEquals(Link.Status.OK, check(spec, "qBittorrent", tunnel.port(), PASSWORD, "").status());
            // The port it listens on for peers (the VPN proof compares it with the forwarded one), through the same tunnel.
            ClientListenPorts.Answer listening = ClientListenPorts.read(spec, URI.create("http://127.0.0.1:" + tunnel.port()), USER,
                    PASSWORD, () -> false);
            assertEquals(java.util.OptionalInt.of(peerPort), listening.port(), listening::why);
        }
        ClientListenPorts.Answer refused = ClientListenPorts.read(spec, URI.create("http://127.0.0.1:" + port), USER, WRONG, () -> false);
        assertTrue(refused.port().isEmpty() && refused.why().contains("refused Berth's sign-in"), refused::toString);
        assertFalse(refused.why().contains(WRONG), refused.why());
    }

    @Test
    void aClientThatDoesNotAnswerNeedsAttentionSayingWhere() throws Exception {
        int port = freePort();
        DownloadClientSpec spec = Catalog.builtIn().get("qbittorrent").downloadClient();
        assertNeedsAttention(check(spec, "qBittorrent", port, PASSWORD, ""),
                "No answer from qBittorrent at http://127.0.0.1:" + port + "/ (connection refused)", "run berth wire");
    }

    @Test
    void transmissionSignsInAfterTheSessionIdHandshakeUnderItsUrlBase() throws Exception {
        Path program = ExternalTool.require("transmission-daemon", "apt-get install transmission-daemon");
        int port = freePort();
        // The daemon's own way: -t (authentication required), -u, -v on its command line.
        int peerPort = freePort();
        start(port, program.toString(), "-f", "-g", dir.toString(), "-p", String.valueOf(port), "-P", String.valueOf(peerPort),
                "-t", "-u", USER, "-v", PASSWORD, "-M", "-a", "127.0.0.1", "-w", dir.toString());
        DownloadClientSpec spec = catalogs("transmission");
        assertEquals("/transmission/", spec.urlBase());

        assertEquals(Link.Status.OK, check(spec, "Transmission", port, PASSWORD, "").status());
        assertEquals(java.util.OptionalInt.of(peerPort), ClientListenPorts.read(spec, URI.create("http://127.0.0.1:" + port), USER,
                PASSWORD, () -> false).port(), "session-get's peer-port");
        assertNeedsAttention(check(spec, "Transmission", port, WRONG, ""), "Transmission answered 401 Unauthorized",
                "Unauthorized User", "to user berth");
    }

    @Test
    void nzbgetSignsInToItsJsonRpcWithBasicAuth() throws Exception {
        Path program = ExternalTool.require("nzbget", "apt-get install nzbget");
        int port = freePort();
        Path conf = dir.resolve("nzbget.conf");
        Files.writeString(conf, "MainDir=" + dir + "\nControlIP=127.0.0.1\nControlPort=" + port + "\nControlUsername=" + USER
                + "\nControlPassword=" + PASSWORD + "\nWebDir=\nLogFile=" + dir.resolve("nzbget.log") + "\nOutputMode=log\n");
        start(port, program.toString(), "-s", "-c", conf.toString());
        DownloadClientSpec spec = catalogs("nzbget");

        assertEquals(Link.Status.OK, check(spec, "NZBGet", port, PASSWORD, "").status());
        assertNeedsAttention(check(spec, "NZBGet", port, WRONG, ""), "NZBGet answered 401 Unauthorized to user berth");
    }

    @Test
    void sabnzbdChecksTheApiKeyWithAFullAccessCall() throws Exception {
        String key = "0123456789abcdef0123456789abcdef";
        try (FakeSabnzbd sab = FakeSabnzbd.start(key, Set.of("sabnzbd"))) {
            DownloadClientSpec spec = Catalog.builtIn().get("sabnzbd").downloadClient();
            Link ok = signIns.check(spec, "SABnzbd", URI.create("http://127.0.0.1:" + sab.port()), "", "", key, () -> false);
            assertEquals(Link.Status.OK, ok.status(), ok::toString);
            String wrong = "fedcba9876543210fedcba9876543210";
            Link refused = signIns.check(spec, "SABnzbd", URI.create("http://127.0.0.1:" + sab.port()), "", "", wrong, () -> false);
            assertNeedsAttention(refused, "SABnzbd answered 403 Forbidden “API Key Incorrect”", "Config → General");
            assertFalse(refused.detail().contains(wrong) || refused.detail().contains(key), refused.detail());
            assertEquals(List.of(new FakeSabnzbd.Exchange("get_config", 200), new FakeSabnzbd.Exchange("get_config", 403)),
                    sab.exchanges());
            assertEquals(List.of(), sab.refused());
        }
    }

    @Test
    void theSabnzbdDoubleRefusesWhatSabnzbdWouldAndWhatNoClientShouldAsk() throws Exception {
        String key = "0123456789abcdef0123456789abcdef";
        try (FakeSabnzbd sab = FakeSabnzbd.start(key, Set.of("sabnzbd"))) {
            String base = "http://127.0.0.1:" + sab.port() + "/api?";
            assertEquals("403 API Key Required", get(base + "mode=get_cats&output=json", null));
            assertEquals("200 {\"version\":\"4.5.5\"}", get(base + "mode=version&output=json", null));
            assertEquals("403 Access denied - Hostname verification failed: https://sabnzbd.org/hostname-check",
                    get(base + "mode=get_cats&output=json&apikey=" + key, "media.example.com"));
            assertTrue(get(base + "mode=get_cats&output=json&apikey=" + key, "sabnzbd:8080").startsWith("200 {\"categories\":[\"*\","));
            assertTrue(get(base + "mode=get_cats&output=xml&apikey=" + key, null).startsWith("400 "));
            assertTrue(get(base + "mode=get_categories&output=json&apikey=" + key, null).startsWith("400 "));
            assertEquals(2, sab.refused().size(), sab.refused()::toString);
        }
    }

    @Test
    void cancellingStopsTheSignIn() {
        DownloadClientSpec spec = Catalog.builtIn().get("qbittorrent").downloadClient();
        assertThrows(CancellationException.class, () -> signIns.check(spec, "qBittorrent",
                URI.create("http://127.0.0.1:" + freePort() + "/"), USER, PASSWORD, "", () -> true));
    }

    /** Status and body of a plain GET, with the Host header a client behind that name would send. */
    private static String get(String url, String host) throws Exception {
        // A raw request: java.net.http will not send a Host header of the caller's choosing.
        URI u = URI.create(url);
        try (Socket s = new Socket(u.getHost(), u.getPort())) {
            String request = "GET " + u.getRawPath() + "?" + u.getRawQuery() + " HTTP/1.1\r\nHost: "
                    + (host == null ? u.getHost() + ":" + u.getPort() : host) + "\r\nConnection: close\r\n\r\n";
            s.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            String answer = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String status = answer.substring(answer.indexOf(' ') + 1, answer.indexOf(' ') + 4);
            return status + " " + answer.substring(answer.indexOf("\r\n\r\n") + 4);
        }
    }

    /** Starts a daemon and waits until its web port accepts connections; a daemon that ends first fails the test with its output. */
    private void start(int port, String... argv) throws IOException, InterruptedException {
        Path log = dir.resolve("daemon.log");
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        p.getOutputStream().close();
        started.add(p);
        while (!accepts(port)) {
            if (p.waitFor(100, TimeUnit.MILLISECONDS)) {
                fail(argv[0] + " ended (exit " + p.exitValue() + ") before it listened on " + port + ":\n" + Files.readString(log));
            }
        }
    }

    private static boolean accepts(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** A plain TCP forwarding from a port of its own to {@code port}, as an SSH tunnel's local end is. */
    private record Forward(ServerSocket server) implements AutoCloseable {
        static Forward to(int port) throws IOException {
            ServerSocket server = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
            Thread.ofVirtual().start(() -> {
                while (!server.isClosed()) {
                    try {
                        Socket in = server.accept();
                        Socket out = new Socket("127.0.0.1", port);
                        Thread.ofVirtual().start(() -> pipe(in, out));
                        Thread.ofVirtual().start(() -> pipe(out, in));
                    } catch (IOException closed) {
                        return;
                    }
                }
            });
            return new Forward(server);
        }

        private static void pipe(Socket from, Socket to) {
            try (from; to) {
                from.getInputStream().transferTo(to.getOutputStream());
            } catch (IOException ended) {
                // one side closed: the other goes with it
            }
        }

        int port() {
            return server.getLocalPort();
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
