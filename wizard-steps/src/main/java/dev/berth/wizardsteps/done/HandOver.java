package dev.berth.wizardsteps.done;

/**
 * What the Done page says beside an app's address about signing in: the sign-in Berth made (its
 * password handed over once), else the catalog's {@code handOver} sentence, else nothing.
 */
public sealed interface HandOver {
    /** A sign-in Berth made in the app: user, the password on the visit that hands it over, where it is kept. */
    record SignIn(SignInRow row) implements HandOver {
    }

    /** The catalog's sentence: how to sign in, or what is left to do and why. */
    record Note(String text) implements HandOver {
    }

    /** The address says it all. */
    record AddressOnly() implements HandOver {
    }

    HandOver ADDRESS_ONLY = new AddressOnly();
}
