package dev.berth.engine.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A host's part in a swarm as its engine tells it ({@code docker info --format '{{json .Swarm}}'}).
 *
 * @param nodeId           its node's ID, empty outside a swarm
 * @param nodeAddress      the address it advertises to the swarm, empty outside one
 * @param localState       {@code inactive}, {@code pending}, {@code active}, {@code error} or {@code locked}
 * @param manager          it is a manager (can run {@code docker node …})
 * @param error            what the engine says went wrong, or empty
 * @param managerAddresses the managers it knows ({@code host:2377})
 */
record SwarmState(String nodeId, String nodeAddress, String localState, boolean manager, String error,
        List<String> managerAddresses) {
    private static final ObjectMapper JSON = new ObjectMapper();

    SwarmState {
        managerAddresses = List.copyOf(managerAddresses);
    }

    static SwarmState parse(String json) throws IOException {
        JsonNode swarm = JSON.readTree(json);
        List<String> managers = new ArrayList<>();
        for (JsonNode remote : swarm.path("RemoteManagers")) {
            managers.add(remote.path("Addr").asText());
        }
        return new SwarmState(swarm.path("NodeID").asText(""), swarm.path("NodeAddr").asText(""),
                swarm.path("LocalNodeState").asText("inactive"), swarm.path("ControlAvailable").asBoolean(false),
                swarm.path("Error").asText(""), managers);
    }

    boolean inactive() {
        return "inactive".equals(localState);
    }

    boolean active() {
        return "active".equals(localState);
    }
}
