package dev.berth.catalog;

/** A port other than the web port, e.g. torrent peers on 6881 tcp and udp. */
public record PortSpec(int port, Protocol protocol, boolean publish, String purpose) {
    public PortSpec {
        if (protocol == null) {
            protocol = Protocol.TCP;
        }
    }

    public enum Protocol {
        TCP, UDP;

        @com.fasterxml.jackson.annotation.JsonValue
        public String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        @com.fasterxml.jackson.annotation.JsonCreator
        public static Protocol fromKey(String key) {
            return valueOf(key.toUpperCase(java.util.Locale.ROOT));
        }
    }
}
