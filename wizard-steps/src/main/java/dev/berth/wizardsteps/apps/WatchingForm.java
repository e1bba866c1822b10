package dev.berth.wizardsteps.apps;

import dev.berth.answers.MediaAnswers;
import dev.berth.answers.MediaDefaults;
import dev.berth.catalog.Catalog;
import dev.berth.catalog.Category;
import dev.berth.catalog.ServiceDefinition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Apps page's "Options for watching" as the person sets them, and the {@link MediaAnswers}
 * they make: the media server's name and its metadata language and country, Bazarr's subtitle
 * languages in order of preference, and a quality profile per app Recyclarr serves.
 *
 * <p>The fields show every value as it will be used, defaults included ({@link MediaDefaults}: the
 * language and country from the time zone). The answers hold only what differs from the defaults,
 * so berth.yaml stays short and a default follows a time zone changed later.
 */
final class WatchingForm {
    /** The subtitle languages offered to tick: common ones, plus the metadata language and any the answers name. */
    static final List<String> COMMON_SUBTITLES = List.of("en", "es", "fr", "de", "it", "pt", "nl", "sv", "da", "nb", "fi", "pl", "ja");

    final StringProperty serverName = new SimpleStringProperty(this, "serverName", MediaDefaults.SERVER_NAME);
    final ObjectProperty<Option> language = new SimpleObjectProperty<>(this, "metadataLanguage");
    final ObjectProperty<Option> country = new SimpleObjectProperty<>(this, "metadataCountry");
    /** The ticked subtitle languages, in the order they were ticked: the first is preferred. */
    final ObservableList<String> subtitles = FXCollections.observableArrayList();
    /** One tick box per offered subtitle language, by code, in the order offered. */
    final Map<String, BooleanProperty> subtitleTicks = new LinkedHashMap<>();
    /** The offered subtitle languages' codes, in order: the page adds a box when one joins. */
    final ObservableList<String> offeredSubtitles = FXCollections.observableArrayList();
    final ObservableList<ProfileChoice> profiles = FXCollections.observableArrayList();
    /** Keys an answers file gave for apps that do not offer them: written back unchanged until one is chosen. */
    private final Map<String, String> unknownProfiles = new LinkedHashMap<>();
    /** Made when the choice boxes are: naming every language and country in English takes a while, and the wizard builds this form at start-up. */
    private List<Option> languages;
    private List<Option> countries;

    WatchingForm() {
        COMMON_SUBTITLES.forEach(this::offerSubtitle);
        // Subtitles still at their default (the metadata language) follow it when it changes.
        language.addListener((o, was, now) -> {
            if (was != null && now != null && subtitles.equals(List.of(was.code()))) {
                offerSubtitle(now.code());
                subtitles.setAll(now.code());
                subtitleTicks.forEach((code, tick) -> tick.set(subtitles.contains(code)));
            }
        });
    }

    List<Option> languages() {
        if (languages == null) {
            languages = Option.languages();
        }
        return languages;
    }

    List<Option> countries() {
        if (countries == null) {
            countries = Option.countries();
        }
        return countries;
    }

    /** Every field, for listening to edits (the profiles' own choices are followed as they are made). */
    List<Observable> all() {
        return List.of(serverName, language, country, subtitles);
    }

    /** The answers the fields make, leaving out what equals its default. */
    MediaAnswers build(MediaDefaults.Region defaults) {
        String name = serverName.get() == null ? "" : serverName.get();
        String lang = language.get() == null ? null : language.get().code();
        String ctry = country.get() == null ? null : country.get().code();
        List<String> subs = subtitles.equals(List.of(lang == null ? defaults.language() : lang)) ? List.of() : List.copyOf(subtitles);
        Map<String, String> keys = new LinkedHashMap<>();
        for (ProfileChoice p : profiles) {
            String key = p.keyUnlessDefault(unknownProfiles.get(p.app()));
            if (key != null) {
                keys.put(p.app(), key);
            }
        }
        return new MediaAnswers(name.equals(MediaDefaults.SERVER_NAME) ? null : name,
                Objects.equals(lang, defaults.language()) ? null : lang,
                Objects.equals(ctry, defaults.country()) ? null : ctry,
                subs, keys, null);
    }

    /** Sets the fields to the answers, with the defaults where they leave something out. */
    void fill(MediaAnswers media, String timeZone) {
        MediaAnswers shown = MediaDefaults.resolved(media, timeZone);
        serverName.set(shown.serverName());
        language.set(Option.language(shown.metadataLanguage()));
        country.set(Option.country(shown.metadataCountry()));
        shown.subtitleLanguages().forEach(this::offerSubtitle);
        subtitles.setAll(shown.subtitleLanguages());
        subtitleTicks.forEach((code, tick) -> tick.set(subtitles.contains(code)));
        unknownProfiles.clear();
        media.qualityProfiles().forEach((app, key) -> {
            if (profiles.stream().noneMatch(p -> p.app().equals(app) && p.profiles().stream().anyMatch(q -> q.key().equals(key)))) {
                unknownProfiles.put(app, key);
            }
        });
        profiles.forEach(p -> p.choose(media.qualityProfiles().get(p.app())));
    }

    /** Ticking adds a language at the end (least preferred); unticking removes it. */
    void tick(String code, boolean on) {
        if (on && !subtitles.contains(code)) {
            subtitles.add(code);
        } else if (!on) {
            subtitles.remove(code);
        }
    }

    /**
     * The apps Recyclarr serves in this stack whose catalog entry offers profiles, each keeping the
     * profile chosen so far (or the answers' one); none without Recyclarr.
     *
     * @return whether the list changed
     */
    boolean offerProfiles(Catalog catalog, List<String> running, MediaAnswers media) {
        List<String> apps = new ArrayList<>();
        if (provides(catalog, running, ServiceDefinition.QUALITY_SYNC)) {
            for (String id : running) {
                catalog.find(id).filter(d -> d.recyclarr() != null && !d.recyclarr().profiles().isEmpty()).ifPresent(d -> apps.add(id));
            }
        }
        if (apps.equals(profiles.stream().map(ProfileChoice::app).toList())) {
            return false;
        }
        Map<String, ProfileChoice> before = new LinkedHashMap<>();
        profiles.forEach(p -> before.put(p.app(), p));
        List<ProfileChoice> now = new ArrayList<>();
        for (String id : apps) {
            ProfileChoice kept = before.get(id);
            if (kept == null) {
                ServiceDefinition d = catalog.get(id);
                kept = new ProfileChoice(id, d.name(), d.recyclarr().profiles());
                kept.choose(media.qualityProfiles().get(id));
            }
            now.add(kept);
        }
        profiles.setAll(now);
        return true;
    }

    /** Whether a media server is in the stack: its name and metadata language are asked. */
    static boolean hasMediaServer(Catalog catalog, List<String> running) {
        return running.stream().flatMap(id -> catalog.find(id).stream()).anyMatch(d -> d.category() == Category.MEDIA_SERVER);
    }

    /** Whether an app in the stack provides the capability (its catalog entry's {@code relations.provides}). */
    static boolean provides(Catalog catalog, List<String> running, String capability) {
        return running.stream().flatMap(id -> catalog.find(id).stream()).anyMatch(d -> d.satisfies(capability));
    }

    private void offerSubtitle(String code) {
        if (!subtitleTicks.containsKey(code)) {
            BooleanProperty tick = new SimpleBooleanProperty(this, code);
            tick.addListener((o, was, on) -> tick(code, on));
            subtitleTicks.put(code, tick);
            offeredSubtitles.add(code);
        }
    }
}
