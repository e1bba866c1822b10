package dev.berth.engine.health;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;

/** What a monitor published, with when it was published, for tests to wait on and inspect. */
final class Published implements Consumer<ServiceHealth> {
    record At(ServiceHealth health, Instant publishedAt) {
    }

    private final List<At> all = new ArrayList<>();

    @Override
    public synchronized void accept(ServiceHealth h) {
        all.add(new At(h, Instant.now()));
        notifyAll();
    }

    synchronized List<At> of(String service) {
        return all.stream().filter(a -> a.health().service().equals(service)).toList();
    }

    /** Waits for a publication that matches, and returns it. */
    synchronized At await(Duration timeout, String what, Predicate<ServiceHealth> match) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            for (At a : all) {
                if (match.test(a.health())) {
                    return a;
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                fail("not published within " + timeout + ": " + what + "; published: " + new ArrayList<>(all));
            }
            java.util.concurrent.TimeUnit.NANOSECONDS.timedWait(this, left);
        }
    }
}
