package dev.berth.engine.wire;

import dev.berth.answers.AnswersSecrets;
import dev.berth.answers.MediaAnswers;
import dev.berth.answers.MediaDefaults;
import dev.berth.catalog.LibrarySpec;
import dev.berth.catalog.ServerLibrarySpec;
import dev.berth.engine.target.TargetException;
import dev.berth.plan.MediaKinds;
import dev.berth.plan.PlannedService;
import dev.berth.plan.StackPlan;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Plex's libraries ({@code setup.kind: plex}): once Plex is linked to the person's Plex account,
 * one library per chosen *arr app on that app's folder (with none, one per
 * {@code setup.defaultLibraries}), named and typed as the catalog's {@code setup.libraries} says,
 * in the metadata language of the answers. Plex's local API needs the token Plex keeps in its
 * Preferences.xml once claimed ({@link PlexPreferences}); until then the link says how to claim it.
 * A library that already covers the folder is left as it is, whoever made it, so a second run
 * sends no write.
 */
public final class PlexSetup implements AppSetup {
    /** The Links table's row while Plex is not linked to an account. */
    static final String LIBRARIES = "libraries";

    private final PlannedService plex;
    private final Map<String, ServerLibrarySpec> wanted;

    PlexSetup(StackPlan plan, PlannedService plex) {
        this.plex = plex;
        this.wanted = wanted(plan, plex);
    }

    /**
     * Folder inside Plex's container → the library it gets, in the order the apps were chosen; with
     * no *arr app, Plex's own {@code setup.defaultLibraries}, over the folders the deploy made for them.
     */
    static Map<String, ServerLibrarySpec> wanted(StackPlan plan, PlannedService plex) {
        Map<String, ServerLibrarySpec> kinds = plex.definition().setup().libraries();
        List<String> shown = MediaKinds.shownBy(plex.definition(),
                plan.servicesInChosenOrder().stream().map(PlannedService::definition).toList());
        Map<String, ServerLibrarySpec> out = new LinkedHashMap<>();
        for (String kind : shown) {
            if (kinds.containsKey(kind)) {
                out.putIfAbsent(LibrarySpec.folderOf(kind), kinds.get(kind));
            }
        }
        return out;
    }

    @Override
    public String service() {
        return plex.name();
    }

    @Override
    public String displayName() {
        return plex.displayName();
    }

    @Override
    public Phase phase() {
        return Phase.BEFORE_ARR_APPS;
    }

    @Override
    public SetupResult apply(SetupContext context) throws InterruptedException {
        if (wanted.isEmpty()) {
            return SetupResult.of(List.of(), context.memory());
        }
        PlexPreferences.Claimed claimed;
        try {
            claimed = claimed(context);
        } catch (NotReady e) {
            return SetupResult.of(List.of(e.link), context.memory());
        }
        String at = displayName();
        try (PlexClient client = new PlexClient(context.base(), claimed.token(), at)) {
            List<PlexClient.Section> sections = client.sections();
            Map<String, String> memory = new TreeMap<>();
            String language = language(context.plan());
            List<Link> links = new ArrayList<>();
            for (var e : wanted.entrySet()) {
                String folder = e.getKey();
                ServerLibrarySpec library = e.getValue();
                Optional<PlexClient.Section> there = covering(sections, folder);
                String key = memoryKey(folder);
                if (there.isPresent()) {
                    if (context.memory().containsKey(key)) {
                        memory.put(key, context.memory().get(key));
                        links.add(new Link(displayName(), library.name(), Link.Status.OK, ""));
                    } else {
                        links.add(leftAlone(there.get(), folder, library));
                    }
                    continue;
                }
                try {
                    client.addSection(library, language, folder);
                    memory.put(key, library.name());
                    links.add(new Link(displayName(), library.name(), Link.Status.OK, ""));
                } catch (PlexException refused) {
                    links.add(new Link(displayName(), library.name(), Link.Status.NEEDS_ATTENTION,
                            refused.getMessage() + ". Check that " + folder + " exists in Plex's container, then run berth wire."));
                }
            }
            if (client.writes() > 0) {
                links = proved(client.sections(), links);
            }
            return new SetupResult(links, client.writes(), memory, Map.of(), List.of());
        } catch (PlexException e) {
            return SetupResult.of(everyLibrary(Link.Status.NEEDS_ATTENTION, e.getMessage() + ". Then run berth wire."),
                    context.memory());
        }
    }

    @Override
    public List<Link> testOnly(SetupContext context) throws InterruptedException {
        if (wanted.isEmpty()) {
            return List.of();
        }
        PlexPreferences.Claimed claimed;
        try {
            claimed = claimed(context);
        } catch (NotReady e) {
            return List.of(e.link);
        }
        try (PlexClient client = new PlexClient(context.base(), claimed.token(), displayName())) {
            List<PlexClient.Section> sections = client.sections();
            List<Link> links = new ArrayList<>();
            for (var e : wanted.entrySet()) {
                Optional<PlexClient.Section> there = covering(sections, e.getKey());
                if (there.isEmpty()) {
                    links.add(new Link(displayName(), e.getValue().name(), Link.Status.NEEDS_ATTENTION,
                            "Plex has no library on " + e.getKey() + ": run berth wire to add it."));
                } else if (context.memory().containsKey(memoryKey(e.getKey()))) {
                    links.add(new Link(displayName(), e.getValue().name(), Link.Status.OK, ""));
                } else {
                    links.add(leftAlone(there.get(), e.getKey(), e.getValue()));
                }
            }
            return links;
        } catch (PlexException e) {
            return everyLibrary(Link.Status.NEEDS_ATTENTION, e.getMessage() + ".");
        }
    }

    /** The token, or the one link that says what to do first. */
    private PlexPreferences.Claimed claimed(SetupContext context) throws NotReady {
        Optional<String> path = PlexPreferences.path(plex);
        if (context.files().isEmpty() || path.isEmpty()) {
            throw new NotReady(new Link(displayName(), LIBRARIES, Link.Status.NEEDS_ATTENTION, "Berth cannot read Plex's "
                    + "settings from here: run berth wire for the deployed stack to add its libraries."));
        }
        PlexPreferences.State state;
        try {
            state = PlexPreferences.read(context.files().get(), path.get());
        } catch (TargetException | IOException e) {
            throw new NotReady(new Link(displayName(), LIBRARIES, Link.Status.NEEDS_ATTENTION, "Berth could not read "
                    + path.get() + " (" + e.getMessage() + "): check that Plex runs (berth status), then run berth wire."));
        }
        return switch (state) {
            case PlexPreferences.Claimed c -> c;
            case PlexPreferences.Missing m -> throw new NotReady(notLinked(context.plan(),
                    "Plex has not written its settings yet (no " + m.path() + "), so it is not linked to your Plex account and Berth"
                            + " cannot add its libraries"));
            case PlexPreferences.Unclaimed u -> throw new NotReady(notLinked(context.plan(),
                    "Plex is not linked to your Plex account yet, so Berth cannot add its libraries"));
        };
    }

    /** What to do while Plex is not claimed: a code from plex.tv/claim through berth deploy, or Plex's own page. */
    private Link notLinked(StackPlan plan, String why) {
        String stackDir = plan.answers().storage().stackDir();
        // Plex reads PLEX_CLAIM only when it starts: a first code changes compose.yaml, so the deploy
        // recreates Plex; a new code for a kept one changes only its file, so Plex must be restarted.
        String claim = plan.secrets().containsKey(AnswersSecrets.PLEX_CLAIM)
                ? "Get a new claim code at https://www.plex.tv/claim, then within four minutes run berth deploy --plex-claim CODE"
                  + " and docker compose restart " + plex.name() + " in " + stackDir
                  + " (Plex reads a code only when it starts); berth wire then adds the libraries"
                : "Get a claim code at https://www.plex.tv/claim and run berth deploy --plex-claim CODE within four minutes;"
                  + " Plex starts again with it, links itself, and the deploy adds the libraries";
        return new Link(displayName(), LIBRARIES, Link.Status.NEEDS_ATTENTION, why + ". " + claim
                + ". Or open Plex's page on the server itself, http://localhost:" + plex.hostWebPort()
                + "/web (an unclaimed Plex lets only its own network link it), sign in there, then run berth wire.");
    }

    private Link leftAlone(PlexClient.Section section, String folder, ServerLibrarySpec library) {
        return new Link(displayName(), library.name(), Link.Status.LEFT_ALONE, "Plex already has the library '"
                + section.title() + "' on " + folder + ": left as it is.");
    }

    /** After adding: each library Berth added must now be listed on its folder. */
    private List<Link> proved(List<PlexClient.Section> now, List<Link> links) {
        List<Link> out = new ArrayList<>();
        List<String> folders = new ArrayList<>(wanted.keySet());
        for (int i = 0; i < links.size(); i++) {
            Link l = links.get(i);
            if (l.status() == Link.Status.OK && covering(now, folders.get(i)).isEmpty()) {
                l = new Link(l.from(), l.to(), Link.Status.NEEDS_ATTENTION, "Plex accepted the library on " + folders.get(i)
                        + " but does not list it: run berth wire to try again.");
            }
            out.add(l);
        }
        return out;
    }

    private List<Link> everyLibrary(Link.Status status, String detail) {
        return wanted.values().stream().map(l -> new Link(displayName(), l.name(), status, detail)).toList();
    }

    private static Optional<PlexClient.Section> covering(List<PlexClient.Section> sections, String folder) {
        String wantedFolder = folder.replaceAll("/+$", "");
        return sections.stream().filter(s -> s.locations().stream().anyMatch(p -> p.replaceAll("/+$", "").equals(wantedFolder)))
                .findFirst();
    }

    private static String memoryKey(String folder) {
        return "library:" + folder;
    }

    /** Plex's language code for titles and descriptions: {@code en-US}, from the answers or the time zone. */
    static String language(StackPlan plan) {
        MediaAnswers media = MediaDefaults.resolved(plan.answers().media(), plan.answers().storage().timeZone());
        return media.metadataLanguage() + "-" + media.metadataCountry();
    }

    /** Plex cannot be asked yet: the link says why and what to do. */
    private static final class NotReady extends Exception {
        private final transient Link link;

        NotReady(Link link) {
            super(link.detail(), null, false, false);
            this.link = link;
        }
    }
}
