package dev.berth.engine.target;

import com.github.dockerjava.api.DockerClient;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.channel.ClientChannel;
import org.apache.sshd.client.session.ClientSession;

/** A server over SSH (Apache MINA SSHD): programs over exec channels, files over SFTP, Docker over dial-stdio. */
public final class SshTarget implements Target {
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

    /** Connects with ~/.ssh/config, ~/.ssh/known_hosts and the usual keys. */
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
        return run(argv, timeout);
    }

    /**
     * A fixed command line for a shell, for Berth's own probes that need the shell itself (e.g.
     * its builtin {@code command -v}). Never pass input here; use {@link #exec}.
     */
    ExecResult execShell(String commandLine, Duration timeout) throws TargetException {
        return run(List.of("/bin/sh", "-c", commandLine), timeout);
    }

    /**
     * Runs argv and waits for it. At its time limit, or when the waiting thread is interrupted (a
     * cancelled job), the program is stopped on the server ({@link RemoteCommand#stop}), without
     * SSH signals, which OpenSSH refuses for root.
     */
    private ExecResult run(List<String> argv, Duration timeout) throws TargetException {
        String program = argv.getFirst();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (RemoteCommand command = RemoteCommand.start(channels, argv, out, err)) {
            boolean ended;
            try {
                ended = command.await(timeout);
            } catch (InterruptedException e) {
                command.stop();
                Thread.currentThread().interrupt();
                throw new TargetException(TargetException.Reason.OTHER, "Interrupted while running " + program + " on "
                        + description() + "; it was stopped there.", e);
            }
            if (!ended) {
                command.stop();
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
    public LoopbackTunnel openTunnel(int remotePort) throws TargetException {
        return SshTunnel.open(session, remotePort, description());
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
