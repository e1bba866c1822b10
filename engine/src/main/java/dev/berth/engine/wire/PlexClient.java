package dev.berth.engine.wire;

import dev.berth.catalog.ServerLibrarySpec;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The calls of Plex Media Server's local API that setting up its libraries needs, made as
 * python-plexapi 4.18.1 makes them ({@code plexapi/server.py}: the token as {@code X-Plex-Token};
 * {@code plexapi/library.py}: {@code Library.add}, {@code LibrarySection._loadData}): list the
 * libraries ({@code GET /library/sections}, XML) and add one ({@code POST /library/sections} with
 * its settings in the query). Counts its write requests. Messages name the call and Plex's own
 * words, never the token.
 */
final class PlexClient implements AutoCloseable {
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    /** One library as Plex lists it: its id, name, kind and folders. */
    record Section(String key, String title, String type, List<String> locations) {
        Section {
            locations = List.copyOf(locations);
        }
    }

    private final URI base;
    private final String token;
    private final String where;
    private final HttpClient http;
    private final AtomicInteger writes = new AtomicInteger();

    /**
     * @param base  where Berth reaches Plex ({@code http://127.0.0.1:<tunnel port>})
     * @param token the {@code PlexOnlineToken} from Plex's Preferences.xml
     * @param where Plex for messages: "Plex on nas.local"
     */
    PlexClient(URI base, String token, String where) {
        this.base = URI.create(base.toString().replaceAll("/+$", "") + "/");
        this.token = token;
        this.where = where;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
    }

    int writes() {
        return writes.get();
    }

    /** {@code GET /library/sections}: every library, whoever made it. */
    List<Section> sections() throws PlexException, InterruptedException {
        String what = "list its libraries";
        HttpResponse<byte[]> r = send(request("library/sections").GET().build(), what);
        try {
            NodeList directories = PlexXml.parse(r.body()).getDocumentElement().getElementsByTagName("Directory");
            List<Section> out = new ArrayList<>();
            for (int i = 0; i < directories.getLength(); i++) {
                Element d = (Element) directories.item(i);
                NodeList found = d.getElementsByTagName("Location");
                List<String> paths = new ArrayList<>();
                for (int j = 0; j < found.getLength(); j++) {
                    paths.add(((Element) found.item(j)).getAttribute("path"));
                }
                out.add(new Section(d.getAttribute("key"), d.getAttribute("title"), d.getAttribute("type"), paths));
            }
            return out;
        } catch (IOException e) {
            throw new PlexException(r.statusCode(), where + " answered something Berth cannot read when asked to " + what
                    + " (" + e.getMessage() + ")", e);
        }
    }

    /**
     * {@code POST /library/sections?name=&type=&agent=&scanner=&language=&location=}: a library on
     * one folder inside Plex's container.
     *
     * @param language Plex's language code for titles and descriptions ({@code en-US})
     */
    void addSection(ServerLibrarySpec library, String language, String location) throws PlexException, InterruptedException {
        StringBuilder query = new StringBuilder("library/sections?name=").append(encode(library.name()))
                .append("&type=").append(encode(library.type()));
        if (library.agent() != null) {
            query.append("&agent=").append(encode(library.agent()));
        }
        if (library.scanner() != null) {
            query.append("&scanner=").append(encode(library.scanner()));
        }
        query.append("&language=").append(encode(language)).append("&location=").append(encode(location));
        writes.incrementAndGet(); // counted when sent: a refused write still reached Plex
        send(request(query.toString()).POST(HttpRequest.BodyPublishers.noBody()).build(),
                "add the library " + library.name() + " on " + location);
    }

    private HttpRequest.Builder request(String pathAndQuery) {
        return HttpRequest.newBuilder(base.resolve(pathAndQuery)).timeout(REQUEST_TIMEOUT)
                .header("Accept", "application/xml")
                .header("X-Plex-Product", "Berth")
                .header("X-Plex-Client-Identifier", "berth")
                .header("X-Plex-Token", token);
    }

    private HttpResponse<byte[]> send(HttpRequest request, String what) throws PlexException, InterruptedException {
        if (Thread.currentThread().isInterrupted()) {
            throw new InterruptedException("cancelled before " + where + " was asked to " + what);
        }
        HttpResponse<byte[]> r;
        try {
            r = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new PlexException(PlexException.NO_ANSWER, "No answer from " + where + " when asked to " + what + " ("
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + ")", e);
        }
        if (r.statusCode() / 100 == 2) {
            return r;
        }
        if (r.statusCode() == 401) {
            throw new PlexException(401, where + " did not accept the token in its Preferences.xml when asked to " + what
                    + " (was it unlinked from its Plex account?): sign in on Plex's own page with your Plex account", null);
        }
        // Plex answers errors as a small HTML page: its words are the body's, not the title's.
        String said = new String(r.body(), StandardCharsets.UTF_8).replaceAll("(?is)<head>.*?</head>", " ").replaceAll("<[^>]*>", " ").replaceAll("\\s+", " ").strip();
        if (said.length() > 300) {
            said = said.substring(0, 300) + "…";
        }
        throw new PlexException(r.statusCode(), where + " did not " + what + ": HTTP " + r.statusCode()
                + (said.isEmpty() ? "" : " (" + said + ")"), null);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        http.close();
    }
}
