package dev.berth.catalog;

import java.util.List;

/**
 * How a service relates to others.
 *
 * @param requires  what must also run, or this service is useless
 * @param suggests  services that make this one better (offered, never added silently)
 * @param conflicts services that cannot run beside this one
 * @param provides  capabilities this service offers, e.g. {@code download-client}
 */
public record Relations(List<Requirement> requires, List<String> suggests, List<String> conflicts,
                        List<String> provides) {
    public static final Relations NONE = new Relations(List.of(), List.of(), List.of(), List.of());

    public Relations {
        requires = requires == null ? List.of() : List.copyOf(requires);
        suggests = suggests == null ? List.of() : List.copyOf(suggests);
        conflicts = conflicts == null ? List.of() : List.copyOf(conflicts);
        provides = provides == null ? List.of() : List.copyOf(provides);
    }
}
