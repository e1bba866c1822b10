package dev.berth.wizardsteps.checks;

import dev.berth.engine.check.CheckData.PortSuggestions;
import dev.berth.engine.check.CheckData.PortSuggestions.Move;
import dev.berth.wizardsteps.core.WizardModel;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The ports taken from the port check's suggestions on the System check page, kept so that the
 * row can say which port each app now uses and offer the way back to the ports before. Once the
 * answers' ports change in another way (another answers file, a port taken again), what was
 * taken here is only what the answers say: the way back goes to the ports before the first take.
 */
final class TakenPorts {
    private final WizardModel model;
    /** The answers' port overrides before the first take; null while nothing taken here holds. */
    private Map<String, Integer> before;
    /** By service: the port it had when the check first failed, and the one it has now. */
    private final Map<String, Move> taken = new TreeMap<>();

    TakenPorts(WizardModel model) {
        this.model = model;
    }

    /** Puts every suggested port into the answers, beside the ports chosen before. */
    void take(PortSuggestions suggestions) {
        Map<String, Integer> now = model.portOverridesProperty().get();
        if (!holds()) {
            before = now;
            taken.clear();
        }
        for (Move m : suggestions.moves()) {
            taken.merge(m.service(), m, (first, again) -> new Move(first.service(), first.purpose(), first.taken(), again.free()));
        }
        model.setPortOverrides(suggestions.takenInto(now));
    }

    /** Puts back the ports the answers had before the first take. */
    void restore() {
        if (holds()) {
            model.setPortOverrides(before);
        }
        before = null;
        taken.clear();
    }

    /** Whether the answers still hold every port taken here. */
    boolean holds() {
        Map<String, Integer> now = model.portOverridesProperty().get();
        return before != null && taken.values().stream().allMatch(m -> Objects.equals(now.get(m.service()), m.free()));
    }

    /** The button that takes these suggestions: one for the row, since the check passes only when every port moved. */
    static CheckRow.PortAction offer(PortSuggestions suggestions) {
        List<Integer> ports = suggestions.moves().stream().map(Move::free).toList();
        String label = ports.size() == 1 ? "Use port " + ports.getFirst()
                : ports.size() <= 3 ? "Use ports " + join(ports) : "Use the suggested ports";
        return new CheckRow.PortAction(label, true);
    }

    /** The button back to the ports before, while what was taken here holds. */
    Optional<CheckRow.PortAction> back() {
        if (!holds()) {
            return Optional.empty();
        }
        List<Integer> ports = taken.values().stream().map(Move::taken).toList();
        String label = ports.size() == 1 ? "Back to port " + ports.getFirst()
                : ports.size() <= 3 ? "Back to ports " + join(ports) : "Back to the ports before";
        return Optional.of(new CheckRow.PortAction(label, false));
    }

    /** Which port each app now uses, e.g. "Jellyfin web UI now on port 8097 (was 8096)"; empty while nothing taken holds. */
    String note() {
        if (!holds()) {
            return "";
        }
        return taken.values().stream().map(m -> m.purpose() + " now on port " + m.free() + " (was " + m.taken() + ")")
                .collect(Collectors.joining(", "));
    }

    private static String join(List<Integer> ports) {
        return ports.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }
}
