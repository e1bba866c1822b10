package dev.berth.engine.target;

import com.github.dockerjava.api.DockerClient;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.EnumSet;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.channel.ClientChannel;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.session.ClientSession;

/** A server over SSH (Apache MINA SSHD): programs over exec channels, files over SFTP, Docker over dial-stdio. */
public final class SshTarget implements Target {
    /** How often a running program looks whether the deploy was cancelled. */
    private static final Duration CANCEL_CHECK = Duration.ofMillis(200);
    private final SshClient client;
    private final ClientSession session;
    private final ResolvedHost host;
    private final ChannelOpener channels;
    private final SftpFiles files;
    private DockerClient docker;

    private SshTarget(SshLogin.Opened opened, ResolvedHost host) {
        this.client = opened.client();
        this.session = opened.session();
        this.host = host;
        this.channels = new ChannelOpener(session, host.describe());
        this.files = new SftpFiles(channels, session, host.describe());
    }

    /** Connects with ~/.ssh/config, ~/.ssh/known_hosts, the ssh-agent of SSH_AUTH_SOCK and the usual keys. */
    public static SshTarget connect(SshDestination destination) throws TargetException {
        return connect(destination, SshSettings.defaults());
    }

    public static SshTarget connect(SshDestination destination, SshSettings settings) throws TargetException {
        ResolvedHost host = ResolvedHost.resolve(destination, settings);
        return new SshTarget(SshLogin.open(destination, settings, host), host);
    }

    @Override
    public String description() {
        return host.describe();
    }

    /**
     * False once the connection is gone: closed here, dropped by the server, or declared dead after
     * three heartbeats without an answer. A new SshTarget is then needed.
     */
    public boolean connected() {
        return session.isOpen() && !session.isClosing();
    }

    /** The user logged in as (from the destination, the SSH config, or the local user name). */
    public String user() {
        return host.user();
    }

    @Override
    public ExecResult exec(List<String> argv, Duration timeout) throws TargetException {
        return run(argv, timeout, () -> false);
    }

    /** Stopped on a cancel the way a program is stopped at its time limit. */
    @Override
    public ExecResult exec(List<String> argv, Duration timeout, BooleanSupplier cancelled) throws TargetException {
        return run(argv, timeout, cancelled);
    }

    /**
     * A fixed command line for a shell, for Berth's own probes that need the shell itself (e.g.
     * its builtin {@code command -v}). Never pass input here; use {@link #exec}.
     */
    ExecResult execShell(String commandLine, Duration timeout) throws TargetException {
        return run(List.of("/bin/sh", "-c", commandLine), timeout, () -> false);
    }

    /**
     * Runs argv and waits for it. At its time limit, on a cancel, or when the waiting thread is
     * interrupted, the program is stopped on the server ({@link RemoteCommand#stop}), without SSH
     * signals, which OpenSSH refuses for root.
     */
    private ExecResult run(List<String> argv, Duration timeout, BooleanSupplier cancelled) throws TargetException {
        String program = argv.getFirst();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (RemoteCommand command = RemoteCommand.start(channels, argv, out, err)) {
            boolean ended;
            try {
                ended = awaitEnd(command, timeout, cancelled);
            } catch (InterruptedException e) {
                command.stop();
                Thread.currentThread().interrupt();
                throw new TargetException(TargetException.Reason.OTHER, "Interrupted while running " + program + " on "
                        + description() + "; it was stopped there.", e);
            }
            if (!ended) {
                command.stop();
                if (cancelled.getAsBoolean()) {
                    return new ExecResult(ExecResult.CANCELLED, text(out), program + " was stopped: the deploy was cancelled");
                }
                return new ExecResult(ExecResult.TIMED_OUT, text(out), program + " did not finish within "
                        + seconds(timeout) + " on " + description());
            }
            Integer status = command.exitStatus();
            if (status == null) {
                throw SshErrors.connectionLost(description(), session.isOpen() ? null : new IOException("session closed"));
            }
            return new ExecResult(status, text(out), text(err));
        }
    }

    /**
     * Without the wrapper of {@link RemoteCommand}: the program reads the channel's input itself,
     * and is never stopped early (see {@link Target#execStreaming}); at the time limit the channel
     * is closed and the program left to finish.
     */
    @Override
    public ExecResult execStreaming(List<String> argv, byte[] input, Duration timeout, OutputStream output)
            throws TargetException {
        StreamTee out = new StreamTee(output);
        StreamTee err = new StreamTee(output);
        ClientChannel channel = channels.exec(ShellQuote.join(argv), out, err);
        try {
            try (OutputStream in = channel.getInvertedIn()) {
                in.write(input);
                in.flush();
            } catch (IOException e) {
                // The program ended without reading it all, or the connection went: both show below.
            }
            if (!channel.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), timeout).contains(ClientChannelEvent.CLOSED)) {
                return new ExecResult(ExecResult.TIMED_OUT, out.text(), argv.getFirst() + " did not finish within "
                        + seconds(timeout) + " on " + description());
            }
            Integer status = channel.getExitStatus();
            if (status == null) {
                throw SshErrors.connectionLost(description(), session.isOpen() ? null : new IOException("session closed"));
            }
            return new ExecResult(status, out.text(), err.text());
        } finally {
            channel.close(false);
        }
    }

    /** Waits for the command to end, for at most {@code timeout}, looking a few times a second whether to give up. */
    private static boolean awaitEnd(RemoteCommand command, Duration timeout, BooleanSupplier cancelled) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long slice = Math.max(0, Math.min(CANCEL_CHECK.toNanos(), deadline - System.nanoTime()));
            if (command.await(Duration.ofNanos(slice))) {
                return true;
            }
            if (cancelled.getAsBoolean() || System.nanoTime() - deadline >= 0) {
                return false;
            }
        }
    }

    /**
     * A flock(1) process on the server (see {@link FlockCommand}) reading its input from an open
     * channel of this connection: closing the channel, or the connection ending for any reason,
     * ends it and frees the lock.
     */
    @Override
    public Optional<TargetLock> tryLock(String path) throws TargetException {
        FlockCommand.Watch watch = new FlockCommand.Watch();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ClientChannel channel = openChannel(ShellQuote.join(FlockCommand.argv(path)), watch, err);
        channel.addCloseFutureListener(f -> watch.ended());
        if (watch.awaitLocked()) {
            return Optional.of(() -> {
                try {
                    channel.getInvertedIn().close(); // the end of cat's input: it exits, and flock with it
                } catch (IOException ignored) {
                    // the channel is closed next either way
                }
                channel.close(false);
            });
        }
        channel.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), FlockCommand.LIMIT);
        Integer status = channel.getExitStatus();
        channel.close(false);
        if (status != null && status == FlockCommand.BUSY) {
            return Optional.empty();
        }
        if (!session.isOpen()) {
            throw SshErrors.connectionLost(description(), null);
        }
        if (status != null && status == 127) {
            throw new TargetException(TargetException.Reason.OTHER, "flock is not installed on " + description()
                    + "; Berth needs it to keep two deploys of one stack apart. Install util-linux (or BusyBox's flock) there.");
        }
        throw new TargetException(TargetException.Reason.FILE, "Cannot lock " + path + " on " + description() + ": "
                + (status == null ? "no answer within " + seconds(FlockCommand.LIMIT) : err.toString(StandardCharsets.UTF_8).strip()));
    }

    /** An open exec channel running {@code command} as it is (no wrapper); see {@link ChannelOpener#exec}. */
    ClientChannel openChannel(String command, OutputStream out, OutputStream err) throws TargetException {
        return channels.exec(command, out, err);
    }

    /** "10 s", "0.5 s": limits below a second are common in checks and must not read "0 s". */
    static String seconds(Duration d) {
        long ms = d.toMillis();
        return (ms % 1000 == 0 ? String.valueOf(ms / 1000) : String.valueOf(ms / 1000.0)) + " s";
    }

    private static String text(ByteArrayOutputStream out) {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Override
    public RemoteFiles files() {
        return files;
    }

    @Override
    public synchronized DockerClient docker() throws TargetException {
        if (docker == null) {
            docker = SshDocker.connect(this);
        }
        return docker;
    }

    /** A local port forwarding on this connection; closing the target ends it too. */
    @Override
    public LoopbackTunnel openTunnel(String host, int port) throws TargetException {
        return SshTunnel.open(session, host, port, description());
    }

    /**
     * Ends the connection. Safe from another thread while work is in progress (a cancel): the
     * session closes first, so whatever waits on the server fails at once with CONNECTION_LOST.
     */
    @Override
    public void close() {
        SshLogin.closeQuietly(client, session);
        DockerClient d;
        synchronized (this) {
            d = docker;
            docker = null;
        }
        if (d != null) {
            try {
                d.close();
            } catch (IOException ignored) {
                // Its channels went with the session.
            }
        }
        files.close();
    }
}
