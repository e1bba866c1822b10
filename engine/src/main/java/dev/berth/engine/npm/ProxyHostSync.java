package dev.berth.engine.npm;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * Brings NPM's proxy hosts to the plan, touching only Berth's own (those with its marker): a
 * missing one is created, one that differs is updated, one for an app no longer in the stack is
 * removed. A name the person already serves with a host of their own is left to them.
 */
final class ProxyHostSync {
    private final NpmClient client;
    private final ChangeLog log;
    private final BooleanSupplier cancelled;
    private final ProxyHostsResult.Builder result = new ProxyHostsResult.Builder();

    ProxyHostSync(NpmClient client, ChangeLog log, BooleanSupplier cancelled) {
        this.client = client;
        this.log = log;
        this.cancelled = cancelled;
    }

    ProxyHostsResult apply(List<DesiredProxyHost> desired) throws NpmException, InterruptedException {
        List<ProxyHost> existing = client.proxyHosts();
        Set<Integer> before = new HashSet<>();
        existing.forEach(h -> before.add(h.id()));
        for (ProxyHost h : existing) {
            if (BerthMarker.service(h).isPresent() && desired.stream().noneMatch(d -> servesAny(h, d))) {
                checkCancelled();
                log.removing(h);
                client.delete(h.id());
                result.removed.add(h.domainNames().getFirst());
            }
        }
        for (DesiredProxyHost d : desired) {
            checkCancelled();
            List<ProxyHost> matching = existing.stream().filter(h -> servesAny(h, d)).toList();
            if (matching.stream().anyMatch(h -> BerthMarker.service(h).isEmpty())) {
                result.leftAlone.add(d.domain());
                continue;
            }
            if (matching.isEmpty()) {
                create(d, before);
                continue;
            }
            for (ProxyHost extra : matching.subList(1, matching.size())) {
                // Two of Berth's hosts share the names of one (e.g. the portal's two names): one must go, or NPM rejects the update.
                log.removing(extra);
                client.delete(extra.id());
                result.removed.add(extra.domainNames().getFirst());
            }
            update(matching.getFirst(), d);
        }
        return result.build();
    }

    private void update(ProxyHost ours, DesiredProxyHost d) throws NpmException, InterruptedException {
        Optional<ProxyHostRequest> change = d.updateFor(ours);
        if (change.isEmpty()) {
            result.unchanged.add(d.domain());
            return;
        }
        log.updating(ours);
        try {
            client.update(ours.id(), change.get());
        } catch (NpmException e) {
            if (!change.get().requestsCertificate()) {
                throw e;
            }
            // NPM asks Let's Encrypt before it stores anything, so nothing changed: store the rest.
            client.update(ours.id(), change.get().withoutNewCertificate());
            result.certificateProblems.put(d.domain(), e.getMessage());
        }
        result.updated.add(d.domain());
    }

    private void create(DesiredProxyHost d, Set<Integer> before) throws NpmException, InterruptedException {
        ProxyHostRequest request = d.createRequest();
        ProxyHost made;
        try {
            made = client.create(request);
        } catch (NpmException e) {
            // NPM stores the host first and asks Let's Encrypt afterwards; a failed certificate leaves the host.
            Optional<ProxyHost> left;
            try {
                left = client.proxyHosts().stream().filter(h -> !before.contains(h.id()) && servesAny(h, d)).findFirst();
            } catch (NpmException listing) {
                e.addSuppressed(listing);
                throw e;
            }
            left.ifPresent(h -> log.created(h.id()));
            if (left.isEmpty() || !request.requestsCertificate()) {
                throw e;
            }
            result.certificateProblems.put(d.domain(), e.getMessage());
            result.created.add(d.domain());
            return;
        }
        log.created(made.id());
        result.created.add(d.domain());
        // While it makes the certificate NPM turns forced HTTPS and HTTP/2 off (no certificate yet); turn them on.
        Optional<ProxyHostRequest> fix = d.updateFor(made);
        if (fix.isPresent() && !fix.get().requestsCertificate()) {
            client.update(made.id(), fix.get());
        }
    }

    private static boolean servesAny(ProxyHost h, DesiredProxyHost d) {
        return d.domainNames().stream().anyMatch(h::serves);
    }

    private void checkCancelled() {
        if (cancelled.getAsBoolean()) {
            throw new CancellationException("cancelled while setting up the proxy hosts in Nginx Proxy Manager");
        }
    }
}
