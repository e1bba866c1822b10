package dev.berth.wizardsteps.core;

import dev.berth.engine.wire.WiringResult;

/**
 * How the wiring's links came out, in words the Deploy and Done pages share: "all 6 links work",
 * "1 link of 6 needs attention".
 *
 * @param total            every link, those left as the person set them included
 * @param needingAttention those whose test failed or that could not be set up
 */
public record LinksTally(int total, int needingAttention) {
    public static LinksTally of(WiringResult result) {
        return new LinksTally(result.links().size(), result.needingAttention().size());
    }

    /** "All 6 links work", "The link works", "1 link of 6 needs attention", "2 links of 6 need attention"; no full stop. */
    public String sentence() {
        if (needingAttention == 0) {
            return total == 1 ? "The link works" : "All " + total + " links work";
        }
        return (needingAttention == 1 ? "1 link of " : needingAttention + " links of ") + total
                + (needingAttention == 1 ? " needs" : " need") + " attention";
    }

    /** The Deploy page's last words about the wiring: the stack is up either way, and where to look. */
    public String afterDeploy() {
        String tally = sentence().substring(0, 1).toLowerCase(java.util.Locale.ROOT) + sentence().substring(1);
        return "Berth connected the apps: " + tally + (needingAttention == 0 ? "." : "; the Done page says what to do.");
    }
}
