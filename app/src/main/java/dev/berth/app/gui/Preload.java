package dev.berth.app.gui;

import dev.berth.answers.AnswersValidator;
import dev.berth.catalog.Catalog;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Loads the catalog and builds the validator on a thread of their own once the first page is
 * drawn: both take a few hundred milliseconds on a fresh JVM (Jackson and SnakeYAML reading the
 * service files, Hibernate Validator's set-up), the first page needs neither, and the pages after
 * it use them as the person types. A page that asks before they are ready waits for the same load
 * ({@link Catalog#builtIn()} is loaded once, whoever asks first). Not at launch: beside the
 * toolkit's start and the first page it made the first page later on 2 busy cores (767-826 ms
 * against 701 ms, ./bench wizard).
 */
final class Preload {
    private static final AtomicBoolean STARTED = new AtomicBoolean();

    private Preload() {
    }

    /** Starts the loading once; a JVM that opens the wizard again (tests, the tour in tools/) loads nothing twice. */
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
