package dev.berth.wizardsteps.monitoring;

import dev.berth.answers.Answers;
import dev.berth.answers.ImpliedServices;
import dev.berth.answers.MonitoringAnswers;
import dev.berth.answers.MonitoringAnswers.Watchtower;
import dev.berth.answers.Problem;
import dev.berth.catalog.Catalog;
import dev.berth.catalog.ServiceDefinition;
import dev.berth.wizardsteps.core.DraftProblems;
import dev.berth.wizardsteps.core.FieldMessages;
import dev.berth.wizardsteps.core.StepContext;
import dev.berth.wizardsteps.core.StepViewModel;
import dev.berth.wizardsteps.core.Touches;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * Step 8: keeping an eye on the stack. Prometheus and Grafana with their exporters, Tautulli
 * (offered only with Plex), Uptime Kuma, Homepage, and whether Watchtower looks for new images.
 */
public final class MonitoringViewModel extends StepViewModel {
    private final Map<Extra, BooleanProperty> extras = new EnumMap<>(Extra.class);
    private final ObjectProperty<Watchtower> watchtower = new SimpleObjectProperty<>(this, "watchtower", Watchtower.OFF);
    private final ReadOnlyBooleanWrapper tautulliOffered = new ReadOnlyBooleanWrapper(this, "tautulliOffered");
    private final FieldMessages messages;
    private final Touches touches = new Touches();
    private DraftProblems problems;
    private Catalog catalog;
    private boolean filling;
    private boolean writing;
    /** Validation starts when the page is first shown: at start-up the catalog is still loading. */
    private boolean entered;

    public MonitoringViewModel(StepContext ctx) {
        super(ctx);
        List<String> fields = new ArrayList<>();
        for (Extra e : Extra.values()) {
            BooleanProperty on = new SimpleBooleanProperty(this, e.field());
            on.addListener(o -> edited());
            extras.put(e, on);
            fields.add(e.field());
        }
        fields.add("watchtower");
        messages = new FieldMessages("monitoring", fields.toArray(String[]::new));
        watchtower.addListener(o -> edited());
        ctx.model().monitoringProperty().addListener((o, was, now) -> {
            if (!now.equals(build())) {
                fill(now);
            }
        });
        // A change listener: an invalidation listener misses changes while nobody reads the draft.
        ctx.model().answersProperty().addListener((o, was, now) -> {
            if (!writing) {
                validate();
            }
        });
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

    @Override
    public void enter() {
        entered = true;
        edited();
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

    /** @param field an {@link Extra#field()} or {@code watchtower} */
    public ReadOnlyStringProperty messageProperty(String field) {
        return messages.messageProperty(field);
    }

    public ReadOnlyStringProperty generalMessageProperty() {
        return messages.generalProperty();
    }

    /** The memory an option adds, from the catalog's estimates: "≈ 780 MB". */
    public String memory(Extra extra) {
        Answers alone = ctx.model().answers().withServices(List.of()).withVpn(null).withAccess(null).withMonitoring(extra.alone());
        int mb = ImpliedServices.of(alone).keySet().stream().flatMap(id -> catalog().find(id).stream())
                .mapToInt(ServiceDefinition::ramMb).sum();
        return "≈ " + mb + " MB" + (extra == Extra.PROMETHEUS ? ", and " + catalog().get("exportarr").ramMb()
                + " MB per *arr app" : "");
    }

    private MonitoringAnswers build() {
        return new MonitoringAnswers(on(Extra.PROMETHEUS), on(Extra.TAUTULLI), on(Extra.UPTIME_KUMA), on(Extra.HOMEPAGE), watchtower.get());
    }

    private void edited() {
        if (filling) {
            return;
        }
        writing = true;
        try {
            ctx.model().setMonitoring(build());
        } finally {
            writing = false;
        }
        validate();
    }

    private void validate() {
        MonitoringAnswers m = build();
        tautulliOffered.set(ctx.model().servicesProperty().get().contains("plex") || m.tautulli());
        updateSummary(m);
        if (!entered) {
            return;
        }
        List<Problem> found = problems().of("monitoring", ctx.model().answers());
        boolean clean = messages.show(found);
        for (Extra e : Extra.values()) {
            if (on(e)) {
                touches.add(e.field()); // a switched-on option's problem shows at once (Tautulli without Plex)
            }
        }
        touches.applyTo(messages);
        setValid(clean);
    }

    private void fill(MonitoringAnswers m) {
        filling = true;
        try {
            extras.forEach((e, on) -> on.set(e.in(m)));
            watchtower.set(m.watchtower());
        } finally {
            filling = false;
        }
        touches.addAll();
        edited();
    }

    private void updateSummary(MonitoringAnswers m) {
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

    private DraftProblems problems() {
        if (problems == null) {
            problems = new DraftProblems(ctx.backend().validator());
        }
        return problems;
    }
}
