package dev.berth.answers;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;


/**
 * One machine of a stack placed across several hosts ({@code hosts:} in berth.yaml): a short name
 * the plan, the files and the person use, and how Berth reaches it (this computer or SSH).
 * The first host of the list is the swarm's manager.
 *
 * @param name   lower-case, e.g. {@code nas}; it names the host's folder in {@code berth render}
 *               output and the Swarm node label {@code berth.host}
 * @param target  how Berth reaches it, as the single-host {@code target:}
 * @param address the address the other hosts reach it at (Swarm's advertise address, an NFS
 *                server's address); defaults to {@code target.host}, so needed for "this computer"
 */
public record HostAnswers(
        @NotNull(message = "give the host a short name, e.g. nas")
        @Pattern(regexp = "[a-z][a-z0-9-]{0,30}", message = "must be lower-case letters, digits or '-', starting with a letter (e.g. nas)")
        String name,
        @NotNull(message = "say how Berth reaches this host (target)") @Valid TargetAnswers target,
        @HostName String address) {

    /** The address other hosts reach it at: {@code address}, else the SSH host name; empty for this computer without one. */
    public java.util.Optional<String> reachableAt() {
        if (address != null && !address.isBlank()) {
            return java.util.Optional.of(address);
        }
        return target != null && target.kind() == TargetAnswers.Kind.SSH ? java.util.Optional.ofNullable(target.host()) : java.util.Optional.empty();
    }
}
