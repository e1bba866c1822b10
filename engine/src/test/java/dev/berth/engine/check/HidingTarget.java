package dev.berth.engine.check;

import com.github.dockerjava.api.DockerClient;
import dev.berth.engine.target.ExecResult;
import dev.berth.engine.target.FileStat;
import dev.berth.engine.target.LoopbackTunnel;
import dev.berth.engine.target.RemoteFiles;
import dev.berth.engine.target.Target;
import dev.berth.engine.target.TargetException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * This computer with some things taken away: programs that "are not installed", paths that
 * "do not exist", or a Docker engine that refuses this user. Everything else is the real thing,
 * so a check sees exactly what a machine without those would show it.
 */
public final class HidingTarget implements Target {
    private final Target real;
    private final Set<String> hiddenCommands;
    private final Set<String> hiddenPaths;
    private final TargetException dockerError;

    /** @param hiddenCommands argv prefixes joined by spaces, e.g. "docker compose" */
    public HidingTarget(Target real, Set<String> hiddenCommands, Set<String> hiddenPaths, TargetException dockerError) {
        this.real = real;
        this.hiddenCommands = hiddenCommands;
        this.hiddenPaths = hiddenPaths;
        this.dockerError = dockerError;
    }

    @Override
    public String description() {
        return real.description();
    }

    @Override
    public ExecResult exec(List<String> argv, Duration timeout) throws TargetException {
        for (String hidden : hiddenCommands) {
            if (String.join(" ", argv).startsWith(hidden)) {
                // What a shell on the server says for a missing program.
                return new ExecResult(127, "", "sh: 1: " + argv.getFirst() + ": not found");
            }
        }
        return real.exec(argv, timeout);
    }

    @Override
    public ExecResult execStreaming(List<String> argv, byte[] input, Duration timeout, java.io.OutputStream output)
            throws TargetException {
        return real.execStreaming(argv, input, timeout, output);
    }

    @Override
    public Optional<dev.berth.engine.target.TargetLock> tryLock(String path) throws TargetException {
        return real.tryLock(path);
    }

    @Override
    public RemoteFiles files() {
        RemoteFiles files = real.files();
        return new RemoteFiles() {
            @Override
            public byte[] read(String path) throws TargetException {
                return files.read(path);
            }

            @Override
            public void writeAtomic(String path, byte[] content, int mode) throws TargetException {
                files.writeAtomic(path, content, mode);
            }

            @Override
            public void overwrite(String path, byte[] content) throws TargetException {
                files.overwrite(path, content);
            }

            @Override
            public String stage(String path, byte[] content, int mode) throws TargetException {
                return files.stage(path, content, mode);
            }

            @Override
            public void commit(String staged, String path) throws TargetException {
                files.commit(staged, path);
            }

            @Override
            public void mkdirs(String path) throws TargetException {
                files.mkdirs(path);
            }

            @Override
            public Optional<FileStat> stat(String path) throws TargetException {
                return hiddenPaths.contains(path) ? Optional.empty() : files.stat(path);
            }

            @Override
            public void chown(String path, int uid, int gid) throws TargetException {
                files.chown(path, uid, gid);
            }

            @Override
            public void deleteFile(String path) throws TargetException {
                files.deleteFile(path);
            }
        };
    }

    @Override
    public DockerClient docker() throws TargetException {
        if (dockerError != null) {
            throw dockerError;
        }
        return real.docker();
    }

    @Override
    public LoopbackTunnel openTunnel(String host, int port) throws TargetException {
        return real.openTunnel(host, port);
    }

    @Override
    public void close() {
        real.close();
    }
}
