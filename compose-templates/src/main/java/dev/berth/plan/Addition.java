package dev.berth.plan;

/**
 * A service in the plan that the person did not pick on the Apps screen, and why it is there.
 *
 * @param service the compose service name
 * @param reason  a sentence for the summary, e.g. "Sonarr hands every episode it finds to a download client."
 */
public record Addition(String service, String reason) {
}
