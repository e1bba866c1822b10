package dev.berth.app.gui;

import dev.berth.answers.AnswersValidator;
import dev.berth.catalog.Catalog;

/**
 * Loads the catalog and builds the validator while the person reads the first page: both take a
 * few hundred milliseconds on a fresh JVM, and the pages after Welcome use them as the person
 * types. Started once the first page is shown.
 */
final class Preload {
    private Preload() {
    }

    static void start() {
        Thread.ofPlatform().daemon().name("berth-preload").priority(Thread.MIN_PRIORITY).start(() -> {
            Catalog.builtIn();
            AnswersValidator.prepare();
        });
    }
}
