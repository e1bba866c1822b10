package dev.berth.engine.target;

import com.github.dockerjava.api.DockerClient;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * A machine Berth works on: this computer, or a server over SSH. Everything that touches the
 * machine goes through here, so checks, deploys and health run the same on both.
 */
public interface Target extends AutoCloseable {
    /** Who and where, for messages: "this computer", "media@nas.local:22". */
    String description();

    /**
     * Runs a program given as argv (never a shell string put together from input).
     *
     * @throws TargetException when the program cannot be started, or the connection fails; a
     *                         program that runs and exits non-zero is a normal {@link ExecResult}
     */
    ExecResult exec(List<String> argv, Duration timeout) throws TargetException;

    /**
     * Like {@link #exec(List, Duration)}, but stops the program as soon as {@code cancelled} says
     * so (it is asked a few times a second) and returns {@link ExecResult#CANCELLED}: a deploy's
     * long steps ({@code compose up}) must end when the person cancels, not minutes later.
     */
    default ExecResult exec(List<String> argv, Duration timeout, BooleanSupplier cancelled) throws TargetException {
        return exec(argv, timeout);
    }

    /**
     * Runs argv with {@code input} as its whole standard input (closed after it) and hands what it
     * prints, output and errors alike, to {@code output} as it comes: for long commands a person
     * watches (the guided Docker install), and for a sudo password, which must reach no argv, file
     * or log. The program is not stopped on the way, only at {@code timeout}: stopping apt or dnf
     * midway leaves the package database to repair, so a cancel waits for the command under way.
     * On this computer it runs in a session of its own, out of reach of a Ctrl-C on the terminal.
     *
     * @param output written to from other threads, one chunk at a time
     * @return its exit status and everything it printed
     */
    ExecResult execStreaming(List<String> argv, byte[] input, Duration timeout, java.io.OutputStream output)
            throws TargetException;

    /**
     * Tries to take an exclusive lock on a file of the target (created when missing; its folder
     * must exist). The lock is the kernel's, held by a process on the target that lives only as
     * long as this Berth process and its connection: when either ends, even killed, the lock is
     * free again, so a lock is never "stale" and is never taken over by guesswork.
     *
     * @return the held lock, or empty when another process holds it
     */
    Optional<TargetLock> tryLock(String path) throws TargetException;

    /** Files on the target: read, atomic write, mkdirs, chown, stat. */
    RemoteFiles files();

    /**
     * The Docker engine on the target, speaking an API version both sides support.
     *
     * @throws TargetException when the engine cannot be reached or is too old
     */
    DockerClient docker() throws TargetException;

    /**
     * A way to reach a TCP port on the target's own loopback from this computer, e.g. an admin
     * API the stack publishes. Over SSH the traffic goes through the SSH connection, so the
     * server's firewall need not let this computer in.
     *
     * @param remotePort the port on the target's 127.0.0.1
     * @throws TargetException when the forwarding cannot be set up (e.g. the SSH server forbids it)
     */
    default LoopbackTunnel openTunnel(int remotePort) throws TargetException {
        return openTunnel("127.0.0.1", remotePort);
    }

    /**
     * A way to reach a TCP port on an address the target reaches, e.g. a container's address on the
     * stack's network, for an app that publishes no host port. Over SSH the server opens each
     * connection to that address (what {@code ssh -L 0:HOST:PORT} does); on this computer it is the
     * address itself.
     *
     * @param host an address or name as the target resolves it
     * @param port the TCP port there
     * @throws TargetException when the forwarding cannot be set up (e.g. the SSH server forbids it)
     */
    LoopbackTunnel openTunnel(String host, int port) throws TargetException;

    @Override
    void close();
}
