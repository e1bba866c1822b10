package dev.berth.answers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The metadata language and country a time zone suggests, from the tz database's countries. */
class MediaDefaultsTest {

    @ParameterizedTest
    @CsvSource({
            "Europe/Berlin, de, DE", "Europe/Vienna, de, AT", "Europe/Zurich, de, CH", "Europe/Paris, fr, FR",
            "Europe/London, en, GB", "Europe/Dublin, en, IE", "Europe/Madrid, es, ES", "Europe/Rome, it, IT",
            "Europe/Amsterdam, nl, NL", "Europe/Brussels, nl, BE", "Europe/Warsaw, pl, PL", "Europe/Stockholm, sv, SE",
            "Europe/Oslo, no, NO", "Europe/Kyiv, uk, UA", "Europe/Kiev, uk, UA", "Europe/Moscow, ru, RU",
            "Atlantic/Reykjavik, is, IS", "America/New_York, en, US", "America/Los_Angeles, en, US",
            "America/Indiana/Indianapolis, en, US", "America/Toronto, en, CA", "America/Mexico_City, es, MX",
            "America/Sao_Paulo, pt, BR", "America/Argentina/Buenos_Aires, es, AR", "America/Bogota, es, CO",
            "Asia/Tokyo, ja, JP", "Asia/Seoul, ko, KR", "Asia/Shanghai, zh, CN", "Asia/Taipei, zh, TW", "Asia/Kolkata, hi, IN",
            "Asia/Calcutta, hi, IN", "Asia/Jerusalem, he, IL", "Asia/Dubai, ar, AE", "Australia/Sydney, en, AU",
            "Australia/Perth, en, AU", "Pacific/Auckland, en, NZ", "US/Eastern, en, US"})
    void aZoneGivesItsCountryAndThatCountrysLanguage(String zone, String language, String country) {
        assertEquals(new MediaDefaults.Region(language, country), MediaDefaults.forTimeZone(zone));
    }

    @ParameterizedTest
    @CsvSource({"UTC", "Etc/GMT+2", "Mars/Olympus_Mons", "''"})
    void aZoneWithoutACountryGivesEnglishAndTheUnitedStates(String zone) {
        assertEquals(new MediaDefaults.Region("en", "US"), MediaDefaults.forTimeZone(zone));
    }

    @Test
    void noZoneGivesEnglishAndTheUnitedStates() {
        assertEquals(new MediaDefaults.Region("en", "US"), MediaDefaults.forTimeZone(null));
    }

    /**
     * Every zone this JDK knows in Europe, the Americas, Asia and Australia has its country, and every
     * such country its language; only a zone no single country holds is left to the fallback.
     */
    @Test
    void everyZoneOfTheCommonAreasIsKnown() {
        // Crimea is claimed by two countries (zone1970.tab lists RU,UA); the Riyadh8x zones are solar-time curiosities.
        Set<String> noSingleCountry = Set.of("Europe/Simferopol", "Asia/Riyadh87", "Asia/Riyadh88", "Asia/Riyadh89");
        Set<String> unknown = new TreeSet<>();
        for (String zone : ZoneId.getAvailableZoneIds()) {
            boolean common = List.of("Europe/", "America/", "Asia/", "Australia/").stream().anyMatch(zone::startsWith);
            if (common && !noSingleCountry.contains(zone) && MediaDefaults.countryOf(zone).isEmpty()) {
                unknown.add(zone);
            }
            MediaDefaults.countryOf(zone).ifPresent(country -> {
                if (MediaDefaults.forTimeZone(zone).equals(new MediaDefaults.Region("en", "US")) && !country.equals("US")) {
                    unknown.add(zone + " (" + country + " has no language)");
                }
            });
        }
        assertEquals(Set.of(), unknown, "zones without a country in MediaDefaults");
    }

    @Test
    void resolvedFillsOnlyWhatIsAbsent() {
        MediaAnswers resolved = MediaDefaults.resolved(new MediaAnswers("Wohnzimmer", null, "AT", List.of(), java.util.Map.of(), null),
                "Europe/Berlin");
        assertEquals("Wohnzimmer", resolved.serverName());
        assertEquals("de", resolved.metadataLanguage());
        assertEquals("AT", resolved.metadataCountry());
        assertEquals(List.of("de"), resolved.subtitleLanguages());
    }
}
