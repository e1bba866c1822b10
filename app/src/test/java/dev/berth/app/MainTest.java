package dev.berth.app;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MainTest {
    @Test
    void noArgumentsOrOnlyAnAnswersFileOpenTheWizard() {
        assertTrue(Main.opensWizard());
        assertTrue(Main.opensWizard("--answers", "berth.yaml"));
        assertTrue(Main.opensWizard("--answers=berth.yaml"));
    }

    @Test
    void everythingElseIsTheCommandLine() {
        assertFalse(Main.opensWizard("--help"));
        assertFalse(Main.opensWizard("render", "--answers", "berth.yaml", "--out", "stack"));
        assertFalse(Main.opensWizard("check"));
        assertFalse(Main.opensWizard("--answers"));
    }
}
