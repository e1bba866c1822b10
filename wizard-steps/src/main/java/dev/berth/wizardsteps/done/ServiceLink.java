package dev.berth.wizardsteps.done;

/**
 * One service of the running stack on the Done page.
 *
 * @param name the name a person knows, e.g. Jellyfin
 * @param url  where to open it, or null for a service without a web page (it works in the background)
 */
public record ServiceLink(String name, String url) {
    public boolean hasPage() {
        return url != null;
    }
}
