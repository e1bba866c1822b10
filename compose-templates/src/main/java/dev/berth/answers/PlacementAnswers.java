package dev.berth.answers;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * The person's say in where services run on a stack with several hosts. Left out of berth.yaml
 * while empty; ignored (and refused when set) with a single target.
 *
 * @param pins  service id → host name: the service runs there, whatever the scores say
 * @param swarm service ids Swarm may schedule ({@code docker stack deploy}) so they restart on
 *              another node when their host dies; only services the catalog lets run as Swarm services
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record PlacementAnswers(Map<String, String> pins, List<String> swarm) {

    public static final PlacementAnswers NONE = new PlacementAnswers(Map.of(), List.of());

    public PlacementAnswers {
        pins = pins == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(pins));
        swarm = swarm == null ? List.of() : List.copyOf(swarm);
    }

    @com.fasterxml.jackson.annotation.JsonIgnore // not a field of berth.yaml
    public boolean isEmpty() {
        return pins.isEmpty() && swarm.isEmpty();
    }

    /** Jackson's filter that leaves the section out of berth.yaml while it is empty. */
    public static final class WhenEmpty {
        @Override
        public boolean equals(Object value) {
            return value == null || (value instanceof PlacementAnswers p && p.isEmpty());
        }

        @Override
        public int hashCode() {
            return 0;
        }
    }
}
