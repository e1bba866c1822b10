package dev.berth.engine.npm;

import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * Signs in as the admin, waiting a bounded time for NPM to be ready: right after a start its
 * nginx may answer 502 before the API is up, and it creates the admin from
 * INITIAL_ADMIN_EMAIL/PASSWORD only on first start. A refused password is waited out only while
 * NPM says it has no user yet; once it has one, a second refusal is final.
 */
final class AdminSignIn {
    private static final Duration FIRST_PAUSE = Duration.ofMillis(250);
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(2);

    private AdminSignIn() {
    }

    static void signIn(NpmClient client, NpmAdmin admin, Duration wait, BooleanSupplier cancelled)
            throws NpmException, InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        Duration pause = FIRST_PAUSE;
        boolean refusedByExistingAdmin = false;
        while (true) {
            if (cancelled.getAsBoolean()) {
                throw new CancellationException("cancelled while waiting to sign in to Nginx Proxy Manager");
            }
            boolean late = System.nanoTime() - deadline >= 0;
            try {
                client.signIn(admin.email(), admin.password());
                return;
            } catch (SignInRefusedException e) {
                if (late || refusedByExistingAdmin) {
                    throw e;
                }
                if (adminExists(client)) {
                    // The admin may have appeared between the refusal and the question: one more try tells.
                    refusedByExistingAdmin = true;
                    continue;
                }
            } catch (NpmException e) {
                if (!e.notReady()) {
                    throw e;
                }
                if (late) {
                    throw new NpmException(e.status(), e.getMessage() + ", still after " + wait.toSeconds()
                            + " s. Is Nginx Proxy Manager running? Its log (docker logs) tells why it does not start.", e);
                }
            }
            long left = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
            Thread.sleep(Math.min(pause.toMillis(), left));
            pause = pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause.multipliedBy(2);
        }
    }

    /** Whether NPM has a user; when it cannot say, the admin may still be on its way. */
    private static boolean adminExists(NpmClient client) throws InterruptedException {
        try {
            return client.status().setup();
        } catch (NpmException e) {
            return false;
        }
    }
}
