package dev.berth.catalog;

import java.util.List;

/**
 * Something a service cannot work without, satisfied by any one of {@code anyOf}: each entry is a
 * service id or a capability that services {@code provide}.
 *
 * @param anyOf  service ids or capabilities, any one of which satisfies the requirement
 * @param prefer the service added when none is chosen (defaults to the first service id in anyOf)
 * @param reason why, in words a newcomer understands; shown when the service is added
 */
public record Requirement(List<String> anyOf, String prefer, String reason) {
    public Requirement {
        anyOf = anyOf == null ? List.of() : List.copyOf(anyOf);
    }
}
