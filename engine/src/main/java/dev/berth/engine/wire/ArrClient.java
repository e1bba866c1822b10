package dev.berth.engine.wire;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * PLACEHOLDER for h3's ArrClient (issue 12), with only the constructor the wiring job is written
 * against; at merge it is replaced by h3's class as a whole. It reads the app's status, so a job
 * pointed at an address nothing answers on fails the way the real client does.
 */
public final class ArrClient implements AutoCloseable {
    private final URI base;
    private final String apiPath;
    private final String apiKey;
    private final String where;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /**
     * @param base    {@code http://host:port} as this computer reaches the app (through the target's tunnel)
     * @param apiPath the catalog's {@code api.path}
     * @param apiKey  sent as {@code X-Api-Key}; never logged
     * @param where   for messages: the app and the machine
     */
    public ArrClient(URI base, String apiPath, String apiKey, String where) {
        this.base = base;
        this.apiPath = apiPath;
        this.apiKey = apiKey;
        this.where = where;
    }

    /** {@code GET <api>/system/status}: the app answers with its key accepted. */
    void status() throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(apiPath + "/system/status"))
                .header("X-Api-Key", apiKey).timeout(Duration.ofSeconds(30)).build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IOException("no answer from " + where + " (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")", e);
        }
        if (response.statusCode() != 200) {
            throw new IOException(where + " answered HTTP " + response.statusCode());
        }
    }

    @Override
    public void close() {
        http.close();
    }
}
