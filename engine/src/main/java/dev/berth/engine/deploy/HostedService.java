package dev.berth.engine.deploy;

/**
 * One service of a stack across several hosts, as {@code berth status} shows it (issue 17).
 *
 * @param host   the host it runs on now ({@code berth.host} of its node for a Swarm-scheduled one);
 *               empty when it runs nowhere
 * @param swarm  Swarm schedules it, so {@code host} is where Swarm put it and may change
 * @param report its state, web page and details, as on one host
 */
public record HostedService(String host, boolean swarm, DeployReport.ServiceReport report) {
    public String service() {
        return report.service();
    }
}
