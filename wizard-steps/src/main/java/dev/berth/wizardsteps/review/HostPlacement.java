package dev.berth.wizardsteps.review;

import dev.berth.answers.Answers;
import dev.berth.answers.HostAnswers;
import dev.berth.answers.InvalidAnswersException;
import dev.berth.answers.PlacementAnswers;
import dev.berth.answers.Problem;
import dev.berth.plan.HostAssignment;
import dev.berth.plan.HostLayout;
import dev.berth.plan.HostPlacer;
import dev.berth.plan.HostResources;
import dev.berth.plan.LayoutReport;
import dev.berth.plan.Planner;
import dev.berth.plan.StackPlan;
import dev.berth.wizardsteps.core.WizardModel;
import dev.berth.catalog.Catalog;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Where each service of a stack on several machines goes, for the Review page: the stack placed
 * with {@link HostPlacer} on the resources the System check measured (equal machines until it
 * has), per host its services and each one's deciding reason, and a pin per service that writes
 * {@code placement.pins}. A pin that breaks a hard rule stays chosen with the placer's problem
 * beside it, and the rest of the stack is placed as if it were not there, so the page never goes
 * blank while the person corrects it.
 */
public final class HostPlacement {
    /** Said while the checks have not measured every machine. */
    public static final String ASSUMED = "Placed as if the machines were equal: the System check has not measured them all yet. "
            + "Berth places the stack again on their real memory, disk, cores and load once it has.";
    public static final String MEASURED = "Placed on the memory, disk, cores and load the System check measured on each machine.";

    private final WizardModel model;
    /** Asked for only when a stack spans several machines: the catalog takes a moment to load, and the wizard's start must not wait for it. */
    private final Supplier<Catalog> catalog;
    private final ObservableValue<Map<String, HostResources>> measured;
    private final ObservableList<String> report = FXCollections.observableArrayList();
    private final ObservableList<PlacementRow> rows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper basis = new ReadOnlyStringWrapper(this, "basis", "");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");

    /**
     * @param catalog  the catalog, fetched the first time a placement is worked out
     * @param measured host name → resources as the checks read them (hosts not yet read left out)
     */
    public HostPlacement(WizardModel model, Supplier<Catalog> catalog, ObservableValue<Map<String, HostResources>> measured) {
        this.model = model;
        this.catalog = catalog;
        this.measured = measured;
        model.answersProperty().addListener(o -> update());
        measured.addListener(o -> update());
        update();
    }

    /** Per host its services and why, as {@link LayoutReport} writes it (empty for one machine). */
    public ObservableList<String> report() {
        return report;
    }

    /** One row per service, in the plan's order. */
    public ObservableList<PlacementRow> rows() {
        return rows;
    }

    /** What the placement was worked out from: {@link #ASSUMED} or {@link #MEASURED}. */
    public ReadOnlyStringProperty basisProperty() {
        return basis.getReadOnlyProperty();
    }

    /** Why the stack cannot be placed at all (not about one pin), or empty. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** Pins {@code service} to {@code host}; null or empty lets Berth choose again. */
    public void pin(String service, String host) {
        PlacementAnswers now = model.placementProperty().get();
        Map<String, String> pins = new TreeMap<>(now.pins());
        if (host == null || host.isEmpty()) {
            pins.remove(service);
        } else {
            pins.put(service, host);
        }
        if (!pins.equals(now.pins())) {
            model.setPlacement(new PlacementAnswers(pins, now.swarm()));
        }
    }

    private void update() {
        Answers draft = model.answers();
        if (!draft.isMultiHost() || draft.storage() == null || draft.services().isEmpty()) {
            clear("");
            return;
        }
        List<String> hosts = draft.hosts().stream().map(HostAnswers::name).toList();
        Map<String, HostResources> read = measured.getValue();
        boolean allRead = read != null && read.keySet().containsAll(hosts);
        Map<String, HostResources> resources = allRead ? read : equalMachines(hosts);
        basis.set(allRead ? MEASURED : ASSUMED);
        Map<String, String> refused = new LinkedHashMap<>();
        try {
            HostLayout layout = place(draft, resources, refused);
            show(layout, hosts, draft.placement().pins(), refused);
        } catch (InvalidAnswersException e) {
            clear(e.problems().stream().map(Problem::message).collect(Collectors.joining(" ")));
        }
    }

    /**
     * Places the draft; a pin the planner or placer refuses is left out (its problem kept in
     * {@code refused}) and the rest placed again, so one bad pin does not hide the others.
     */
    private HostLayout place(Answers draft, Map<String, HostResources> resources, Map<String, String> refused) {
        Answers trying = draft;
        while (true) {
            try {
                StackPlan plan = new Planner(catalog.get()).plan(trying, model.previousSecretsProperty().get());
                return new HostPlacer().place(plan, resources, Optional.empty());
            } catch (InvalidAnswersException e) {
                Map<String, String> pins = new TreeMap<>(trying.placement().pins());
                boolean dropped = false;
                for (Problem p : e.problems()) {
                    String service = p.field().startsWith("placement.pins.") ? p.field().substring("placement.pins.".length()) : null;
                    if (service != null && pins.remove(service) != null) {
                        refused.put(service, p.message());
                        dropped = true;
                    }
                }
                if (!dropped) {
                    throw e;
                }
                trying = trying.withHosts(trying.hosts(), new PlacementAnswers(pins, trying.placement().swarm()));
            }
        }
    }

    private void show(HostLayout layout, List<String> hosts, Map<String, String> pins, Map<String, String> refused) {
        problem.set("");
        report.setAll(LayoutReport.lines(layout));
        List<PlacementRow> next = new ArrayList<>();
        for (HostAssignment a : layout.services().values()) {
            next.add(new PlacementRow(a.service(), a.host(), hosts, pins.getOrDefault(a.service(), ""),
                    a.reasons().isEmpty() ? "" : a.reasons().getFirst(), refused.getOrDefault(a.service(), "")));
        }
        if (!next.equals(rows)) {
            rows.setAll(next);
        }
    }

    private void clear(String why) {
        problem.set(why);
        report.clear();
        rows.clear();
        if (why.isEmpty()) {
            basis.set("");
        }
    }

    /**
     * Stand-in resources, the same for every machine, so only the rules and the pins decide. Each
     * gets its own file system (two machines never share a disk unless measured) and /dev/dri, so
     * hardware transcoding is not refused before a machine was looked at.
     */
    static Map<String, HostResources> equalMachines(List<String> hosts) {
        long gib = 1024L * 1024 * 1024;
        Map<String, HostResources> equal = new LinkedHashMap<>();
        for (String h : hosts) {
            equal.put(h, new HostResources(8 * gib, 8 * gib, 1024 * gib, "not measured (" + h + ")", 4, 0, 0, true));
        }
        return equal;
    }
}
