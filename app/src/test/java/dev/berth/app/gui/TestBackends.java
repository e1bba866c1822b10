package dev.berth.app.gui;

import dev.berth.engine.check.Check;
import dev.berth.engine.deploy.DeployOptions;
import dev.berth.wizardsteps.core.WizardBackend;
import dev.berth.wizardsteps.testing.Delegating;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The real backend with a shorter wait for health, so a stand-in that never turns healthy fails the
 * deploy soon, and the logs of failed first installs in the test's folder. Also used by tools/ (the
 * screenshot tour), through the app's test-jar.
 */
public final class TestBackends {
    private TestBackends() {
    }

    /** @param logFolder where the log of a first install that fails is kept (a test's temp folder, not the user's settings) */
    public static WizardBackend healthTimeout(Duration timeout, java.nio.file.Path logFolder) {
        return healthTimeout(timeout, logFolder, true);
    }

    /**
     * @param wiring whether the deploy wires the apps after the health wait; the screenshot tour's
     *               stand-in images answer only their health path, so there every link would fail
     */
    public static WizardBackend healthTimeout(Duration timeout, java.nio.file.Path logFolder, boolean wiring) {
        return shorterWait(WizardBackend.standard(), timeout, logFolder, wiring);
    }

    /**
     * As {@link #healthTimeout(Duration, java.nio.file.Path, boolean)}, but every check (the System
     * check page's and the deploy's own check before it changes anything) reports the guide's
     * healthy home server ({@link HomeServerChecks}), not this build machine: for the screenshot
     * tour, whose pictures must not show the build machine's warnings. The deploy itself still runs
     * for real on this computer.
     */
    public static WizardBackend homeServer(Duration timeout, java.nio.file.Path logFolder, boolean wiring) {
        return shorterWait(HomeServerChecks.backend(Map.of()), timeout, logFolder, wiring);
    }

    /** The time zone of the guide's home server, which its checks report; answers pictured with them use it too. */
    public static String homeServerTimeZone() {
        return HomeServerChecks.STORAGE.timeZone();
    }

    private static WizardBackend shorterWait(WizardBackend real, Duration timeout, java.nio.file.Path logFolder, boolean wiring) {
        return new Delegating(real) {
            @Override
            public List<Check> checks() {
                return real.checks();
            }

            @Override
            public DeployOptions deployOptions() {
                return real.deployOptions().withHealthTimeout(timeout).withLocalLogFolder(logFolder).withWiring(wiring);
            }
        };
    }
}
