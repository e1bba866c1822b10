package dev.berth.engine.npm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What Berth changed in NPM during one run, so undo can put it back: hosts it created are
 * deleted, hosts it changed get their earlier fields back, hosts it removed are made again.
 * A change is written down before its request is sent, because NPM may have stored it even
 * when the request then fails (e.g. nginx's config test after the database write).
 */
final class ChangeLog {
    private final List<Integer> created = new ArrayList<>();
    private final Map<Integer, ProxyHost> updated = new LinkedHashMap<>();
    private final List<ProxyHost> removed = new ArrayList<>();

    synchronized void created(int id) {
        if (!created.contains(id)) {
            created.add(id);
        }
    }

    /** Keeps the first state seen: that is the one from before this run. */
    synchronized void updating(ProxyHost before) {
        if (!created.contains(before.id())) {
            updated.putIfAbsent(before.id(), before);
        }
    }

    synchronized void removing(ProxyHost before) {
        removed.add(before);
    }

    synchronized boolean isEmpty() {
        return created.isEmpty() && updated.isEmpty() && removed.isEmpty();
    }

    /**
     * Puts back as much as it can, newest first; what was put back is forgotten, so a second
     * undo does not repeat it.
     *
     * @return one line per change that could not be put back
     */
    synchronized List<String> undo(NpmClient client) throws InterruptedException {
        List<String> failures = new ArrayList<>();
        for (Integer id : List.copyOf(created).reversed()) {
            try {
                client.delete(id);
                created.remove(id);
            } catch (NpmException e) {
                if (e.status() == 404) {
                    created.remove(id); // already gone: nothing to put back
                } else {
                    failures.add(e.getMessage());
                }
            }
        }
        for (ProxyHost before : List.copyOf(updated.values()).reversed()) {
            try {
                client.update(before.id(), before.asRequest());
                updated.remove(before.id());
            } catch (NpmException e) {
                failures.add(e.getMessage());
            }
        }
        for (ProxyHost before : List.copyOf(removed).reversed()) {
            try {
                client.create(before.asRequest());
                removed.remove(before);
            } catch (NpmException e) {
                failures.add(e.getMessage());
            }
        }
        return failures;
    }
}
