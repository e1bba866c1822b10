package dev.berth.engine.cluster;

import dev.berth.engine.target.Target;

/**
 * One host of a multi-host stack, connected.
 *
 * @param name    its name from {@code hosts:} (the Swarm node label {@code berth.host})
 * @param target  how Berth reaches it
 * @param address where the other hosts reach it (Swarm's advertise and listen address):
 *                {@code HostAnswers.reachableAt()}
 */
public record ClusterHost(String name, Target target, String address) {
}
