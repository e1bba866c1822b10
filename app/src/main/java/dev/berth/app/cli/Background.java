package dev.berth.app.cli;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** Start-up work on threads of its own, and waiting for it with its failure rethrown as it was thrown. */
final class Background {
    private Background() {
    }

    /**
     * Runs on a new daemon thread. Not the common pool: on a 2-core machine it has one thread,
     * which would run the start-up tasks one after the other.
     */
    static <T> CompletableFuture<T> start(java.util.function.Supplier<T> work) {
        CompletableFuture<T> f = new CompletableFuture<>();
        Thread.ofPlatform().daemon().name("berth-startup").start(() -> {
            try {
                f.complete(work.get());
            } catch (RuntimeException | Error e) {
                f.completeExceptionally(e);
            }
        });
        return f;
    }

    static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }
}
