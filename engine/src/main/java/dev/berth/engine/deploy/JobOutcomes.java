package dev.berth.engine.deploy;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the jobs of one deploy found out, for whoever reads the deploy's end: the health report,
 * the report taken when {@code compose up} failed, the backup folder, the proxy hosts set up. A job
 * records its result under a {@link Key} it declares, with the value's type, and the reader gets it
 * back with that type: nobody has to know the job, look for it in the list, or cast it.
 *
 * <p>One per run ({@link StackDeployer#deploy} makes it), so a result never outlives its deploy.
 * Jobs may record from any thread.
 */
public final class JobOutcomes {
    /**
     * The name and type of one kind of result. Keys are compared by identity: each job declares its
     * own as a constant.
     */
    public static final class Key<T> {
        private final String name;
        private final Class<T> type;

        private Key(String name, Class<T> type) {
            this.name = Objects.requireNonNull(name);
            this.type = Objects.requireNonNull(type);
        }

        public static <T> Key<T> of(String name, Class<T> type) {
            return new Key<>(name, type);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private final Map<Key<?>, Object> values = new ConcurrentHashMap<>();

    /** Keeps {@code value} under {@code key}, replacing what an earlier attempt of the same job recorded. */
    public <T> void record(Key<T> key, T value) {
        values.put(key, key.type.cast(Objects.requireNonNull(value, key.name)));
    }

    /** What was recorded under {@code key}; empty when its job did not run or had nothing to tell. */
    public <T> Optional<T> get(Key<T> key) {
        return Optional.ofNullable(values.get(key)).map(key.type::cast);
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
