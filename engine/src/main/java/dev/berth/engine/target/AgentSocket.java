package dev.berth.engine.target;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ByteChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a running ssh-agent listens: a Unix domain socket ({@code SSH_AUTH_SOCK} on Linux and
 * macOS) or Windows' OpenSSH agent pipe. Either is a byte channel carrying the same messages.
 *
 * @param address     the socket's path, or the pipe's name ({@code \\.\pipe\openssh-ssh-agent})
 * @param windowsPipe true for a named pipe, opened as a file
 */
public record AgentSocket(String address, boolean windowsPipe) {
    /** The pipe Windows' own OpenSSH agent service listens on. */
    public static final String WINDOWS_PIPE = "\\\\.\\pipe\\openssh-ssh-agent";
    private static final String PIPE_PREFIX = "\\\\.\\pipe\\";

    public AgentSocket {
        Objects.requireNonNull(address, "address");
        if (address.isBlank()) {
            throw new IllegalArgumentException("no agent address");
        }
    }

    /** A Unix domain socket at this path. */
    public static AgentSocket unix(Path socket) {
        return new AgentSocket(socket.toString(), false);
    }

    /**
     * The agent ssh would use, read from the environment: {@code SSH_AUTH_SOCK} when set (on
     * Windows it may name a pipe), else on Windows the OpenSSH agent's pipe; empty when there is
     * none. Whether the agent really answers shows only when connecting.
     */
    public static Optional<AgentSocket> fromEnvironment(Map<String, String> env, String osName) {
        String sock = env.get("SSH_AUTH_SOCK");
        if (sock != null && !sock.isBlank()) {
            return Optional.of(new AgentSocket(sock, sock.startsWith(PIPE_PREFIX)));
        }
        if (osName.toLowerCase(Locale.ROOT).startsWith("windows")) {
            return Optional.of(new AgentSocket(WINDOWS_PIPE, true));
        }
        return Optional.empty();
    }

    /** Connects; an agent that is not running fails here (no such socket, or nobody listening). */
    ByteChannel open() throws IOException {
        if (windowsPipe) {
            // A named pipe opens like a file; its channel reads and writes the agent's messages.
            return new RandomAccessFile(address, "rw").getChannel();
        }
        return SocketChannel.open(UnixDomainSocketAddress.of(address));
    }

    /** As a person would recognise it in a message. */
    String describe() {
        return windowsPipe ? "ssh-agent at " + address : "ssh-agent at " + address + " (SSH_AUTH_SOCK)";
    }
}
