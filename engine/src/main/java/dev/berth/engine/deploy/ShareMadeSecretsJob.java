package dev.berth.engine.deploy;

import dev.berth.engine.stack.Owner;
import dev.berth.engine.stack.StackPaths;
import dev.berth.engine.target.Target;
import dev.berth.engine.target.TargetException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The last job of a multi-host deploy (issue 17): a secret an app made while it was wired (a media
 * server's API key, {@code api.key} with {@code madeBy: app} in its catalog file) lands in the
 * {@code secrets/} folder of the host the app runs on; this copies it to the manager, whose folder
 * keeps every secret for the next run, and to every host whose services mount it (Homepage on
 * another host). Written as {@link MadeSecrets} writes it, so a container that mounts the
 * placeholder sees the key at once.
 *
 * <p>Undo removes nothing: the key is the app's own, kept so the next deploy finds it, as the
 * wiring keeps it on the app's host.
 */
final class ShareMadeSecretsJob implements Job {
    /** One host's stack folder, and the secrets its services mount. */
    record Place(String host, Target target, String stackDir, Set<String> mounted, Optional<Owner> owner) {
        Place {
            mounted = Set.copyOf(mounted);
        }
    }

    private final List<Place> places;
    private final Map<String, String> madeOn;

    /**
     * @param places every host, the manager first
     * @param madeOn each made secret → the host whose app makes it
     */
    ShareMadeSecretsJob(List<Place> places, Map<String, String> madeOn) {
        this.places = List.copyOf(places);
        this.madeOn = new LinkedHashMap<>(madeOn);
    }

    @Override
    public String description() {
        return "Copy " + String.join(", ", madeOn.keySet()) + " from the host that made it to " + places.getFirst().host()
                + " and the hosts whose services read it";
    }

    @Override
    public void execute(JobContext context) throws TargetException {
        for (Map.Entry<String, String> made : madeOn.entrySet()) {
            String secret = made.getKey();
            Place source = place(made.getValue());
            String path = StackPaths.join(source.stackDir(), "secrets/" + secret);
            if (source.target().files().stat(path).filter(s -> s.regularFile()).isEmpty()) {
                continue; // the app made none this time (not wired yet): the wiring said so in its links
            }
            String value = new String(source.target().files().read(path), StandardCharsets.UTF_8);
            if (value.isBlank()) {
                continue;
            }
            List<Place> to = new ArrayList<>();
            for (Place place : places) {
                if (place != source && (place == places.getFirst() || place.mounted().contains(secret))) {
                    to.add(place);
                }
            }
            for (Place place : to) {
                // Its files wrote secrets/ on a host whose services mount secrets; the folder is made here for one that had none.
                place.target().files().mkdirs(StackPaths.join(place.stackDir(), "secrets"));
                MadeSecrets.write(place.target(), place.stackDir(), Map.of(secret, value), place.owner());
            }
        }
    }

    @Override
    public void undo(JobContext context) {
        // Deliberately nothing: see the class comment.
    }

    private Place place(String host) {
        return places.stream().filter(p -> p.host().equals(host)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no stack folder of host " + host + " among " + places));
    }
}
