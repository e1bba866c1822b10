package dev.berth.engine.wire;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * PLACEHOLDER for h3's AppSync (issue 12): the shape the wiring job is written against, replaced
 * by h3's class at merge. {@link #apply} brings one app to its {@link AppWiring} and proves each
 * link with the app's test endpoints; {@link #test} only runs those tests (no writes), for
 * {@code berth status}. This stand-in checks that the app answers, and otherwise does nothing.
 */
public final class AppSync {
    private final ArrClient client;

    /** What applying one app did: the links it proved, the write requests it sent, the app's new memory entries. */
    public record Result(List<Link> links, int writes, Map<String, String> memory) {
        public Result {
            links = List.copyOf(links);
            memory = Map.copyOf(memory);
        }
    }

    public AppSync(ArrClient client, Map<String, String> memoryEntries) {
        this.client = client;
    }

    public Result apply(AppWiring wiring, BooleanSupplier cancelled) throws IOException, InterruptedException {
        client.status();
        throw new UnsupportedOperationException("AppSync arrives with h3's branch");
    }

    public List<Link> test(AppWiring wiring, BooleanSupplier cancelled) throws IOException, InterruptedException {
        client.status();
        throw new UnsupportedOperationException("AppSync arrives with h3's branch");
    }
}
