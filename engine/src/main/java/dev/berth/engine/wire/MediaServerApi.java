package dev.berth.engine.wire;

/**
 * Where Jellyfin's and Emby's APIs differ. Jellyfin forked from Emby 3.5, so the calls are the same
 * but for these: the path prefix, the authorization header, whether the startup wizard's state is
 * public, the startup configuration's fields, how libraries are listed and added, and where the
 * person finds the pages a message names.
 *
 * @param pathPrefix      before every path ({@code emby/}: Emby's web server answers its API there)
 * @param authHeader      the header carrying {@code <scheme> Client=…, Device=…, DeviceId=…, Version=…, Token=…}
 * @param authScheme      the word before the parts
 * @param tokenHeader     a header carrying the token alone as well, or null (Emby documents {@code X-Emby-Token})
 * @param wizardInPublicInfo whether {@code System/Info/Public} tells {@code StartupWizardCompleted} (Jellyfin);
 *                        else the startup API answering without a sign-in tells the wizard is open (Emby)
 * @param namesServerAtStartup whether {@code Startup/Configuration} takes {@code ServerName} (Jellyfin's DTO has it;
 *                        Emby's has not, so Emby is named through {@code System/Configuration} after its first run)
 * @param librariesInQueryResult whether libraries are listed by {@code Library/VirtualFolders/Query} as
 *                        {@code {Items: […]}} and added with the whole {@code AddVirtualFolder} body (Emby), else
 *                        listed by {@code GET Library/VirtualFolders} as an array and added with query parameters
 * @param keyAppParameter the query parameter naming a new API key's app
 * @param librariesPage   where the person adds libraries by hand
 * @param keysPage        where the person makes an API key
 * @param usersPage       where the person sets a user's password
 * @param wizardStateFile the server's settings file, relative to its {@code /config} folder, whose
 *                        {@code <IsStartupWizardCompleted>true</IsStartupWizardCompleted>} says the first run
 *                        is done, read on the target as a second witness before a first run; null: none
 */
public record MediaServerApi(String pathPrefix, String authHeader, String authScheme, String tokenHeader,
                             boolean wizardInPublicInfo, boolean namesServerAtStartup, boolean librariesInQueryResult,
                             String keyAppParameter, String librariesPage, String keysPage, String usersPage,
                             String wizardStateFile) {

    /** Jellyfin 10.11 (its controllers; see FakeJellyfin). */
    public static final MediaServerApi JELLYFIN = new MediaServerApi("", "Authorization", "MediaBrowser", null, true, true, false,
            "app", "Dashboard → Libraries", "Dashboard → API Keys", "Dashboard → Users", null);

    /**
     * Emby 4.8/4.9 (its published OpenAPI and the startup service of its last open source; see FakeEmby).
     * Whether its wizard is open is read from its startup API answering without a sign-in, which no
     * published document of 4.9 confirms; its own settings file ({@code IsStartupWizardCompleted} of
     * its server configuration) is checked too, so a server already set up is never renamed by guess.
     */
    public static final MediaServerApi EMBY = new MediaServerApi("emby/", "X-Emby-Authorization", "Emby", "X-Emby-Token", false, false,
            true, "App", "Settings → Library", "Settings → Advanced → API Keys", "Settings → Users", "config/system.xml");
}
