package dev.berth.app.gui;

import dev.berth.answers.AnswersValidator;
import dev.berth.catalog.Catalog;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Loads the catalog and builds the validator on a thread of their own, started as the wizard is
 * launched: both take a few hundred milliseconds on a fresh JVM (Jackson and SnakeYAML reading the
 * service files, Hibernate Validator's set-up), and the first page needs neither, while the pages
 * after it use them as the person types. A page that asks before they are ready waits for them
 * ({@link Catalog#builtIn()} is loaded once, whoever asks first).
 */
final class Preload {
    private static final AtomicBoolean STARTED = new AtomicBoolean();

    private Preload() {
    }

    /** Starts the loading once; later calls (the app launches, then opens its window) do nothing. */
    static void start() {
        if (!STARTED.compareAndSet(false, true)) {
            return;
        }
        Thread.ofPlatform().daemon().name("berth-preload").priority(Thread.MIN_PRIORITY).start(() -> {
            Catalog.builtIn();
            AnswersValidator.prepare();
        });
    }
}
