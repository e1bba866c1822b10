package dev.berth.catalog;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.databind.JsonNode;

/** One setting of a Homepage widget: written as it is, or read by Homepage from a secret's file. */
public sealed interface WidgetField {

    /** A value written into services.yaml as it is (a user name). */
    record Text(String value) implements WidgetField {
    }

    /** An on/off option, written as YAML's true or false ({@code enableBlocks: true}): Homepage reads it as a boolean. */
    record Switch(boolean on) implements WidgetField {
    }

    /** One of the app's own secrets ({@code passwords[].secret}), mounted on Homepage as a file. */
    record FromSecret(String secret) implements WidgetField {
    }

    /** {@code admin}, or {@code { secret: qbittorrent_password }}; anything else is refused with the two forms. */
    @JsonCreator
    static WidgetField of(JsonNode node) {
        if (node.isBoolean()) {
            return new Switch(node.booleanValue());
        }
        if (node.isValueNode() && !node.isNull()) {
            return new Text(node.asText());
        }
        if (node.isObject() && node.size() == 1 && node.path("secret").isTextual()) {
            return new FromSecret(node.get("secret").asText());
        }
        throw new IllegalArgumentException("must be a value such as admin, or { secret: <name> } for one of the app's passwords");
    }
}
