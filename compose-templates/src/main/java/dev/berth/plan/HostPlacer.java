package dev.berth.plan;

import java.util.Map;
import java.util.Optional;

/**
 * Proposes a host for every service of a multi-host plan (issue 17): hard rules first (Gluetun and
 * the apps it routes together; the data tree's users on one file system; a transcoding media server
 * on a host with {@code /dev/dri}; the catalog's {@code placement} section), the person's pins, the
 * previous layout kept where it still holds, then a score: free memory 40 %, free storage 30 %,
 * CPU 15 %, load 10 %, uptime 5 %.
 */
public final class HostPlacer {

    /**
     * @param plan      the whole stack's plan (every service, as for one host)
     * @param resources host name → what it has, for every host of {@code plan.answers().hosts()}
     * @param previous  the layout the stack was deployed with, kept where the rules still allow
     * @throws dev.berth.answers.InvalidAnswersException when a pin breaks a hard rule or names no host
     */
    public HostLayout place(StackPlan plan, Map<String, HostResources> resources, Optional<HostLayout> previous) {
        throw new UnsupportedOperationException("issue 17: h1 fills the placer");
    }
}
