package dev.berth.answers;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The media answers a person who leaves them out gets: the metadata language and country guessed
 * from the time zone (Europe/Berlin → de, DE), so titles and ratings come in the person's own.
 *
 * <p>The zone's country is the tz database's (zone1970.tab / zone.tab, with the older aliases a
 * system may still report: US/Eastern, Asia/Calcutta, Europe/Kiev); the language is the one most
 * people there watch in and metadata providers offer (Belgium: Dutch, Switzerland: German,
 * Luxembourg: French, Belarus: Russian). A zone it does not know, or one no country has (UTC),
 * gives English and the United States.
 */
public final class MediaDefaults {
    private MediaDefaults() {
    }

    /** A language (ISO 639-1) and a country (ISO 3166-1 alpha-2). */
    public record Region(String language, String country) {
    }

    public static final String SERVER_NAME = "Berth";
    private static final Region FALLBACK = new Region("en", "US");

    /** Zone → country, from the tz database. Whole areas of one country are matched by prefix ({@link #AREAS}). */
    private static final Map<String, String> ZONES = table("""
            Europe/Amsterdam NL, Europe/Andorra AD, Europe/Astrakhan RU, Europe/Athens GR, Europe/Belgrade RS, Europe/Berlin DE,
            Europe/Bratislava SK, Europe/Brussels BE, Europe/Bucharest RO, Europe/Budapest HU, Europe/Busingen DE,
            Europe/Chisinau MD, Europe/Copenhagen DK, Europe/Dublin IE, Europe/Gibraltar GI, Europe/Guernsey GG,
            Europe/Helsinki FI, Europe/Isle_of_Man IM, Europe/Istanbul TR, Europe/Jersey JE, Europe/Kaliningrad RU,
            Europe/Kirov RU, Europe/Kyiv UA, Europe/Kiev UA, Europe/Uzhgorod UA, Europe/Zaporozhye UA, Europe/Lisbon PT,
            Europe/Ljubljana SI, Europe/London GB, Europe/Belfast GB, Europe/Luxembourg LU, Europe/Madrid ES, Europe/Malta MT,
            Europe/Mariehamn AX, Europe/Minsk BY, Europe/Monaco MC, Europe/Moscow RU, Europe/Nicosia CY, Europe/Oslo NO,
            Europe/Paris FR, Europe/Podgorica ME, Europe/Prague CZ, Europe/Riga LV, Europe/Rome IT, Europe/Samara RU,
            Europe/San_Marino SM, Europe/Sarajevo BA, Europe/Saratov RU, Europe/Skopje MK, Europe/Sofia BG,
            Europe/Stockholm SE, Europe/Tallinn EE, Europe/Tirane AL, Europe/Ulyanovsk RU, Europe/Vaduz LI,
            Europe/Vatican VA, Europe/Vienna AT, Europe/Vilnius LT, Europe/Volgograd RU, Europe/Warsaw PL, Europe/Zagreb HR,
            Europe/Zurich CH, Atlantic/Reykjavik IS, Atlantic/Canary ES, Atlantic/Madeira PT, Atlantic/Azores PT,
            Atlantic/Faroe FO, Atlantic/Bermuda BM, Arctic/Longyearbyen SJ,
            America/New_York US, America/Chicago US, America/Denver US, America/Los_Angeles US, America/Phoenix US,
            America/Anchorage US, America/Adak US, America/Boise US, America/Detroit US, America/Juneau US, America/Sitka US,
            America/Metlakatla US, America/Yakutat US, America/Nome US, America/Menominee US, America/Indianapolis US,
            America/Louisville US, America/Toronto CA, America/Vancouver CA, America/Edmonton CA, America/Winnipeg CA,
            America/Halifax CA, America/St_Johns CA, America/Regina CA, America/Montreal CA, America/Moncton CA,
            America/Glace_Bay CA, America/Goose_Bay CA, America/Whitehorse CA, America/Dawson CA, America/Dawson_Creek CA,
            America/Fort_Nelson CA, America/Creston CA, America/Cambridge_Bay CA, America/Inuvik CA, America/Iqaluit CA,
            America/Rankin_Inlet CA, America/Resolute CA, America/Swift_Current CA, America/Atikokan CA,
            America/Blanc-Sablon CA, America/Thunder_Bay CA, America/Nipigon CA, America/Rainy_River CA,
            America/Yellowknife CA, America/Pangnirtung CA, America/Mexico_City MX, America/Cancun MX, America/Merida MX,
            America/Monterrey MX, America/Matamoros MX, America/Chihuahua MX, America/Ciudad_Juarez MX, America/Ojinaga MX,
            America/Mazatlan MX, America/Bahia_Banderas MX, America/Hermosillo MX, America/Tijuana MX,
            America/Sao_Paulo BR, America/Noronha BR, America/Belem BR, America/Fortaleza BR, America/Recife BR,
            America/Araguaina BR, America/Maceio BR, America/Bahia BR, America/Campo_Grande BR, America/Cuiaba BR,
            America/Santarem BR, America/Porto_Velho BR, America/Boa_Vista BR, America/Manaus BR, America/Eirunepe BR,
            America/Rio_Branco BR, America/Buenos_Aires AR, America/Cordoba AR, America/Bogota CO, America/Lima PE,
            America/Santiago CL, America/Punta_Arenas CL, America/Caracas VE, America/Montevideo UY, America/Asuncion PY,
            America/La_Paz BO, America/Guayaquil EC, America/Havana CU, America/Panama PA, America/Costa_Rica CR,
            America/Guatemala GT, America/El_Salvador SV, America/Tegucigalpa HN, America/Managua NI,
            America/Santo_Domingo DO, America/Puerto_Rico PR, America/Jamaica JM, America/Port-au-Prince HT,
            America/Belize BZ, America/Guyana GY, America/Paramaribo SR, America/Cayenne GF, America/Nassau BS,
            America/Barbados BB, America/Port_of_Spain TT, America/Martinique MQ, America/Guadeloupe GP, America/Curacao CW,
            America/Aruba AW, America/Nuuk GL, America/Godthab GL, America/Danmarkshavn GL, America/Scoresbysund GL,
            America/Thule GL, America/Miquelon PM, America/Anguilla AI, America/Antigua AG, America/Dominica DM,
            America/Grenada GD, America/St_Kitts KN, America/St_Lucia LC, America/St_Vincent VC, America/Tortola VG,
            America/St_Thomas VI, America/Montserrat MS, America/Cayman KY, America/Grand_Turk TC, America/Kralendijk BQ,
            America/Lower_Princes SX, America/Marigot MF, America/St_Barthelemy BL,
            Asia/Tokyo JP, Asia/Seoul KR, Asia/Pyongyang KP, Asia/Shanghai CN, Asia/Chongqing CN, Asia/Harbin CN,
            Asia/Urumqi CN, Asia/Hong_Kong HK, Asia/Macau MO, Asia/Taipei TW, Asia/Manila PH, Asia/Singapore SG,
            Asia/Kuala_Lumpur MY, Asia/Kuching MY, Asia/Jakarta ID, Asia/Pontianak ID, Asia/Makassar ID, Asia/Jayapura ID,
            Asia/Bangkok TH, Asia/Ho_Chi_Minh VN, Asia/Saigon VN, Asia/Phnom_Penh KH, Asia/Vientiane LA, Asia/Yangon MM,
            Asia/Rangoon MM, Asia/Dhaka BD, Asia/Kolkata IN, Asia/Calcutta IN, Asia/Kathmandu NP, Asia/Thimphu BT,
            Asia/Colombo LK, Asia/Karachi PK, Asia/Kabul AF, Asia/Tehran IR, Asia/Dubai AE, Asia/Muscat OM, Asia/Qatar QA,
            Asia/Bahrain BH, Asia/Kuwait KW, Asia/Riyadh SA, Asia/Baghdad IQ, Asia/Amman JO, Asia/Damascus SY,
            Asia/Beirut LB, Asia/Jerusalem IL, Asia/Tel_Aviv IL, Asia/Gaza PS, Asia/Hebron PS, Asia/Nicosia CY,
            Asia/Famagusta CY, Asia/Tbilisi GE, Asia/Yerevan AM, Asia/Baku AZ, Asia/Tashkent UZ, Asia/Samarkand UZ,
            Asia/Almaty KZ, Asia/Qostanay KZ, Asia/Aqtobe KZ, Asia/Aqtau KZ, Asia/Atyrau KZ, Asia/Oral KZ,
            Asia/Qyzylorda KZ, Asia/Bishkek KG, Asia/Dushanbe TJ, Asia/Ashgabat TM, Asia/Ulaanbaatar MN, Asia/Hovd MN,
            Asia/Choibalsan MN, Asia/Brunei BN, Asia/Dili TL, Asia/Aden YE, Asia/Yekaterinburg RU, Asia/Omsk RU,
            Asia/Novosibirsk RU, Asia/Barnaul RU, Asia/Tomsk RU, Asia/Novokuznetsk RU, Asia/Krasnoyarsk RU, Asia/Irkutsk RU,
            Asia/Chita RU, Asia/Yakutsk RU, Asia/Khandyga RU, Asia/Vladivostok RU, Asia/Ust-Nera RU, Asia/Magadan RU,
            Asia/Sakhalin RU, Asia/Srednekolymsk RU, Asia/Kamchatka RU, Asia/Anadyr RU,
            Pacific/Auckland NZ, Pacific/Chatham NZ, Pacific/Honolulu US, Africa/Johannesburg ZA, Africa/Cairo EG,
            Africa/Lagos NG, Africa/Nairobi KE, Africa/Casablanca MA, Africa/Algiers DZ, Africa/Tunis TN, Africa/Accra GH,
            Eire IE, GB GB, GB-Eire GB, Poland PL, Portugal PT, Turkey TR, Iceland IS, Japan JP, ROK KR, PRC CN, ROC TW,
            Hongkong HK, Singapore SG, Israel IL, Iran IR, Egypt EG, NZ NZ, Cuba CU, Jamaica JM,
            America/Atka US, America/Fort_Wayne US, America/Knox_IN US, America/Shiprock US, America/Catamarca AR,
            America/Jujuy AR, America/Mendoza AR, America/Rosario AR, America/Coral_Harbour CA, America/Coyhaique CL,
            America/Ensenada MX, America/Santa_Isabel MX, America/Porto_Acre BR, America/Virgin VI, Asia/Ashkhabad TM,
            Asia/Chungking CN, Asia/Kashgar CN, Asia/Dacca BD, Asia/Istanbul TR, Asia/Katmandu NP, Asia/Macao MO,
            Asia/Thimbu BT, Asia/Ujung_Pandang ID, Asia/Ulan_Bator MN, Europe/Tiraspol MD
            """);

    /** Zone areas that all lie in one country: every Australia/* zone, US/*, the Indiana and Argentina sub-areas. */
    private static final List<Map.Entry<String, String>> AREAS = List.of(
            Map.entry("Australia/", "AU"), Map.entry("US/", "US"), Map.entry("Canada/", "CA"), Map.entry("Brazil/", "BR"),
            Map.entry("Mexico/", "MX"), Map.entry("Chile/", "CL"), Map.entry("America/Indiana/", "US"),
            Map.entry("America/Kentucky/", "US"), Map.entry("America/North_Dakota/", "US"), Map.entry("America/Argentina/", "AR"));

    /** Country → the language people there watch in (ISO 639-1), as metadata providers name it. */
    private static final Map<String, String> LANGUAGES = table("""
            NL nl, AD ca, RU ru, GR el, RS sr, DE de, SK sk, BE nl, RO ro, HU hu, MD ro, DK da, IE en, GI en, GG en, FI fi,
            IM en, TR tr, JE en, UA uk, PT pt, SI sl, GB en, LU fr, ES es, MT mt, AX sv, BY ru, MC fr, CY el, NO no, FR fr,
            ME sr, CZ cs, LV lv, IT it, SM it, BA bs, MK mk, BG bg, SE sv, EE et, AL sq, LI de, VA it, AT de, LT lt, PL pl,
            HR hr, CH de, IS is, FO fo, SJ no, BM en,
            US en, CA en, MX es, BR pt, AR es, CO es, PE es, CL es, VE es, UY es, PY es, BO es, EC es, CU es, PA es, CR es,
            GT es, SV es, HN es, NI es, DO es, PR es, JM en, HT fr, BZ en, GY en, SR nl, GF fr, BS en, BB en, TT en, MQ fr,
            GP fr, CW nl, AW nl, GL da, PM fr, AI en, AG en, DM en, GD en, KN en, LC en, VC en, VG en, VI en, MS en, KY en,
            TC en, BQ nl, SX nl, MF fr, BL fr,
            JP ja, KR ko, KP ko, CN zh, HK zh, MO zh, TW zh, PH en, SG en, MY ms, ID id, TH th, VN vi, KH km, LA lo, MM my,
            BD bn, IN hi, NP ne, BT dz, LK si, PK ur, AF fa, IR fa, AE ar, OM ar, QA ar, BH ar, KW ar, SA ar, IQ ar, JO ar,
            SY ar, LB ar, IL he, PS ar, GE ka, AM hy, AZ az, UZ uz, KZ kk, KG ky, TJ tg, TM tk, MN mn, BN ms, TL pt, YE ar,
            AU en, NZ en, ZA en, EG ar, NG en, KE en, MA ar, DZ ar, TN ar, GH en
            """);

    /** The language and country for an IANA time zone; English and the United States when it says nothing. */
    public static Region forTimeZone(String timeZone) {
        return countryOf(timeZone).filter(LANGUAGES::containsKey).map(c -> new Region(LANGUAGES.get(c), c)).orElse(FALLBACK);
    }

    /** The zone's country, by the tz database; empty for a zone of no single country (UTC, Etc/*) or one unknown here. */
    static java.util.Optional<String> countryOf(String timeZone) {
        if (timeZone == null) {
            return java.util.Optional.empty();
        }
        String country = ZONES.get(timeZone);
        for (int i = 0; country == null && i < AREAS.size(); i++) {
            if (timeZone.startsWith(AREAS.get(i).getKey())) {
                country = AREAS.get(i).getValue();
            }
        }
        return java.util.Optional.ofNullable(country);
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

    /** "key value, key value, …" → a map; a key listed twice is a slip in the table. */
    private static Map<String, String> table(String pairs) {
        Map<String, String> out = new HashMap<>();
        for (String pair : pairs.split(",")) {
            String[] kv = pair.strip().split("\\s+");
            if (kv.length != 2 || out.put(kv[0], kv[1]) != null) {
                throw new IllegalStateException("MediaDefaults table: bad or repeated entry '" + pair.strip() + "'");
            }
        }
        return Map.copyOf(out);
    }
}
