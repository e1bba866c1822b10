package dev.berth.engine.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The app's own words are kept; what it echoes of the request, and its stack traces, are not. */
class ArrClientTest {

    @Test
    void validationFailuresKeepTheSettingAndTheMessageButNotTheValueSent() {
        String body = """
                [{"propertyName":"ApiKey","errorMessage":"API Key Incorrect","attemptedValue":"sabKEYsecret","severity":"error"},
                 {"propertyName":"","errorMessage":"Unable to connect to SABnzbd","attemptedValue":null,"severity":"error"}]""";

        assertEquals("ApiKey: API Key Incorrect; Unable to connect to SABnzbd", ArrClient.reason(body));
    }

    @Test
    void anErrorModelKeepsItsMessageButNotItsDescription() {
        String body = """
                {"message":"Database is locked","description":"System.Data.SQLite.SQLiteException: at NzbDrone.Core.Datastore..."}""";

        assertEquals("Database is locked", ArrClient.reason(body));
    }

    @Test
    void aBodyThatIsNotJsonGivesNoReason() {
        assertEquals("", ArrClient.reason("<html>502 Bad Gateway</html>"));
        assertEquals("", ArrClient.reason(""));
    }
}
