package dev.berth.engine.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.berth.engine.RequiresDocker;
import dev.berth.plan.BackupPlan;
import dev.berth.testsupport.ExternalTool;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The two images the backup runs, made from this machine's real programs since no registry is
 * reachable: {@code restic/restic:0.18.1} holds Debian's restic (0.14, the real thing, so every
 * backup, restore and check in the tests is restic's own) with {@code ssh} for SFTP repositories
 * and BusyBox for a shell, restic as its entrypoint like the real image; {@code docker:27.5.1-cli}
 * holds this machine's docker CLI and {@code flock} with BusyBox's {@code crond} and shell, and runs
 * its command like the real image's entrypoint does. Each is built from a root file system of
 * the programs and the libraries {@code ldd} names, and not built again while its inputs hash the same.
 */
public final class ResticImages {
    public static final String RESTIC = BackupPlan.RESTIC_IMAGE;
    public static final String DOCKER_CLI = "docker:27.5.1-cli";
    private static final String LABEL = "dev.berth.test.tool-image";
    private static final String RECIPE = "1";
    private static final List<String> APPLETS = List.of("sh", "ash", "cat", "echo", "ls", "mkdir", "rm", "mv", "cp", "true", "false",
            "sleep", "date", "grep", "sed", "tail", "head", "tr", "tee", "mktemp", "dirname", "basename", "id", "env", "test", "[",
            "crond", "touch", "chmod", "wc", "printf", "ps", "kill", "find");
    private static final String PASSWD = "root:x:0:0:root:/root:/bin/sh\n";
    private static final String GROUP = "root:x:0:\n";
    /** The real docker:cli image's entrypoint runs any command that is not a docker one as given. */
    private static final String DOCKER_ENTRYPOINT = """
            #!/bin/sh
            case "${1:-}" in
              -*|build|run|ps|exec|inspect|start|stop|version|info|images|pull|push) set -- docker "$@" ;;
            esac
            exec "$@"
            """;

    private final Path work;

    public ResticImages(Path work) {
        RequiresDocker.engine();
        this.work = work;
    }

    /** Builds (or finds) {@code restic/restic:0.18.1}. */
    public String restic() {
        Path restic = ExternalTool.require("restic", "apt-get install restic");
        Path ssh = ExternalTool.require("ssh", "apt-get install openssh-client");
        return build(RESTIC, List.of(restic, ssh), List.of("/usr/bin/restic", "/usr/bin/ssh"), "[\"/usr/bin/restic\"]", null);
    }

    /** Builds (or finds) {@code docker:27.5.1-cli}. */
    public String dockerCli() {
        Path docker = ExternalTool.require("docker", "apt-get install docker.io");
        // Debian's BusyBox has no flock applet (Alpine's, in the real image, has): the backup
        // script's lock takes this machine's own.
        Path flock = ExternalTool.require("flock", "apt-get install util-linux");
        return build(DOCKER_CLI, List.of(docker, flock), List.of("/usr/local/bin/docker", "/usr/bin/flock"),
                "[\"/usr/local/bin/docker-entrypoint.sh\"]", DOCKER_ENTRYPOINT);
    }

    private String build(String tag, List<Path> programs, List<String> placedAt, String entrypoint, String entrypointScript) {
        Path busybox = ExternalTool.require("busybox", "apt-get install busybox-static");
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update((RECIPE + tag + entrypoint + entrypointScript + APPLETS).getBytes(StandardCharsets.UTF_8));
            for (Path p : programs) {
                md.update(Files.readAllBytes(p.toRealPath()));
            }
            md.update(Files.readAllBytes(busybox));
            String hash = HexFormat.of().formatHex(md.digest());
            if (hash.equals(label(tag))) {
                return tag;
            }
            Path root = work.resolve("tool-image-" + hash.substring(0, 12) + "/root");
            Files.createDirectories(root.resolve("bin"));
            Files.copy(busybox, root.resolve("bin/busybox"), StandardCopyOption.REPLACE_EXISTING);
            executable(root.resolve("bin/busybox"));
            for (String applet : APPLETS) {
                Files.createSymbolicLink(root.resolve("bin/" + applet), Path.of("busybox"));
            }
            Set<String> libraries = new LinkedHashSet<>();
            for (int i = 0; i < programs.size(); i++) {
                Path target = root.resolve(placedAt.get(i).substring(1));
                Files.createDirectories(target.getParent());
                Files.copy(programs.get(i).toRealPath(), target, StandardCopyOption.REPLACE_EXISTING);
                executable(target);
                libraries.addAll(libraries(programs.get(i)));
            }
            for (String lib : libraries) {
                Path target = root.resolve(lib.substring(1));
                Files.createDirectories(target.getParent());
                Files.copy(Path.of(lib).toRealPath(), target, StandardCopyOption.REPLACE_EXISTING);
            }
            Files.createDirectories(root.resolve("etc"));
            Files.writeString(root.resolve("etc/passwd"), PASSWD);
            Files.writeString(root.resolve("etc/group"), GROUP);
            Files.createDirectories(root.resolve("root"));
            Files.createDirectories(root.resolve("tmp"));
            Files.setPosixFilePermissions(root.resolve("tmp"), PosixFilePermissions.fromString("rwxrwxrwx"));
            if (entrypointScript != null) {
                Path script = root.resolve("usr/local/bin/docker-entrypoint.sh");
                Files.createDirectories(script.getParent());
                Files.writeString(script, entrypointScript);
                executable(script);
            }
            Path tar = root.getParent().resolve("rootfs.tar");
            run(List.of("tar", "--owner=0", "--group=0", "-C", root.toString(), "-cf", tar.toString(), "."));
            run(List.of("docker", "import",
                    "--change", "ENV PATH=/usr/local/bin:/usr/bin:/bin",
                    "--change", "ENTRYPOINT " + entrypoint,
                    "--change", "LABEL " + LABEL + "=" + hash,
                    tar.toString(), tag));
            return tag;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The shared libraries {@code ldd} names for a program, the loader included. */
    private List<String> libraries(Path program) {
        ExternalTool.Result r = ExternalTool.run(work, List.of("ldd", program.toString()));
        List<String> libs = new ArrayList<>();
        for (String line : r.output().split("\n")) {
            String l = line.strip();
            int arrow = l.indexOf("=> ");
            String path = arrow >= 0 ? l.substring(arrow + 3) : l;
            int paren = path.indexOf(" (");
            if (paren >= 0) {
                path = path.substring(0, paren);
            }
            if (path.startsWith("/") && Files.exists(Path.of(path), LinkOption.NOFOLLOW_LINKS)) {
                libs.add(path);
            }
        }
        return libs;
    }

    private static void executable(Path file) throws IOException {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private String label(String tag) {
        ExternalTool.Result r = ExternalTool.run(work, List.of("docker", "image", "inspect", "--format",
                "{{index .Config.Labels \"" + LABEL + "\"}}", tag));
        return r.exitCode() == 0 ? r.output().strip() : "";
    }

    private void run(List<String> argv) {
        try {
            Process p = new ProcessBuilder(argv).directory(work.toFile()).redirectErrorStream(true).start();
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(300, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
            assertEquals(0, p.exitValue(), String.join(" ", argv) + ": " + new String(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
