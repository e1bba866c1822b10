package dev.berth.engine.update;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SameTrackTest {
    /** Written down from the shapes of the real repositories' tag lists (no network here). */
    private static final List<String> LSIO_SONARR = List.of(
            "latest", "develop", "nightly", "4.0.14", "4.0.15", "4.0.16", "4.0.15.2941-ls301", "4.0.15.2941-ls302",
            "4.0.15.2941-ls303", "4.0.16.2944-ls304", "version-4.0.15.2941", "version-4.0.16.2944",
            "amd64-4.0.16", "arm64v8-4.0.16", "amd64-latest", "arm64v8-latest", "5.0.0.1203-ls12", "5.0.0",
            "4.0.17.2950-develop", "develop-4.0.17.2950-ls5", "4.0.17-beta");
    private static final List<String> WATCHTOWER = List.of(
            "latest", "1.16.0", "1.16.1", "1.16.2", "1.17.0-rc.1", "2.0.0", "latest-dev", "amd64-1.16.2", "1.16.2-arm64v8");
    private static final List<String> SEMVER_V = List.of(
            "latest", "develop", "v3.0.0", "v3.1.0", "v3.1.1", "v3.2.0-beta.1", "v4.0.0", "3.1.1", "sha-8f2c1a0");
    private static final List<String> REDIS = List.of(
            "latest", "alpine", "7.4", "7.4-alpine", "7.4.5-alpine", "7.6-alpine", "7-alpine", "8.0-alpine",
            "7.8-rc1-alpine", "7.6-bookworm", "7.6");
    private static final List<String> NZBGET = List.of(
            "latest", "testing", "version-v26.2", "version-v26.3", "version-v27.0", "v26.3-ls200", "testing-v26.4");

    static List<Object[]> table() {
        return List.of(
                new Object[] {"4.0.15", LSIO_SONARR, "4.0.16"},
                new Object[] {"4.0.16", LSIO_SONARR, null},
                new Object[] {"4.0.15.2941-ls302", LSIO_SONARR, "4.0.16.2944-ls304"},
                new Object[] {"version-4.0.15.2941", LSIO_SONARR, "version-4.0.16.2944"},
                new Object[] {"latest", LSIO_SONARR, null},
                new Object[] {"1.16.1", WATCHTOWER, "1.16.2"},
                new Object[] {"1.16.2", WATCHTOWER, null},
                new Object[] {"v3.1.0", SEMVER_V, "v3.1.1"},
                new Object[] {"7.4-alpine", REDIS, "7.6-alpine"},
                new Object[] {"version-v26.2", NZBGET, "version-v26.3"},
                new Object[] {"develop", SEMVER_V, null});
    }

    @ParameterizedTest(name = "{0} → {2}")
    @MethodSource("table")
    void newestOnTheSameTrack(String current, List<String> tags, String expected) {
        assertEquals(Optional.ofNullable(expected), SameTrack.newest(current, tags));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("preReleases")
    void aPreReleaseIsOfferedOnlyToAPreRelease(String current, List<String> tags, String expected) {
        assertEquals(Optional.ofNullable(expected), SameTrack.newest(current, tags));
    }

    static List<Object[]> preReleases() {
        return List.of(
                new Object[] {"4.0.15", List.of("4.0.16-beta", "4.0.16-rc", "4.0.16-develop", "4.0.16-nightly"), null},
                new Object[] {"4.0.15-beta", List.of("4.0.16-beta", "4.0.17"), "4.0.16-beta"},
                new Object[] {"1.2.3", List.of("1.2.4rc", "1.2.4"), "1.2.4"});
    }
}
