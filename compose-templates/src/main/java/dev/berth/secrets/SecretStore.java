package dev.berth.secrets;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The stack's secrets by name (file name under {@code secrets/}). Planning reads the previous
 * store and keeps every value it finds there, so a re-run changes no password or key; only the
 * secrets that are missing are generated.
 */
public final class SecretStore {
    private final SortedMap<String, String> previous;
    private final SortedMap<String, String> used = new TreeMap<>();

    public SecretStore(Map<String, String> previous) {
        this.previous = Collections.unmodifiableSortedMap(new TreeMap<>(previous));
    }

    public static SecretStore empty() {
        return new SecretStore(Map.of());
    }

    /** The previous value of a secret, or a new one; either way it becomes part of the stack. */
    public String keepOrCreate(String name, Supplier<String> generator) {
        String value = used.get(name);
        if (value == null) {
            value = previous.get(name);
            if (value == null) {
                value = generator.get();
            }
            used.put(name, value);
        }
        return value;
    }

    /** A secret the person typed wins over the previous value. */
    public String use(String name, String typed, Supplier<String> generator) {
        if (typed != null) {
            used.put(name, typed);
            return typed;
        }
        return keepOrCreate(name, generator);
    }

    /** A secret the person must have given at some point, or null if they never did. */
    public String typedOrPrevious(String name, String typed) {
        String value = typed != null ? typed : previous.get(name);
        if (value != null) {
            used.put(name, value);
        }
        return value;
    }

    public String previous(String name) {
        return previous.get(name);
    }

    /** Every secret the plan uses, by name, sorted. */
    public SortedMap<String, String> used() {
        return Collections.unmodifiableSortedMap(new TreeMap<>(used));
    }
}
