package dev.berth.engine.npm;

import dev.berth.engine.target.Target;
import dev.berth.engine.target.TargetException;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Brings Nginx Proxy Manager's proxy hosts to a list, signed in as Berth's admin, and remembers
 * every change it made so that {@link #undo} can take exactly those back. The deploy's proxy-host
 * step is a thin job around this; the NPM knowledge (sessions, the sync, the change log) stays in
 * this package.
 */
public final class ProxyHostChanges {
    private final NpmAdmin admin;
    private final ChangeLog changes = new ChangeLog();

    public ProxyHostChanges(NpmAdmin admin) {
        this.admin = admin;
    }

    /** Creates, updates and removes Berth's hosts until NPM holds {@code hosts}; the person's hosts are left alone. */
    public ProxyHostsResult apply(Target target, List<DesiredProxyHost> hosts, Duration signInWait, BooleanSupplier cancelled)
            throws TargetException, NpmException, InterruptedException {
        try (NpmSession session = NpmSession.open(target, admin, signInWait, cancelled)) {
            return new ProxyHostSync(session.client(), changes, cancelled).apply(hosts);
        }
    }

    /** Deletes what {@link #apply} created and puts back what it changed or removed; reaches NPM only when there is something to put back. */
    public void undo(Target target, Duration signInWait) throws TargetException, NpmException, InterruptedException {
        if (changes.isEmpty()) {
            return; // nothing was changed in NPM: no need to reach it
        }
        try (NpmSession session = NpmSession.open(target, admin, signInWait, () -> false)) {
            List<String> failures = changes.undo(session.client());
            if (!failures.isEmpty()) {
                throw new NpmException(NpmException.NO_ANSWER, "Could not put back " + failures.size()
                        + " proxy host change(s) in Nginx Proxy Manager; check its Proxy Hosts page: "
                        + String.join("; ", failures));
            }
        }
    }
}
