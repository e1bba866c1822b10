/**
 * Several hosts joined into one stack (issue 17): the Docker Swarm Berth creates or joins across
 * them and the attachable overlay network every host's Compose project uses. Below the deploy
 * package: its jobs use this, never the other way round.
 */
package dev.berth.engine.cluster;
