package dev.berth.wizardsteps.apps;

import dev.berth.answers.Answers;
import dev.berth.answers.ImpliedServices;
import dev.berth.answers.InvalidAnswersException;
import dev.berth.answers.MediaAnswers;
import dev.berth.answers.MediaDefaults;
import dev.berth.answers.MonitoringAnswers;
import dev.berth.answers.Problem;
import dev.berth.catalog.Catalog;
import dev.berth.catalog.Category;
import dev.berth.catalog.ServiceDefinition;
import dev.berth.plan.Addition;
import dev.berth.plan.DependencyResolver;
import dev.berth.wizardsteps.core.FormStep;
import dev.berth.wizardsteps.core.StepContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.StringProperty;
import javafx.collections.ListChangeListener;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Step 5: the apps, as cards by category, each with its description and RAM estimate, and a
 * running total against the target's memory. Choosing one shows what it needs, added with the
 * reason (the planner's own resolution, so the page and the plan never disagree); services that
 * cannot run together are explained. Below the cards, "Options for watching" appears when they
 * matter: the media server's name and metadata language and country (with a media server), the
 * subtitle languages (with Bazarr), and a TRaSH quality profile per app (with Recyclarr), checked
 * by the answers' own rules as the other forms are; they are the answers' {@code media} part.
 */
public final class AppsViewModel extends FormStep<MediaAnswers> {
    /** The media part's fields, as the validator's paths name them ({@code media.serverName}). */
    static final List<String> FIELDS = List.of("serverName", "metadataLanguage", "metadataCountry", "subtitleLanguages",
            "qualityProfiles");
    /** The categories on this page, in order; the others are switched on by later pages. */
    static final List<Category> CATEGORIES = List.of(Category.MEDIA_SERVER, Category.ARR, Category.INDEXER,
            Category.DOWNLOAD_CLIENT, Category.REQUESTS, Category.EXTRAS, Category.MAINTENANCE);

    private final Map<Category, List<AppCard>> byCategory = new LinkedHashMap<>();
    private final Map<String, AppCard> cards = new LinkedHashMap<>();
    private final ObservableList<String> alsoRunning = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ReadOnlyStringWrapper ramText = new ReadOnlyStringWrapper(this, "ramText", "");
    private final ReadOnlyDoubleWrapper ramShare = new ReadOnlyDoubleWrapper(this, "ramShare");
    private Catalog catalog;
    private boolean filling;
    private final WatchingForm watching = new WatchingForm();
    private final ReadOnlyBooleanWrapper mediaServerShown = new ReadOnlyBooleanWrapper(this, "mediaServerShown");
    private final ReadOnlyBooleanWrapper subtitlesShown = new ReadOnlyBooleanWrapper(this, "subtitlesShown");
    private final ReadOnlyBooleanWrapper profilesShown = new ReadOnlyBooleanWrapper(this, "profilesShown");
    private final ReadOnlyBooleanWrapper watchingShown = new ReadOnlyBooleanWrapper(this, "watchingShown");
    /** What the resolver says runs (chosen and added), for which options to show. */
    private List<String> running = List.of();
    /** The apps part is fine (something chosen, nothing conflicting); the media part's own problems are apart. */
    private boolean appsOk;
    private boolean mediaClean = true;
    /** The time zone the defaults shown were worked out for. */
    private String shownTimeZone;

    public AppsViewModel(StepContext ctx) {
        super(ctx, "media", FIELDS, ctx.model().mediaProperty(), ctx.model()::setMedia);
        ctx.model().servicesProperty().addListener((o, was, now) -> fill(now));
        ctx.model().answersProperty().addListener(o -> update());
        ctx.target().connectedProperty().addListener(o -> update());
        fill(ctx.model().servicesProperty().get());
        shownTimeZone = timeZone();
        quietly(() -> watching.fill(ctx.model().mediaProperty().get(), shownTimeZone));
        editedOnChange(watching.all());
        // A profile chosen in any app's box is an edit; boxes come and go with the apps.
        watching.profiles.addListener((ListChangeListener<ProfileChoice>) c -> {
            while (c.next()) {
                c.getAddedSubList().forEach(p -> p.chosen().addListener(o -> edited()));
            }
        });
    }

    /**
     * Builds the cards from the catalog the first time they are needed, not at start-up: the
     * catalog takes a moment to load, and the first page must not wait for it.
     */
    private void ensureCards() {
        if (catalog != null) {
            return;
        }
        catalog = ctx.backend().catalog();
        Set<String> elsewhere = switchedOnElsewhere();
        for (Category c : CATEGORIES) {
            List<AppCard> list = catalog.inCategory(c).stream().filter(s -> !elsewhere.contains(s.id())).map(AppCard::new).toList();
            if (!list.isEmpty()) {
                byCategory.put(c, list);
                list.forEach(card -> cards.put(card.id(), card));
            }
        }
        List<String> chosen = ctx.model().servicesProperty().get();
        cards.values().forEach(card -> {
            card.chosenProperty().set(chosen.contains(card.id()));
            card.chosenProperty().addListener(o -> chosenChanged());
        });
    }

    @Override
    protected void entering() {
        ensureCards();
        update();
    }

    @Override
    public String title() {
        return "Apps";
    }

    @Override
    public String description() {
        return "Pick what you want to run. Berth adds what they need and says why.";
    }

    /** The cards, by category, in the catalog's order. */
    public Map<Category, List<AppCard>> cardsByCategory() {
        ensureCards();
        return byCategory;
    }

    public AppCard card(String id) {
        ensureCards();
        return cards.get(id);
    }

    /** The media server's name on the home network; bound by its text field. */
    public StringProperty serverNameProperty() {
        return watching.serverName;
    }

    /** The language of titles and descriptions; bound by its choice box. */
    public ObjectProperty<Option> metadataLanguageProperty() {
        return watching.language;
    }

    /** The country for ratings and release dates; bound by its choice box. */
    public ObjectProperty<Option> metadataCountryProperty() {
        return watching.country;
    }

    public List<Option> languages() {
        return watching.languages();
    }

    public List<Option> countries() {
        return watching.countries();
    }

    /** The subtitle languages offered to tick, by code; one joins when the answers name it. */
    public ObservableList<String> offeredSubtitles() {
        return watching.offeredSubtitles;
    }

    /** One offered subtitle language's tick; ticking adds it last in the order of preference. */
    public BooleanProperty subtitleProperty(String code) {
        return watching.subtitleTicks.get(code);
    }

    /** The ticked subtitle languages in order of preference. */
    public ObservableList<String> subtitleLanguages() {
        return watching.subtitles;
    }

    /** A language's name ("German"), for the tick boxes and the order line. */
    public String languageName(String code) {
        return Option.language(code).label();
    }

    /** One quality profile choice per app Recyclarr serves and whose catalog entry offers profiles. */
    public ObservableList<ProfileChoice> qualityProfiles() {
        return watching.profiles;
    }

    /** A media server is in the stack: its name and metadata language are asked. */
    public ReadOnlyBooleanProperty mediaServerShownProperty() {
        return mediaServerShown.getReadOnlyProperty();
    }

    /** Bazarr is in the stack: its subtitle languages are asked. */
    public ReadOnlyBooleanProperty subtitlesShownProperty() {
        return subtitlesShown.getReadOnlyProperty();
    }

    /** Recyclarr serves an app that offers profiles: the profiles are asked. */
    public ReadOnlyBooleanProperty profilesShownProperty() {
        return profilesShown.getReadOnlyProperty();
    }

    /** Any of the three: the page shows its "Options for watching" section. */
    public ReadOnlyBooleanProperty watchingShownProperty() {
        return watchingShown.getReadOnlyProperty();
    }

    @Override
    protected MediaAnswers build() {
        MediaAnswers built = watching.build(MediaDefaults.forTimeZone(timeZone()));
        // The claim token is asked on the Deploy page and never kept in the draft; keep whatever the model holds.
        return built.withPlexClaim(ctx.model().mediaProperty().get().plexClaim());
    }

    @Override
    protected void fillFields(MediaAnswers value) {
        shownTimeZone = timeZone();
        watching.fill(value, shownTimeZone);
    }

    @Override
    protected List<Problem> findProblems() {
        return draftProblems();
    }

    /** Every value is shown (the defaults too), so a problem with one shows at once. */
    @Override
    protected List<String> filledFields() {
        return FIELDS;
    }

    /** Which options show, and the profiles offered, follow the apps in the stack and the time zone. */
    @Override
    protected void updateSummary() {
        if (catalog == null) {
            return;
        }
        MediaAnswers media = ctx.model().mediaProperty().get();
        if (!java.util.Objects.equals(shownTimeZone, timeZone())) {
            quietly(() -> fillFields(media)); // the defaults shown follow the time zone; the answers keep only what differs from them
        }
        quietly(() -> watching.offerProfiles(catalog, running, media));
        mediaServerShown.set(WatchingForm.hasMediaServer(catalog, running));
        subtitlesShown.set(WatchingForm.provides(catalog, running, ServiceDefinition.SUBTITLES));
        profilesShown.set(!watching.profiles.isEmpty());
        watchingShown.set(mediaServerShown.get() || subtitlesShown.get() || profilesShown.get());
    }

    @Override
    protected void shown(boolean clean) {
        mediaClean = clean;
        setValid(appsOk && mediaClean);
    }

    /** Services other answers switch on (the VPN, the proxy, monitoring), each with why. */
    public ObservableList<String> alsoRunning() {
        return alsoRunning;
    }

    /** Why the choice cannot work (services that cannot run together), or empty. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** "About 1.4 GB of 7.6 GB memory", or the estimate alone before the target is known. */
    public ReadOnlyStringProperty ramTextProperty() {
        return ramText.getReadOnlyProperty();
    }

    /** The estimate as a share of the target's memory, 0 when unknown. */
    public ReadOnlyDoubleProperty ramShareProperty() {
        return ramShare.getReadOnlyProperty();
    }

    private void chosenChanged() {
        if (!filling) {
            ctx.model().setServices(cards.values().stream().filter(c -> c.chosenProperty().get()).map(AppCard::id).toList());
        }
    }

    private void fill(List<String> ids) {
        filling = true;
        try {
            cards.values().forEach(c -> c.chosenProperty().set(ids.contains(c.id())));
        } finally {
            filling = false;
        }
        update();
    }

    private void update() {
        Answers draft = ctx.model().answers();
        List<String> chosen = draft.services();
        if (catalog == null && chosen.isEmpty()) {
            return; // nothing to show before the page is opened
        }
        ensureCards();
        Map<String, String> reasons = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        try {
            var resolution = new DependencyResolver(catalog).resolve(draft);
            running = resolution.ids();
            for (Addition a : resolution.additions()) {
                reasons.put(a.service(), a.reason());
            }
        } catch (InvalidAnswersException e) {
            running = chosen;
            e.problems().forEach(p -> problems.add(p.message()));
        }
        for (AppCard card : cards.values()) {
            String conflict = conflictWith(card.service(), chosen);
            boolean added = !card.chosenProperty().get() && running.contains(card.id());
            card.show(added, conflict != null ? conflict : added ? reasons.get(card.id()) : null);
        }
        alsoRunning.setAll(reasons.entrySet().stream().filter(e -> !cards.containsKey(e.getKey()))
                .map(e -> catalog.find(e.getKey()).map(ServiceDefinition::name).orElse(e.getKey()) + ": " + e.getValue()).toList());
        for (Problem p : validator().validate(draft)) {
            if (p.field().equals("services") || p.field().startsWith("services.")) {
                problems.add(p.message());
            }
        }
        // "Choose at least one app" is what the empty page says anyway; red only for real conflicts.
        problem.set(chosen.isEmpty() ? "" : String.join("\n", problems.stream().distinct().toList()));
        updateRam(running);
        appsOk = !chosen.isEmpty() && problems.isEmpty();
        setValid(appsOk && mediaClean);
        setSummary(summary(chosen, running));
        if (!updating()) {
            validate();
        }
    }

    private String timeZone() {
        var storage = ctx.model().storageProperty().get();
        return storage == null || storage.timeZone() == null ? "UTC" : storage.timeZone();
    }

    private String conflictWith(ServiceDefinition s, List<String> chosen) {
        for (String other : chosen) {
            if (other.equals(s.id())) {
                continue;
            }
            ServiceDefinition o = catalog.find(other).orElse(null);
            if (o != null && (s.relations().conflicts().contains(other) || o.relations().conflicts().contains(s.id()))) {
                return "Cannot run beside " + o.name() + ": choose one of them.";
            }
        }
        return null;
    }

    private void updateRam(List<String> running) {
        int totalMb = running.stream().flatMap(id -> catalog.find(id).stream()).mapToInt(ServiceDefinition::ramMb).sum();
        long targetBytes = ctx.target().connected().map(c -> c.facts().memoryBytes()).orElse(0L);
        if (running.isEmpty()) {
            ramShare.set(0);
            ramText.set("Choose apps to see the memory they need" + (targetBytes > 0 ? "; the target has " + size(targetBytes) + "." : "."));
            return;
        }
        String estimate = "About " + size(totalMb * 1024L * 1024L) + " of memory for " + running.size() + " app" + (running.size() == 1 ? "" : "s");
        if (targetBytes > 0) {
            double share = totalMb * 1024.0 * 1024.0 / targetBytes;
            ramShare.set(Math.min(1, share));
            ramText.set(estimate + ", of the target's " + size(targetBytes)
                    + (share > 0.8 ? ": that is tight; the system and other programs need memory too." : "."));
        } else {
            ramShare.set(0);
            ramText.set(estimate + ".");
        }
    }

    private String summary(List<String> chosen, List<String> running) {
        if (chosen.isEmpty()) {
            return "";
        }
        String names = chosen.stream().map(id -> catalog.find(id).map(ServiceDefinition::name).orElse(id)).collect(Collectors.joining(", "));
        int extra = (int) running.stream().filter(id -> !chosen.contains(id)).count();
        return names + (extra == 0 ? "" : " + " + extra + " added");
    }

    /** Services that the VPN, access and monitoring pages switch on: not chosen here. */
    private static Set<String> switchedOnElsewhere() {
        Answers everything = new Answers(1, null, null, null, List.of(), null, null,
                new MonitoringAnswers(true, true, true, true, MonitoringAnswers.Watchtower.UPDATE), null, null);
        Set<String> ids = new java.util.HashSet<>(ImpliedServices.of(everything).keySet());
        ids.addAll(ImpliedServices.CONTROLLED.keySet());
        return ids;
    }

    private static String size(long bytes) {
        return bytes < 1e9 ? Math.round(bytes / 1e6) + " MB" : String.format(java.util.Locale.ROOT, "%.1f GB", bytes / 1e9);
    }
}
