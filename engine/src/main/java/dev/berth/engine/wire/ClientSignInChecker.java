package dev.berth.engine.wire;

import dev.berth.catalog.DownloadClientSpec;
import java.net.URI;
import java.util.function.BooleanSupplier;

/**
 * Berth's own proof that it can sign in to a download client with what it generated ({@code
 * ClientSignIns.check}): a {@link Link} from the client to "sign-in", OK or needing attention in
 * the client's own words.
 */
@FunctionalInterface
public interface ClientSignInChecker {
    /**
     * @param base     {@code http://host:port} as this computer reaches the client (already tunnelled)
     * @param username null when the client takes an API key only
     * @param password null with no user
     * @param apiKey   null when the client has none
     */
    Link check(DownloadClientSpec client, String displayName, URI base, String username, String password, String apiKey,
               BooleanSupplier cancelled);
}
