package dev.berth.engine.wire;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * One HTTP/1.1 POST (or GET) over a plain socket whose {@code Host} header names the host without a port.
 *
 * <p>Why not {@link java.net.http.HttpClient}: it always sends the port it connects to, and
 * qBittorrent's Web UI refuses (401) a Host header whose port is not the one it listens on
 * ({@code WebUI\HostHeaderValidation}, on by default). Berth often reaches it on another port: an
 * SSH tunnel's local end, or a published port mapped to another. Without a port, qBittorrent
 * checks the host against its own address and {@code WebUI\ServerDomains} ({@code *} unless the
 * person narrowed it), as it does for any client that reaches it on its default port.
 *
 * @param status  the answer's status code
 * @param headers the answer's header lines as sent ({@code Set-Cookie: SID=…})
 * @param body    the answer's body as text ({@code Connection: close}, so all that follows the headers)
 */
record PortlessPost(int status, java.util.List<String> headers, String body) {
    private static final int READ_SLICE_MILLIS = 100;
    private static final int MOST_BYTES = 1 << 20;

    /**
     * @throws IOException           when nothing answers (refused, unreachable, no answer within {@code timeout})
     * @throws CancellationException when {@code cancelled} says yes while waiting
     */
    static PortlessPost send(URI uri, String contentType, String body, Duration timeout, BooleanSupplier cancelled)
            throws IOException {
        return exchange("POST", uri, "Content-Type: " + contentType + "\r\n", body, timeout, cancelled);
    }

    /** A GET the same way, with one more header line ({@code Cookie: SID=…}) or none (""). */
    static PortlessPost get(URI uri, String header, Duration timeout, BooleanSupplier cancelled) throws IOException {
        return exchange("GET", uri, header.isEmpty() ? "" : header + "\r\n", "", timeout, cancelled);
    }

    private static PortlessPost exchange(String method, URI uri, String headerLines, String body, Duration timeout,
                                         BooleanSupplier cancelled) throws IOException {
        byte[] content = body.getBytes(StandardCharsets.UTF_8);
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String head = method + " " + path + " HTTP/1.1\r\nHost: " + uri.getHost() + "\r\n" + headerLines
                + "Content-Length: " + content.length + "\r\nConnection: close\r\n\r\n";
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort() < 0 ? 80 : uri.getPort()),
                    (int) Math.min(Integer.MAX_VALUE, timeout.toMillis()));
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().write(content);
            socket.getOutputStream().flush();
            // Short read slices, so a cancel is seen while the client thinks.
            socket.setSoTimeout(READ_SLICE_MILLIS);
            return parse(readAll(socket.getInputStream(), deadline, timeout, cancelled));
        }
    }

    private static byte[] readAll(InputStream in, long deadline, Duration timeout, BooleanSupplier cancelled) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        while (out.size() < MOST_BYTES) {
            try {
                int n = in.read(buf);
                if (n < 0) {
                    break;
                }
                out.write(buf, 0, n);
            } catch (SocketTimeoutException slice) {
                if (cancelled.getAsBoolean()) {
                    throw new CancellationException("stopped, as you asked");
                }
                if (System.nanoTime() > deadline) {
                    throw new SocketTimeoutException("no answer within " + timeout.toSeconds() + " s");
                }
            }
        }
        return out.toByteArray();
    }

    private static PortlessPost parse(byte[] raw) throws IOException {
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        String[] statusLine = (end < 0 ? text : text.substring(0, end)).split("\r\n", 2)[0].split(" ", 3);
        if (statusLine.length < 2 || !statusLine[0].startsWith("HTTP/") || !statusLine[1].matches("\\d{3}")) {
            throw new IOException("the answer is not HTTP");
        }
        String headers = end < 0 ? "" : text.substring(0, end).toLowerCase(Locale.ROOT);
        if (headers.contains("\r\ntransfer-encoding: chunked")) {
            // qBittorrent sends a Content-Length; a proxy in between might not.
            throw new IOException("the answer came in chunks, which Berth's sign-in check does not read");
        }
        String body = end < 0 ? "" : new String(raw, end + 4, raw.length - end - 4, StandardCharsets.UTF_8);
        java.util.List<String> lines = end < 0 ? java.util.List.of()
                : java.util.Arrays.stream(text.substring(0, end).split("\r\n")).skip(1).toList();
        return new PortlessPost(Integer.parseInt(statusLine[1]), lines, body);
    }
}
