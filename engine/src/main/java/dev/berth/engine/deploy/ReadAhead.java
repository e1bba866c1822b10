package dev.berth.engine.deploy;

import dev.berth.engine.target.TargetException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * A read the preview starts on a thread of its own and takes when it needs it, so that waiting on
 * one process or one CPU-bound check (Compose's version; the PBKDF2 check of qBittorrent's stored
 * password) overlaps the preview's other reads. A thread of its own rather than the common pool:
 * on 2 cores that pool has a single thread, which may be busy.
 */
final class ReadAhead<T> {
    /** The read itself. */
    interface Read<T> {
        T read() throws TargetException;
    }

    private final CompletableFuture<T> result = new CompletableFuture<>();

    private ReadAhead() {
    }

    static <T> ReadAhead<T> start(String name, Read<T> read) {
        ReadAhead<T> ahead = new ReadAhead<>();
        Thread.ofPlatform().daemon().name(name).start(() -> {
            try {
                ahead.result.complete(read.read());
            } catch (TargetException | RuntimeException | Error e) {
                ahead.result.completeExceptionally(e);
            }
        });
        return ahead;
    }

    /** Waits for the read; its failure is thrown as the read threw it. */
    T get() throws TargetException {
        try {
            return result.join();
        } catch (CompletionException e) {
            switch (e.getCause()) {
                case TargetException t -> throw t;
                case RuntimeException r -> throw r;
                case Error err -> throw err;
                default -> throw e;
            }
        }
    }

    /**
     * Waits for the read and drops its outcome: when the preview fails first, nothing is left
     * running against a target its caller may close next, and the preview's own failure is the one reported.
     */
    void settle() {
        result.exceptionally(ignored -> null).join();
    }
}
