package dev.berth.engine.wire;

import java.util.List;

/**
 * One app Berth sets up through its own API once it runs, beyond what {@link AppSync} does for the
 * *arr apps' providers: a media server's first run and libraries, Seerr's connection to the media
 * server and to Sonarr/Radarr, Bazarr's connection and language profile. Chosen by the catalog's
 * {@code setup.kind} ({@link AppSetups}).
 *
 * <p>Like {@link AppSync}, a setup asks first and writes only what differs, so a second run sends no
 * write at all; it never touches what the person made (a real user, a library of their own); and a
 * failure of the app is a {@link Link} needing attention with what the app said and what to do,
 * never an exception.
 */
public interface AppSetup {

    /** When it runs within one wiring run. */
    enum Phase {
        /** Before the *arr apps: nothing it sets depends on them (the media servers). */
        BEFORE_ARR_APPS,
        /** After the *arr apps and Prowlarr: it reads what they hold (Seerr, Bazarr). */
        AFTER_ARR_APPS
    }

    /** The compose service ("jellyfin"). */
    String service();

    /** The app's name for links and messages ("Jellyfin"). */
    String displayName();

    Phase phase();

    /** Sets what is wanted (no write when nothing differs), then proves it. */
    SetupResult apply(SetupContext context) throws InterruptedException;

    /** Only reads and tests what is set: not one write request. */
    List<Link> testOnly(SetupContext context) throws InterruptedException;
}
