package dev.berth.engine.update;

import dev.berth.engine.target.Target;
import dev.berth.engine.target.TargetException;
import dev.berth.plan.PlannedService;
import dev.berth.plan.StackPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;

/**
 * {@link UpdateFinder} over the registries' v2 API: for each service, what it runs (from the target's
 * engine), then its registry's newest tag on the same track ({@link SameTrack}); without a newer tag,
 * the same tag when its digest moved away from what runs (a {@code latest}, or LinuxServer rebuilding
 * {@code 4.0.15} as {@code -ls303}). Services are asked about side by side; a registry that cannot be
 * reached is asked once and its sentence given to each of its services.
 */
final class RegistryUpdateFinder implements UpdateFinder {
    private final RegistryClient client;

    RegistryUpdateFinder(RegistryClient client) {
        this.client = client;
    }

    @Override
    public List<ImageStatus> find(Target target, StackPlan plan, BooleanSupplier cancelled)
            throws TargetException, InterruptedException {
        Map<String, RunningImage> running = RunningImages.read(target, plan);
        Map<String, String> unreachableHosts = new ConcurrentHashMap<>();
        Map<RegistryRepository, List<String>> tagLists = new ConcurrentHashMap<>();
        List<Future<ImageStatus>> futures = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (PlannedService s : plan.services()) {
                futures.add(pool.submit(() -> status(s, running.get(s.name()), unreachableHosts, tagLists, cancelled)));
            }
            List<ImageStatus> statuses = new ArrayList<>();
            for (Future<ImageStatus> f : futures) {
                statuses.add(f.get());
            }
            return statuses;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof InterruptedException ie) {
                throw ie;
            }
            throw new IllegalStateException("finding updates failed: " + e.getCause(), e.getCause());
        }
    }

    private ImageStatus status(PlannedService s, RunningImage running, Map<String, String> unreachableHosts,
                               Map<RegistryRepository, List<String>> tagLists, BooleanSupplier cancelled)
            throws InterruptedException {
        RegistryRepository repo = RegistryRepository.of(s.image().repository());
        String tag = s.image().tag();
        try {
            String down = unreachableHosts.get(repo.host());
            if (down != null) {
                throw new RegistryException(down, true);
            }
            if (cancelled.getAsBoolean()) {
                throw new InterruptedException("cancelled");
            }
            Optional<ImageUpdate> update = Optional.empty();
            Optional<String> newer = SameTrack.isVersioned(tag) ? SameTrack.newest(tag, tags(repo, tagLists)) : Optional.empty();
            if (newer.isPresent()) {
                RegistryImage found = client.image(repo, newer.get(), running.platform());
                update = Optional.of(update(s, newer.get(), found));
            } else if (running.digest() != null && !client.digest(repo, tag).equals(Optional.of(running.digest()))) {
                RegistryImage found = client.image(repo, tag, running.platform());
                if (!found.digest().equals(running.digest())) {
                    update = Optional.of(update(s, tag, found));
                }
            }
            return new ImageStatus(s.name(), s.image(), running.digest(), running.created(), update, Optional.empty());
        } catch (RegistryException e) {
            if (e.unreachable()) {
                unreachableHosts.putIfAbsent(repo.host(), e.getMessage());
            }
            return new ImageStatus(s.name(), s.image(), running.digest(), running.created(), Optional.empty(),
                    Optional.of(e.getMessage()));
        }
    }

    private List<String> tags(RegistryRepository repo, Map<RegistryRepository, List<String>> tagLists)
            throws RegistryException, InterruptedException {
        List<String> known = tagLists.get(repo);
        if (known == null) {
            known = client.tags(repo);
            tagLists.put(repo, known);
        }
        return known;
    }

    private static ImageUpdate update(PlannedService s, String tag, RegistryImage found) {
        return new ImageUpdate(tag, found.digest(), found.created(), s.definition().releaseNotesFor(tag).orElse(null));
    }
}
