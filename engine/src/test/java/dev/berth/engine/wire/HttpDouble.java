package dev.berth.engine.wire;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * The plumbing of an app's test double ({@link FakeSeerr}, {@link FakeBazarr}): a server on a free
 * loopback port, one request at a time (the double's state is plain fields), and the query and
 * form parsing the apps' own frameworks do.
 */
abstract class HttpDouble implements AutoCloseable {
    private final HttpServer server;

    protected HttpDouble() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    }

    /** Starts answering; call once the subclass is built. */
    protected final void start() {
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Answers one request; runs while holding the double's lock. */
    protected abstract void answer(HttpExchange ex) throws IOException;

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            synchronized (this) {
                answer(ex);
            }
        }
    }

    protected static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(status, body.length);
        ex.getResponseBody().write(body);
    }

    /** {@code a=1&b=2&b=3} in order, decoded; a repeated name stays repeated (a form's list). */
    protected static List<Map.Entry<String, String>> pairs(String raw) {
        List<Map.Entry<String, String>> out = new ArrayList<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            out.add(Map.entry(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                    eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8)));
        }
        return out;
    }

    /** The query by name (the last value of a repeated one). */
    protected static Map<String, String> query(String raw) {
        Map<String, String> q = new LinkedHashMap<>();
        pairs(raw).forEach(e -> q.put(e.getKey(), e.getValue()));
        return q;
    }
}
