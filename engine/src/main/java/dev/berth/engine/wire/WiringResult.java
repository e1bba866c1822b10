package dev.berth.engine.wire;

import java.util.List;

/**
 * What wiring the stack did: every link with its proof, how many write requests it sent to the
 * apps (0 on a re-run with nothing to change), and the sign-ins Berth made for the person.
 *
 * @param links       in the order the table shows them
 * @param writes      create, update and delete requests sent (tests and reads do not count)
 * @param credentials the sign-ins to hand over
 */
public record WiringResult(List<Link> links, int writes, List<Credential> credentials) {
    public WiringResult {
        links = List.copyOf(links);
        credentials = List.copyOf(credentials);
    }

    public boolean allOk() {
        return links.stream().allMatch(l -> l.status() != Link.Status.NEEDS_ATTENTION);
    }

    public List<Link> needingAttention() {
        return links.stream().filter(l -> l.status() == Link.Status.NEEDS_ATTENTION).toList();
    }
}
