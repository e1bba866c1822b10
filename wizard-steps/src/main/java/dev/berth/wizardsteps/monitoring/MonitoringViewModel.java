package dev.berth.wizardsteps.monitoring;

import dev.berth.answers.Answers;
import dev.berth.answers.ImpliedServices;
import dev.berth.answers.MonitoringAnswers;
import dev.berth.answers.MonitoringAnswers.Watchtower;
import dev.berth.answers.Problem;
import dev.berth.catalog.Catalog;
import dev.berth.catalog.ServiceDefinition;
import dev.berth.wizardsteps.core.FormStep;
import dev.berth.wizardsteps.core.StepContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * Step 8: keeping an eye on the stack. Prometheus and Grafana with their exporters, Tautulli
 * (offered only with Plex), Uptime Kuma, Homepage, and whether Watchtower looks for new images.
 */
public final class MonitoringViewModel extends FormStep<MonitoringAnswers> {
    /** The fields: one per option, and Watchtower. */
    private static final List<String> FIELDS = Stream.concat(Arrays.stream(Extra.values()).map(Extra::field),
            Stream.of("watchtower")).toList();
    private final Map<Extra, BooleanProperty> extras = new EnumMap<>(Extra.class);
    private final ObjectProperty<Watchtower> watchtower = new SimpleObjectProperty<>(this, "watchtower", Watchtower.OFF);
    private final ReadOnlyBooleanWrapper tautulliOffered = new ReadOnlyBooleanWrapper(this, "tautulliOffered");
    private Catalog catalog;

    public MonitoringViewModel(StepContext ctx) {
        super(ctx, "monitoring", FIELDS, ctx.model().monitoringProperty(), ctx.model()::setMonitoring);
        for (Extra e : Extra.values()) {
            extras.put(e, new SimpleBooleanProperty(this, e.field()));
        }
        editedOnChange(extras.values().stream().toList());
        editedOnChange(List.of(watchtower));
        onDraftChange(this::validate);
        if (ctx.model().monitoringProperty().get().equals(build())) {
            validate();
        } else {
            fill(ctx.model().monitoringProperty().get());
        }
    }

    @Override
    public String title() {
        return "Monitoring";
    }

    @Override
    public String description() {
        return "Optional helpers that keep an eye on your server and apps, and on new versions of them.";
    }

    /** Bound both ways by the option's check box. */
    public BooleanProperty extraProperty(Extra extra) {
        return extras.get(extra);
    }

    public ObjectProperty<Watchtower> watchtowerProperty() {
        return watchtower;
    }

    /** Tautulli reports on Plex only: offered while Plex is chosen (or while it is on, to be turned off). */
    public ReadOnlyBooleanProperty tautulliOfferedProperty() {
        return tautulliOffered.getReadOnlyProperty();
    }

    /** The memory an option adds, from the catalog's estimates: "≈ 780 MB". */
    public String memory(Extra extra) {
        Answers alone = ctx.model().answers().withServices(List.of()).withVpn(null).withAccess(null).withMonitoring(extra.alone());
        int mb = ImpliedServices.of(alone).keySet().stream().flatMap(id -> catalog().find(id).stream())
                .mapToInt(ServiceDefinition::ramMb).sum();
        return "≈ " + mb + " MB" + (extra == Extra.PROMETHEUS ? ", and " + catalog().get("exportarr").ramMb()
                + " MB per *arr app" : "");
    }

    @Override
    protected MonitoringAnswers build() {
        return new MonitoringAnswers(on(Extra.PROMETHEUS), on(Extra.TAUTULLI), on(Extra.UPTIME_KUMA), on(Extra.HOMEPAGE), watchtower.get());
    }

    @Override
    protected List<Problem> findProblems() {
        return draftProblems();
    }

    /** A switched-on option's problem shows at once (Tautulli without Plex). */
    @Override
    protected List<String> filledFields() {
        return Arrays.stream(Extra.values()).filter(this::on).map(Extra::field).toList();
    }

    @Override
    protected void fillFields(MonitoringAnswers m) {
        extras.forEach((e, on) -> on.set(e.in(m)));
        watchtower.set(m.watchtower());
    }

    @Override
    protected void updateSummary() {
        MonitoringAnswers m = build();
        tautulliOffered.set(ctx.model().servicesProperty().get().contains("plex") || m.tautulli());
        List<String> parts = new ArrayList<>();
        if (m.prometheus()) {
            parts.add("Prometheus & Grafana");
        }
        if (m.tautulli()) {
            parts.add("Tautulli");
        }
        if (m.uptimeKuma()) {
            parts.add("Uptime Kuma");
        }
        if (m.homepage()) {
            parts.add("Homepage");
        }
        switch (m.watchtower()) {
            case NOTIFY -> parts.add("update reports");
            case UPDATE -> parts.add("automatic updates");
            case OFF -> { }
        }
        setSummary(parts.isEmpty() ? "None" : String.join(", ", parts));
    }

    private boolean on(Extra e) {
        return extras.get(e).get();
    }

    private Catalog catalog() {
        if (catalog == null) {
            catalog = ctx.backend().catalog();
        }
        return catalog;
    }
}
