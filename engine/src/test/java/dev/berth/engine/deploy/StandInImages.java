package dev.berth.engine.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.berth.catalog.ServiceDefinition;
import dev.berth.catalog.WebEndpoint;
import dev.berth.engine.RequiresDocker;
import dev.berth.testsupport.ExternalTool;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Stand-ins for the catalog's images, since no registry is reachable here: tiny images made of
 * this machine's static BusyBox, tagged with the catalog's REAL image references, so a rendered
 * {@code compose.yaml} runs unchanged. Each answers its service's health path on its web port
 * with BusyBox httpd, and carries shims for what the catalog's health checks call (curl with
 * curl's flags, GNU wget options, {@code nc -z}, {@code redis-cli ping}, NPM's
 * {@code check-health}). Services whose catalog healthcheck is "builtin" (the real image has a
 * HEALTHCHECK) get one here too, every 2 s, so {@code depends_on: service_healthy} works.
 *
 * <p>The entrypoint is a script that ignores its arguments (exportarr's {@code [sonarr]}, redis'
 * {@code redis-server ...}, prometheus' flags) and traps SIGTERM, so {@code compose down} takes
 * a moment instead of Docker's 10 s kill timeout per container.
 *
 * <p>Built images carry a label with a hash of everything that went into them; an image that
 * already has the same label is not built again, so re-runs cost one {@code docker image inspect}
 * per service.
 */
public final class StandInImages {
    static final String LABEL = "dev.berth.test.stand-in";
    /** Bump to rebuild every stand-in after changing how they are made. */
    private static final String RECIPE = "5";

    /** How a failing stand-in fails. */
    public enum Failure {
        /** Runs, but no web server and every health check fails: the container never turns healthy. */
        NEVER_HEALTHY,
        /** Prints a line to stderr and exits 1 at once. */
        EXITS
    }

    private static final String STAND_IN = """
            #!/bin/sh
            # Stand-in entrypoint: arguments (the real image's command) are ignored on purpose.
            trap 'kill $child 2>/dev/null; exit 0' TERM INT
            case "$BERTH_STANDIN_FAILURE" in
              EXITS) echo "stand-in for $BERTH_STANDIN_SERVICE: failing on purpose" >&2; exit 1 ;;
              NEVER_HEALTHY) echo "stand-in for $BERTH_STANDIN_SERVICE: never healthy" >&2; sleep 1000000 & child=$!; wait $child; exit 0 ;;
            esac
            port=$(/usr/local/bin/stand-in-port)
            if [ -z "$port" ]; then
              sleep 1000000 & child=$!
            else
              echo "stand-in for $BERTH_STANDIN_SERVICE on port $port"
              httpd -f -p "$port" -h /www & child=$!
            fi
            wait $child
            """;

    /** The web port, moved by the service's port variable (e.g. qBittorrent's WEBUI_PORT) when set. */
    private static final String STAND_IN_PORT = """
            #!/bin/sh
            port="$BERTH_STANDIN_PORT"
            if [ -n "$BERTH_STANDIN_PORT_ENV" ]; then
              eval "moved=\\${$BERTH_STANDIN_PORT_ENV:-}"
              [ -n "$moved" ] && port="$moved"
            fi
            echo "$port"
            """;

    private static final String CHECK_HEALTH = """
            #!/bin/sh
            # The stand-in's own health check (also NPM's /usr/bin/check-health): the health path answers.
            [ "$BERTH_STANDIN_FAILURE" = NEVER_HEALTHY ] && exit 1
            # The gateway is healthy once its tunnel and control server are set up.
            [ -n "$BERTH_STANDIN_CONTROL_PORT" ] && exec test -f /tmp/stand-in-gateway-ready
            port=$(/usr/local/bin/stand-in-port)
            [ -z "$port" ] && exit 0
            exec /bin/busybox wget -q -O /dev/null "http://127.0.0.1:$port$BERTH_STANDIN_PATH"
            """;

    private static final String CURL = """
            #!/bin/sh
            # curl -fsS [-I] [-L] [-o FILE] URL, as the catalog's checks call it, done by busybox wget.
            out=-
            url=
            while [ $# -gt 0 ]; do
              case "$1" in
                -o|--output) out="$2"; shift ;;
                -*) ;;
                *) url="$1" ;;
              esac
              shift
            done
            exec /bin/busybox wget -q -O "$out" "$url"
            """;

    private static final String WGET = """
            #!/bin/sh
            # busybox wget without the GNU wget options some checks pass (--no-verbose, --tries).
            for a do
              shift
              case "$a" in
                --no-verbose|-nv|--tries=*) ;;
                *) set -- "$@" "$a" ;;
              esac
            done
            exec /bin/busybox wget "$@"
            """;

    private static final String NC = """
            #!/bin/sh
            # nc -z HOST PORT (port open?) with busybox nc, which has no -z.
            if [ "$1" = -z ]; then
              exec /bin/busybox nc -w 2 "$2" "$3" </dev/null >/dev/null
            fi
            exec /bin/busybox nc "$@"
            """;

    /**
     * Gluetun's stand-in (the catalog's VPN gateway), where the VPN proof looks: a {@code tun0} shaped like
     * OpenVPN's (BusyBox ip has no tuntap and the kernel here no dummy module, but a veth pair named
     * tun0/veth0 routes the same: 0.0.0.0/1 and 128.0.0.0/1 through it), its own DNS address in the
     * resolv.conf the routed apps share, and the control server (one {@code nc -ll -e} handler per
     * connection). Leaks on purpose: words in {@code /gluetun/berth-test/leak} at start, or
     * {@code docker exec … stand-in-leak WORD} later.
     */
    private static final String GATEWAY = """
            #!/bin/sh
            # Stopped, OpenVPN's tun0 goes with its process: the routed apps are left with the loopback alone.
            trap 'ip link del tun0 2>/dev/null; kill $child 2>/dev/null; exit 0' TERM INT
            ip link add name tun0 type veth
            ip addr add 10.2.0.2/32 dev tun0
            ip link set veth0 up
            ip link set tun0 up
            ip route add 0.0.0.0/1 dev tun0
            ip route add 128.0.0.0/1 dev tun0
            echo "nameserver 127.0.0.1" > /etc/resolv.conf
            for leak in $(cat /gluetun/berth-test/leak 2>/dev/null); do /usr/local/bin/stand-in-leak "$leak"; done
            echo "stand-in for $BERTH_STANDIN_SERVICE: tun0 up, control server on $BERTH_STANDIN_CONTROL_PORT"
            /bin/busybox nc -ll -p "$BERTH_STANDIN_CONTROL_PORT" -e /usr/local/bin/stand-in-control & child=$!
            touch /tmp/stand-in-gateway-ready
            wait $child
            """;

    /** Makes the gateway stand-in leak: {@code route} (no tunnel routes: out through eth0) or {@code dns} (a home router). */
    private static final String LEAK = """
            #!/bin/sh
            case "$1" in
              route) ip route del 0.0.0.0/1 dev tun0; ip route del 128.0.0.0/1 dev tun0 ;;
              dns) echo "nameserver 192.168.1.1" > /etc/resolv.conf ;;
              *) echo "stand-in-leak: route or dns, not $1" >&2; exit 2 ;;
            esac
            """;

    /**
     * One request to Gluetun's control server, as v3.39.1+ answers it: a route needs a role in
     * /gluetun/auth/config.toml whose apikey is the X-API-Key sent and whose routes list it, else 401.
     * The answers come from files the test writes into Gluetun's config folder ({@code berth-test/}).
     */
    private static final String CONTROL = """
            #!/bin/sh
            read -r method path version
            key=
            while read -r line; do
              line=$(printf %s "$line" | /bin/busybox tr -d '\\r')
              [ -z "$line" ] && break
              case "$line" in
                [Xx]-[Aa][Pp][Ii]-[Kk][Ee][Yy]:*) key=$(printf %s "${line#*:}" | sed 's/^ *//') ;;
              esac
            done
            path=${path%%\\?*}
            answer() {
              printf 'HTTP/1.1 %s\\r\\nContent-Type: %s\\r\\nContent-Length: %s\\r\\nConnection: close\\r\\n\\r\\n%s' "$1" "$2" "${#3}" "$3"
            }
            allowed() {
              [ -n "$1" ] && [ -f /gluetun/auth/config.toml ] || return 1
              /bin/busybox awk -v key="$1" -v route="\\"$2\\"" '
                /^[[:space:]]*\\[\\[roles\\]\\]/ { if (k == key && r) ok = 1; k = ""; r = 0; next }
                /^[[:space:]]*apikey[[:space:]]*=/ { v = $0; sub(/^[^=]*=[[:space:]]*"/, "", v); sub(/".*$/, "", v); k = v }
                index($0, route) { r = 1 }
                END { if (k == key && r) ok = 1; exit ok ? 0 : 1 }' /gluetun/auth/config.toml
            }
            if ! allowed "$key" "$method $path"; then answer "401 Unauthorized" text/plain "Unauthorized"; exit 0; fi
            case "$path" in
              /v1/publicip/ip) answer "200 OK" application/json "{\\"public_ip\\":\\"$(cat /gluetun/berth-test/public_ip 2>/dev/null)\\"}" ;;
              /v1/portforward) port=$(cat /gluetun/berth-test/forwarded_port 2>/dev/null); answer "200 OK" application/json "{\\"port\\":${port:-0}}" ;;
              /v1/vpn/status) answer "200 OK" application/json '{"status":"running"}' ;;
              *) answer "404 Not Found" text/plain "Not found" ;;
            esac
            """;

    private static final String REDIS_CLI = """
            #!/bin/sh
            echo PONG
            """;

    private static final List<String> APPLETS = List.of("sh", "httpd", "sleep", "cat", "echo", "ls", "mkdir", "true",
            "false", "id", "ps", "env", "kill", "test", "[", "sed", "grep", "head", "tail", "date", "hostname", "ip", "readlink",
            "touch");

    private final Path work;
    private final Path busybox;
    private String base;

    public StandInImages(Path work) {
        RequiresDocker.engine();
        this.work = work;
        this.busybox = ExternalTool.require("busybox", "apt-get install busybox-static");
    }

    /** Builds (or finds) the stand-in of every given service, tagged with its catalog image. */
    public List<String> build(Collection<ServiceDefinition> services) {
        List<String> tags = new ArrayList<>();
        for (ServiceDefinition s : services) {
            if (!tags.contains(s.image().reference())) {
                tags.add(build(s, null, s.image().reference()));
            }
        }
        return tags;
    }

    /** The stand-in of one service under its catalog tag. */
    public String build(ServiceDefinition service) {
        return build(service, null, service.image().reference());
    }

    /**
     * A stand-in that fails, under {@code tag}: pass a tag of your own (and point the compose file at
     * it) to leave the shared catalog tag alone, or the catalog tag to make the real file fail.
     */
    public String buildFailing(ServiceDefinition service, Failure failure, String tag) {
        return build(service, failure, tag);
    }

    private String build(ServiceDefinition service, Failure failure, String tag) {
        String baseImage = base();
        WebEndpoint web = service.web();
        String healthPath = web == null ? "" : web.healthPath();
        StringBuilder df = new StringBuilder();
        df.append("FROM ").append(baseImage).append('\n');
        df.append("COPY www /www\n");
        df.append("ENV BERTH_STANDIN_SERVICE=").append(service.id())
                .append(" BERTH_STANDIN_PORT=").append(web == null ? "\"\"" : String.valueOf(web.port()))
                .append(" BERTH_STANDIN_PORT_ENV=").append(web == null || web.portEnv() == null ? "\"\"" : web.portEnv())
                .append(" BERTH_STANDIN_PATH=\"").append(healthPath.replace("\"", "")).append("\"")
                .append(" BERTH_STANDIN_FAILURE=").append(failure == null ? "\"\"" : failure.name()).append('\n');
        if (service.vpnGateway() != null && failure == null) {
            df.append("ENV BERTH_STANDIN_CONTROL_PORT=").append(service.vpnGateway().controlPort()).append('\n');
            df.append("ENTRYPOINT [\"/usr/local/bin/stand-in-gateway\"]\n");
        }
        if (service.healthcheck() != null && service.healthcheck().builtin() || failure == Failure.NEVER_HEALTHY) {
            df.append("HEALTHCHECK --interval=2s --timeout=2s --retries=2 CMD [\"/usr/bin/check-health\"]\n");
        }
        String hash = sha256(baseImage + "\n" + df + "\n" + healthPath);
        df.append("LABEL ").append(LABEL).append('=').append(hash).append('\n');
        if (hash.equals(label(tag))) {
            return tag;
        }
        Path dir = work.resolve("stand-in-" + service.id() + (failure == null ? "" : "-" + failure));
        try {
            Path www = Files.createDirectories(dir.resolve("www"));
            Files.writeString(www.resolve("index.html"), "stand-in for " + service.id() + "\n");
            if (!healthPath.isEmpty()) {
                // httpd serves files: /api?mode=version is the file /www/api, /api/ its index.html.
                String path = healthPath.replaceFirst("[?#].*$", "");
                if (path.endsWith("/")) {
                    path += "index.html";
                }
                Path file = www.resolve(path.substring(1));
                Files.createDirectories(file.getParent());
                Files.writeString(file, "OK\n");
            }
            Files.writeString(dir.resolve("Dockerfile"), df.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        run(dir, "docker", "build", "-q", "-t", tag, ".");
        return tag;
    }

    /** The base image: BusyBox, applet links and the shims; built once per content hash. */
    private synchronized String base() {
        if (base != null) {
            return base;
        }
        try {
            byte[] bb = Files.readAllBytes(busybox);
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(bb);
            for (String s : List.of(RECIPE, STAND_IN, STAND_IN_PORT, CHECK_HEALTH, CURL, WGET, NC, REDIS_CLI, GATEWAY, LEAK, CONTROL,
                    String.join(",", APPLETS))) {
                md.update(s.getBytes(StandardCharsets.UTF_8));
            }
            String hash = HexFormat.of().formatHex(md.digest());
            String tag = "berth-test/stand-in-base:" + hash.substring(0, 16);
            if (!hash.equals(label(tag))) {
                Path root = work.resolve("stand-in-base/root");
                Files.createDirectories(root.resolve("bin"));
                Files.write(root.resolve("bin/busybox"), bb);
                Files.setPosixFilePermissions(root.resolve("bin/busybox"), PosixFilePermissions.fromString("rwxr-xr-x"));
                for (String applet : APPLETS) {
                    Files.createSymbolicLink(root.resolve("bin/" + applet), Path.of("busybox"));
                }
                Files.createDirectories(root.resolve("tmp"));
                Files.setPosixFilePermissions(root.resolve("tmp"), PosixFilePermissions.fromString("rwxrwxrwx"));
                for (String d : List.of("etc", "www", "config", "data")) {
                    Files.createDirectories(root.resolve(d));
                }
                script(root, "usr/local/bin/stand-in", STAND_IN);
                script(root, "usr/local/bin/stand-in-port", STAND_IN_PORT);
                script(root, "usr/bin/check-health", CHECK_HEALTH);
                script(root, "usr/bin/curl", CURL);
                script(root, "usr/local/bin/wget", WGET);
                script(root, "usr/local/bin/nc", NC);
                script(root, "usr/local/bin/redis-cli", REDIS_CLI);
                script(root, "usr/local/bin/stand-in-gateway", GATEWAY);
                script(root, "usr/local/bin/stand-in-leak", LEAK);
                script(root, "usr/local/bin/stand-in-control", CONTROL);
                Path tar = work.resolve("stand-in-base/rootfs.tar");
                run(work, "tar", "--owner=0", "--group=0", "-C", root.toString(), "-cf", tar.toString(), ".");
                run(work, "docker", "import",
                        "--change", "ENV PATH=/usr/local/bin:/usr/bin:/bin",
                        "--change", "ENTRYPOINT [\"/usr/local/bin/stand-in\"]",
                        "--change", "LABEL " + LABEL + "=" + hash,
                        tar.toString(), tag);
            }
            base = tag;
            return base;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void script(Path root, String path, String content) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    /** The stand-in label of an image, or "" when the image is not there. */
    private String label(String tag) {
        ExternalTool.Result r = ExternalTool.run(work, List.of("docker", "image", "inspect", "--format",
                "{{index .Config.Labels \"" + LABEL + "\"}}", tag));
        return r.exitCode() == 0 ? r.output().strip() : "";
    }

    private static void run(Path dir, String... argv) {
        try {
            ProcessBuilder pb = new ProcessBuilder(argv).directory(dir.toFile()).redirectErrorStream(true);
            // The classic builder: it builds from a local base with no registry and no BuildKit setup.
            pb.environment().put("DOCKER_BUILDKIT", "0");
            Process p = pb.start();
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
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

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
