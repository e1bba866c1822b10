package dev.berth.answers;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;

/**
 * How the media server and the apps around it are set up so the stack is ready to watch: what the
 * media server calls itself and which language its film and show details are in, which subtitle
 * languages Bazarr fetches, which TRaSH quality profile Recyclarr keeps in each *arr app, and
 * Plex's one-time claim token. Every part is optional: an absent one takes the default the
 * wizard shows (language and country from the time zone, {@code MediaDefaults}).
 *
 * @param serverName        the media server's name on the home network; absent: "Berth"
 * @param metadataLanguage  ISO 639-1 code of the language for titles and descriptions ("en", "de")
 * @param metadataCountry   ISO 3166-1 alpha-2 code of the country for ratings and release dates ("US", "DE")
 * @param subtitleLanguages ISO 639-1 codes of the subtitle languages Bazarr fetches, in order of
 *                          preference; empty: the metadata language
 * @param qualityProfiles   catalog id of an app Recyclarr serves → the profile key its catalog
 *                          entry offers ({@code recyclarr.profiles}); an app left out takes its default
 * @param plexClaim         the claim token from plex.tv/claim (valid four minutes). A secret:
 *                          handed to Plex once as {@code PLEX_CLAIM}, never written to berth.yaml
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"serverName", "metadataLanguage", "metadataCountry", "subtitleLanguages", "qualityProfiles", "plexClaim"})
public record MediaAnswers(
        @SingleLine @Size(min = 1, max = 64, message = "must be 1 to 64 characters") String serverName,
        @Pattern(regexp = "[a-z]{2}", message = "must be a two-letter language code in lower case, e.g. en or de") String metadataLanguage,
        @Pattern(regexp = "[A-Z]{2}", message = "must be a two-letter country code in upper case, e.g. US or DE") String metadataCountry,
        List<@NotNull @Pattern(regexp = "[a-z]{2}", message = "must be a two-letter language code in lower case, e.g. en or de") String> subtitleLanguages,
        // Checked against the catalog by CatalogRules, so each problem names its key (qualityProfiles.sonarr).
        Map<String, String> qualityProfiles,
        @Pattern(regexp = "claim-[A-Za-z0-9_-]{10,64}", message = "is not a Plex claim token: copy the whole code from plex.tv/claim, it starts with claim-")
        String plexClaim) {

    public static final MediaAnswers DEFAULTS = new MediaAnswers(null, null, null, List.of(), Map.of(), null);

    public MediaAnswers {
        subtitleLanguages = subtitleLanguages == null ? List.of() : List.copyOf(subtitleLanguages);
        qualityProfiles = qualityProfiles == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(qualityProfiles));
    }

    /** Jackson's filter that leaves the section out of berth.yaml when it holds only defaults. */
    public static final class WhenDefault {
        @Override
        public boolean equals(Object value) {
            return value == null || DEFAULTS.equals(value);
        }

        @Override
        public int hashCode() {
            return 0;
        }
    }

    /** The same answers without the claim token, for berth.yaml. */
    public MediaAnswers withoutSecrets() {
        return new MediaAnswers(serverName, metadataLanguage, metadataCountry, subtitleLanguages, qualityProfiles, null);
    }

    public MediaAnswers withPlexClaim(String token) {
        return new MediaAnswers(serverName, metadataLanguage, metadataCountry, subtitleLanguages, qualityProfiles, token);
    }
}
