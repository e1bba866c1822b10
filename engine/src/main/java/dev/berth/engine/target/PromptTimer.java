package dev.berth.engine.target;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Time the person spends answering prompts (host key, passphrase, password) does not count
 * against the login timeout: a timeout is about a silent server, not a person reading a
 * fingerprint. The login wait asks this how much to add.
 */
final class PromptTimer {
    private final AtomicLong spentNanos = new AtomicLong();
    private final AtomicInteger open = new AtomicInteger();

    <T> T time(Supplier<T> prompt) {
        long start = System.nanoTime();
        open.incrementAndGet();
        try {
            return prompt.get();
        } finally {
            open.decrementAndGet();
            spentNanos.addAndGet(System.nanoTime() - start);
        }
    }

    boolean prompting() {
        return open.get() > 0;
    }

    long spentNanos() {
        return spentNanos.get();
    }
}
