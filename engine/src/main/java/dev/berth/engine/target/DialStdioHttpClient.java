package dev.berth.engine.target;

import com.github.dockerjava.transport.DockerHttpClient;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.sshd.client.channel.ClientChannel;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.common.channel.ChannelPipedInputStream;

/**
 * docker-java's HTTP carried over SSH the way the docker CLI does for {@code ssh://} hosts: each
 * request opens an exec channel running {@code docker system dial-stdio} on the server, which
 * connects its stdin/stdout to the engine's socket; the request and response are plain HTTP/1.1
 * on that pipe. One channel per request keeps responses independent (a long event stream does not
 * hold up a version call). Only ordinary requests are carried: hijacked (upgraded) connections,
 * used to type into a container's stdin, are not needed by Berth and are refused.
 */
final class DialStdioHttpClient implements DockerHttpClient {
    static final String COMMAND = "docker system dial-stdio";
    /** How long the engine may take to start answering; the body itself may stream for ever. */
    private static final Duration HEAD_TIMEOUT = Duration.ofSeconds(60);

    private final SshTarget target;
    private final Set<ClientChannel> open = ConcurrentHashMap.newKeySet();

    DialStdioHttpClient(SshTarget target) {
        this.target = target;
    }

    @Override
    public Response execute(Request request) {
        if (request.hijackedInput() != null) {
            throw new UnsupportedOperationException("Attaching to a container's input is not supported over SSH");
        }
        HttpWire.validate(request); // before a channel is opened for it
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        ClientChannel channel;
        try {
            channel = target.openChannel(COMMAND, null, stderr);
        } catch (TargetException e) {
            throw new UncheckedIOException(new IOException(e.getMessage(), e));
        }
        open.add(channel);
        channel.addCloseFutureListener(f -> open.remove(channel));
        try {
            OutputStream out = new BufferedOutputStream(channel.getInvertedIn(), 16 * 1024);
            HttpWire.writeRequest(out, request);
            InputStream raw = channel.getInvertedOut();
            ((ChannelPipedInputStream) raw).setTimeout(HEAD_TIMEOUT.toMillis());
            InputStream in = new BufferedInputStream(raw, 16 * 1024);
            HttpWire.Head head = HttpWire.readHead(in);
            ((ChannelPipedInputStream) raw).setTimeout(0);
            return new ChannelResponse(channel, head, HttpWire.body(in, head, request.method()));
        } catch (IOException | RuntimeException e) {
            // Let dial-stdio finish writing why it failed (e.g. "permission denied") before closing.
            channel.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), Duration.ofSeconds(2));
            finish(channel);
            String why = stderr.toString(StandardCharsets.UTF_8).trim();
            throw new UncheckedIOException(new IOException(COMMAND + " on " + target.description() + " failed: "
                    + (why.isEmpty() ? String.valueOf(e.getMessage()) : why), e));
        }
    }

    @Override
    public void close() {
        open.forEach(DialStdioHttpClient::finish);
    }

    /**
     * Ends dial-stdio on the server. Closing the channel alone is not enough: OpenSSH keeps the
     * program (and, for an event stream, the engine's side) running. End of input makes dial-stdio
     * half-close the engine's socket, the engine ends its answer, and dial-stdio exits.
     */
    static void finish(ClientChannel channel) {
        try {
            channel.getInvertedIn().close(); // sends EOF
        } catch (IOException ignored) {
            // Already closed or the connection is gone: nothing left to end.
        }
        channel.close(false);
    }

    /** Closing the response (or its body) ends the channel and dial-stdio on the server. */
    private static final class ChannelResponse implements Response {
        private final ClientChannel channel;
        private final HttpWire.Head head;
        private final InputStream body;

        ChannelResponse(ClientChannel channel, HttpWire.Head head, InputStream body) {
            this.channel = channel;
            this.head = head;
            this.body = new FilterInputStream(body) {
                @Override
                public void close() {
                    ChannelResponse.this.close();
                }
            };
        }

        @Override
        public int getStatusCode() {
            return head.status();
        }

        @Override
        public Map<String, List<String>> getHeaders() {
            return head.headers();
        }

        @Override
        public InputStream getBody() {
            return body;
        }

        @Override
        public void close() {
            finish(channel);
        }
    }
}
