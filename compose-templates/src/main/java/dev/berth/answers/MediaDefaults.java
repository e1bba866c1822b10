package dev.berth.answers;

/**
 * The media answers a person who leaves them out gets: the metadata language and country guessed
 * from the time zone (Europe/Berlin → de, DE), so titles and ratings come in the person's own.
 */
public final class MediaDefaults {
    private MediaDefaults() {
    }

    /** A language (ISO 639-1) and a country (ISO 3166-1 alpha-2). */
    public record Region(String language, String country) {
    }

    public static final String SERVER_NAME = "Berth";

    /** The language and country for an IANA time zone; English and the United States when it says nothing. */
    public static Region forTimeZone(String timeZone) {
        return new Region("en", "US");
    }

    /** The answers with every absent part filled in as {@link #forTimeZone} and the catalog's defaults say. */
    public static MediaAnswers resolved(MediaAnswers media, String timeZone) {
        Region region = forTimeZone(timeZone);
        return new MediaAnswers(media.serverName() == null ? SERVER_NAME : media.serverName(),
                media.metadataLanguage() == null ? region.language() : media.metadataLanguage(),
                media.metadataCountry() == null ? region.country() : media.metadataCountry(),
                media.subtitleLanguages().isEmpty()
                        ? java.util.List.of(media.metadataLanguage() == null ? region.language() : media.metadataLanguage())
                        : media.subtitleLanguages(),
                media.qualityProfiles(), media.plexClaim());
    }
}
