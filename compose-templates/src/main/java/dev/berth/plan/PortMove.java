package dev.berth.plan;

/**
 * A port that could not be the default one, and why.
 *
 * @param service  the service whose port moved
 * @param from     the port it wanted
 * @param to       the port it got
 * @param inside   true when the move is inside the VPN namespace (the app itself listens elsewhere);
 *                 false when only the host side moved
 * @param reason   who holds the wanted port
 */
public record PortMove(String service, int from, int to, boolean inside, String reason) {
}
