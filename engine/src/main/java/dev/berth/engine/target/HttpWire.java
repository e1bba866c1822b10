package dev.berth.engine.target;

import com.github.dockerjava.transport.DockerHttpClient;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Writes one HTTP/1.1 request and reads the response head, over any pair of streams. */
final class HttpWire {
    /** Headers this class sets itself; a caller's copies are dropped to keep the framing consistent. */
    private static final Set<String> FRAMING = Set.of("host", "content-length", "transfer-encoding", "connection");
    private static final int MAX_LINE = 64 * 1024;

    record Head(int status, Map<String, List<String>> headers) {
        String header(String name) {
            for (var e : headers.entrySet()) {
                if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
                    return e.getValue().getFirst();
                }
            }
            return null;
        }
    }

    private HttpWire() {
    }

    /**
     * "Connection: close" makes the engine end the connection after the answer, so dial-stdio
     * exits and the channel closes by itself; a body without a length then ends there too.
     */
    static void writeRequest(OutputStream out, DockerHttpClient.Request request) throws IOException {
        validate(request);
        StringBuilder head = new StringBuilder(256);
        head.append(request.method()).append(' ').append(request.path()).append(" HTTP/1.1\r\n");
        head.append("Host: docker\r\nConnection: close\r\n");
        request.headers().forEach((k, v) -> {
            if (!FRAMING.contains(k.toLowerCase(Locale.ROOT))) {
                head.append(k).append(": ").append(v).append("\r\n");
            }
        });
        byte[] bytes = request.bodyBytes();
        InputStream stream = bytes == null ? request.body() : null;
        if (bytes != null) {
            head.append("Content-Length: ").append(bytes.length).append("\r\n");
        } else if (stream != null) {
            head.append("Transfer-Encoding: chunked\r\n"); // length unknown (e.g. a build context tar)
        } else if (!request.method().equals("GET") && !request.method().equals("HEAD")) {
            head.append("Content-Length: 0\r\n");
        }
        out.write(head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
        if (bytes != null) {
            out.write(bytes);
        } else if (stream != null) {
            byte[] buf = new byte[32 * 1024];
            for (int n; (n = stream.read(buf)) >= 0; ) {
                if (n > 0) {
                    out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                    out.write(buf, 0, n);
                    out.write('\r');
                    out.write('\n');
                }
            }
            out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        }
        out.flush();
    }

    /** A line break in the path or a header would let a value start a request of its own. */
    static void validate(DockerHttpClient.Request request) {
        checkNoLineBreak(request.path());
        request.headers().forEach((k, v) -> {
            checkNoLineBreak(k);
            checkNoLineBreak(v);
        });
    }

    private static void checkNoLineBreak(String s) {
        if (s.indexOf('\r') >= 0 || s.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("line break in an HTTP request head: " + s.replace("\r", "\\r").replace("\n", "\\n"));
        }
    }

    /** The status line and headers; the stream is then at the start of the body. */
    static Head readHead(InputStream in) throws IOException {
        String status = readLine(in);
        if (status == null) {
            throw new EOFException("no answer");
        }
        if (!status.startsWith("HTTP/1.") || status.length() < 12) {
            throw new IOException("not an HTTP answer: " + status);
        }
        int code = Integer.parseInt(status.substring(9, 12));
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String line; (line = readLine(in)) != null && !line.isEmpty(); ) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.computeIfAbsent(line.substring(0, colon).trim(), k -> new ArrayList<>()).add(line.substring(colon + 1).trim());
            }
        }
        return new Head(code, headers);
    }

    /** The body as the head describes it: no body, chunked, a fixed length, or until the connection closes. */
    static InputStream body(InputStream in, Head head, String method) {
        if (method.equals("HEAD") || head.status() == 204 || head.status() == 304 || head.status() / 100 == 1) {
            return InputStream.nullInputStream();
        }
        String te = head.header("Transfer-Encoding");
        if (te != null && te.toLowerCase(Locale.ROOT).contains("chunked")) {
            return HttpBodies.chunked(in);
        }
        String length = head.header("Content-Length");
        return length != null ? HttpBodies.fixed(in, Long.parseLong(length.trim())) : in;
    }

    /** One line without its CRLF (or bare LF), or null at end of stream before any byte. */
    static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(64);
        for (int c; (c = in.read()) >= 0; ) {
            if (c == '\n') {
                byte[] b = line.toByteArray();
                int len = b.length > 0 && b[b.length - 1] == '\r' ? b.length - 1 : b.length;
                return new String(b, 0, len, StandardCharsets.ISO_8859_1);
            }
            if (line.size() >= MAX_LINE) {
                throw new IOException("an HTTP line from the Docker engine is longer than " + MAX_LINE + " bytes");
            }
            line.write(c);
        }
        if (line.size() == 0) {
            return null;
        }
        throw new EOFException("the Docker engine's answer ended in the middle of a line");
    }
}
