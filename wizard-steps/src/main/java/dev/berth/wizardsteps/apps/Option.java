package dev.berth.wizardsteps.apps;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * A language or country a person picks by name, as the answers name it by code.
 *
 * @param code  ISO 639-1 language code ("de") or ISO 3166-1 alpha-2 country code ("DE")
 * @param label what the person reads ("German")
 */
public record Option(String code, String label) {
    /** The languages with a two-letter code, by English name. */
    static List<Option> languages() {
        return sorted(Stream.of(Locale.getISOLanguages()).map(Option::language));
    }

    /** The countries with a two-letter code, by English name. */
    static List<Option> countries() {
        return sorted(Stream.of(Locale.getISOCountries()).map(Option::country));
    }

    static Option language(String code) {
        String name = Locale.of(code).getDisplayLanguage(Locale.ENGLISH);
        return new Option(code, name.isEmpty() || name.equals(code) ? code : name);
    }

    static Option country(String code) {
        String name = Locale.of("", code).getDisplayCountry(Locale.ENGLISH);
        return new Option(code, name.isEmpty() || name.equals(code) ? code : name);
    }

    private static List<Option> sorted(Stream<Option> options) {
        return options.sorted(Comparator.comparing(Option::label)).toList();
    }

    @Override
    public String toString() {
        return label; // what a choice box shows
    }
}
