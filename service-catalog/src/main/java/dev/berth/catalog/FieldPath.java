package dev.berth.catalog;

import com.fasterxml.jackson.databind.JsonMappingException;

/** The path of the field a YAML mapping error is about, as a person reads it: {@code relations.requires[0].anyOf}. */
public final class FieldPath {
    private FieldPath() {
    }

    public static String of(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }
}
