package dev.berth.catalog;

/**
 * A helper Prowlarr sends some indexers' requests through (FlareSolverr): Berth adds it to the
 * indexer manager as an indexer proxy with a tag, and the person gives that tag to the indexers
 * that need it.
 *
 * @param implementation the proxy's name in Prowlarr's API ({@code FlareSolverr}); its settings contract is
 *                       this name + {@code Settings}
 * @param tag            the tag that applies it to an indexer ({@code flaresolverr})
 */
public record IndexerProxySpec(String implementation, String tag) {
    /** The proxy's settings contract in Prowlarr: {@code FlareSolverrSettings}. */
    public String configContract() {
        return implementation + "Settings";
    }
}
