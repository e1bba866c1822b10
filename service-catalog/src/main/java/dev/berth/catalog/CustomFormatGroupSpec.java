package dev.berth.catalog;

import java.util.List;

/**
 * A TRaSH custom format group Recyclarr adds to a profile ({@code custom_format_groups.add}).
 *
 * @param trashId the group's id in the TRaSH guide
 * @param select  the ids of the group's custom formats to take; empty: the group's defaults
 */
public record CustomFormatGroupSpec(String trashId, List<String> select) {
    public CustomFormatGroupSpec {
        select = select == null ? List.of() : List.copyOf(select);
    }
}
