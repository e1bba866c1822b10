package dev.berth.engine.npm;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * NPM's answer to {@code GET /api/}.
 *
 * @param status "OK" when the API is up
 * @param setup  whether a user exists: false until NPM has created the admin from
 *               INITIAL_ADMIN_EMAIL and INITIAL_ADMIN_PASSWORD
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ApiStatus(String status, boolean setup) {
}
