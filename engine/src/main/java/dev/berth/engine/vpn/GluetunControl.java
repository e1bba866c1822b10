package dev.berth.engine.vpn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.engine.target.LoopbackTunnel;
import dev.berth.engine.target.Target;
import dev.berth.engine.target.TargetException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

/**
 * Gluetun's control server, asked through the target at Gluetun's container address (it publishes no
 * port): over SSH a forwarding opened by the server, so only the server need reach the container.
 * Every route needs a role since Gluetun v3.39.1; Berth's role's key goes as {@code X-API-Key}.
 */
final class GluetunControl implements AutoCloseable {
    static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final LoopbackTunnel tunnel;
    private final String apiKey;
    private final String where;
    private final HttpClient http;

    private GluetunControl(LoopbackTunnel tunnel, String apiKey, String where) {
        this.tunnel = tunnel;
        this.apiKey = apiKey;
        this.where = where;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Opens the way to {@code address:port} on the target (Gluetun's container on the stack's network). */
    static GluetunControl open(Target target, String address, int port, String apiKey) throws TargetException {
        return new GluetunControl(target.openTunnel(address, port), apiKey, address + ":" + port + " on " + target.description());
    }

    /** What the control server answered to one route. */
    sealed interface Answer {
        /** 200 with a JSON body. */
        record Ok(JsonNode body) implements Answer {
        }

        /** Anything else, or nothing: why, and what to check. */
        record Failed(String why) implements Answer {
        }
    }

    /** {@code GET /v1/publicip/ip} → {@code public_ip}. */
    Answer publicIp() {
        return get("/v1/publicip/ip");
    }

    /** {@code GET /v1/portforward} → {@code port} (0: none yet). */
    Answer forwardedPort() {
        return get("/v1/portforward");
    }

    private Answer get(String route) {
        URI uri = URI.create("http://" + tunnel.localAddress().getHostString() + ":" + tunnel.localAddress().getPort() + route);
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(TIMEOUT).header("X-API-Key", apiKey).GET().build();
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 401 || r.statusCode() == 403) {
                return new Answer.Failed("Gluetun's control server refused GET " + route + " (" + r.statusCode() + ") with Berth's"
                        + " key: its auth file (auth/config.toml in Gluetun's config folder) does not give that route to the key in"
                        + " secrets/. Deploy again to write the file, then restart Gluetun");
            }
            if (r.statusCode() != 200) {
                return new Answer.Failed("Gluetun's control server answered " + r.statusCode() + " to GET " + route);
            }
            return new Answer.Ok(JSON.readTree(r.body()));
        } catch (HttpTimeoutException e) {
            return new Answer.Failed("no answer from Gluetun's control server at " + where + " within " + TIMEOUT.toSeconds()
                    + " s: is Gluetun up? See its log");
        } catch (ConnectException e) {
            return new Answer.Failed("Gluetun's control server at " + where + " refused the connection: is Gluetun up, and its"
                    + " control server on (HTTP_CONTROL_SERVER_ADDRESS)? See its log");
        } catch (IOException e) {
            return new Answer.Failed("Gluetun's control server at " + where + " could not be asked (" + e.getMessage() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer.Failed("asking Gluetun's control server was interrupted");
        }
    }

    @Override
    public void close() {
        tunnel.close();
        http.close();
    }
}
