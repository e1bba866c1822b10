package dev.berth.render.clients;

import static dev.berth.render.clients.TestClients.PASSWORD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** nzbget.conf: TRaSH's usenet folders, sign-in, port and categories; the person's lines and categories stay. */
class NzbgetConfTest {
    private static final String START = "WebDir=${AppDir}/webui\nLockFile=/config/nzbget.lock\n";
    private final NzbgetConf format = new NzbgetConf();
    private final ClientFacts facts = TestClients.usenet("nzbget", 6789, "nzbget", List.of("tv", "movies"));
    /** Berth's folders, sign-in and port, as it writes them. */
    private static final String BERTHS_KEYS = """
            MainDir=/data/usenet
            DestDir=/data/usenet/complete
            InterDir=/data/usenet/incomplete
            ControlUsername=nzbget
            ControlPassword=%s
            ControlPort=6789
            """.formatted(PASSWORD);

    @Test
    void aNewFileStartsFromTheImagesLinesWithBerthsKeys() {
        SettingsMerge merge = format.merge(Optional.empty(), START, facts);
        assertEquals(START + BERTHS_KEYS + """
                Category1.Name=tv
                Category1.DestDir=/data/usenet/complete/tv
                Category2.Name=movies
                Category2.DestDir=/data/usenet/complete/movies
                """, merge.content());
        assertEquals(List.of("MainDir", "DestDir", "InterDir", "ControlUsername", "ControlPassword", "ControlPort",
                "Category1.Name", "Category1.DestDir", "Category2.Name", "Category2.DestDir"), merge.setKeys());
        TestClients.setsNothingAgain(format, merge, facts);
    }

    /** NZBGet's own template, as the image copies it: comments and the person's categories stay, in place. */
    @Test
    void thePersonsCategoriesKeepTheirNumbersAndNewOnesTakeTheNextFree() {
        String theirs = "# Root directory for all tasks.\n" + BERTHS_KEYS + """

                ### CATEGORIES ###
                Category1.Name=Software
                Category1.DestDir=
                # Their own TV category, named as Berth names it, with their options.
                category2.name=TV
                Category2.DestDir=/data/usenet/complete/tv
                Category2.Unpack=yes
                Category3.Name=Books
                """;
        SettingsMerge merge = format.merge(Optional.of(theirs), null, facts);
        assertEquals(List.of("Category4.Name", "Category4.DestDir"), merge.setKeys());
        assertEquals(theirs + "Category4.Name=movies\nCategory4.DestDir=/data/usenet/complete/movies\n", merge.content());
        SettingsMerge withLidarr = format.merge(Optional.of(merge.content()), null,
                TestClients.usenet("nzbget", 6789, "nzbget", List.of("tv", "movies", "music")));
        assertEquals(List.of("Category5.Name", "Category5.DestDir"), withLidarr.setKeys());
        TestClients.keepsEveryOtherLine(merge.content(), withLidarr.content(), List.of());
    }

    @Test
    void aChangedPasswordChangesOnlyItsLine() {
        String mine = format.merge(Optional.empty(), START, facts).content();
        SettingsMerge merge = format.merge(Optional.of(mine), START,
                new ClientFacts("nzbget", 6789, false, null, "/data/usenet", "nzbget", "other", null, List.of("tv", "movies")));
        assertEquals(List.of("ControlPassword"), merge.setKeys());
        assertEquals(mine.replace("ControlPassword=" + PASSWORD, "ControlPassword=other"), merge.content());
        assertTrue(!merge.toString().contains("other"));
    }
}
