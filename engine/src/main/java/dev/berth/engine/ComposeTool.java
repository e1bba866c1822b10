package dev.berth.engine;

import dev.berth.engine.check.CheckData;
import dev.berth.engine.target.ExecResult;
import dev.berth.engine.target.Target;
import dev.berth.engine.target.TargetException;
import dev.berth.render.ComposeDialect;
import dev.berth.render.DockerEngineVersion;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Compose program the target has, as an argv prefix: {@code docker compose} (v2, preferred)
 * or the old standalone {@code docker-compose} (1.29 accepted). Every Compose command of a
 * deploy is built here, so project, file and folder are always passed the same way: a stack is
 * only ever addressed by its project name, whatever folder Compose is started from.
 *
 * @param prefix  the program and, for the plugin, its sub-command
 * @param v2      whether it is Compose v2 (containers named {@code project-svc-1}, not {@code project_svc_1})
 * @param dialect what its compose.yaml may hold, by its version; {@link ComposeDialect#V1_COMPATIBLE} when not asked
 */
public record ComposeTool(List<String> prefix, boolean v2, ComposeDialect dialect) {
    public static final ComposeTool PLUGIN = new ComposeTool(List.of("docker", "compose"), true);
    public static final ComposeTool STANDALONE_V1 = new ComposeTool(List.of("docker-compose"), false);

    private static final Pattern VERSION = Pattern.compile("v?(\\d+)\\.(\\d+)[^\\s,]*");
    private static final Duration LIMIT = Duration.ofSeconds(10);

    public ComposeTool {
        prefix = List.copyOf(prefix);
    }

    /** A Compose program whose version was not asked: it is given compose.yaml that every Compose reads. */
    public ComposeTool(List<String> prefix, boolean v2) {
        this(prefix, v2, ComposeDialect.V1_COMPATIBLE);
    }

    /** What the preflight's Compose check found: no second detection when the checks already ran. */
    public static ComposeTool of(CheckData.ComposeCommand found) {
        ComposeDialect dialect;
        try {
            dialect = ComposeDialect.parse(found.version());
        } catch (IllegalArgumentException e) {
            dialect = ComposeDialect.V1_COMPATIBLE; // a version it cannot read: the file every Compose reads
        }
        return new ComposeTool(found.argv(), found.v2(), dialect);
    }

    /**
     * Asks the target, the same way {@code ComposeCheck} does: the plugin when it reports 2.x,
     * else {@code docker-compose} when it reports 2.x or at least 1.29.
     *
     * @throws TargetException when neither answers with a usable version
     */
    public static ComposeTool detect(Target target) throws TargetException {
        int[] plugin = version(target, PLUGIN.prefix);
        if (plugin != null && plugin[0] >= 2) {
            return new ComposeTool(PLUGIN.prefix, true, new ComposeDialect(plugin[0], plugin[1]));
        }
        int[] standalone = version(target, STANDALONE_V1.prefix);
        if (standalone != null && (standalone[0] >= 2 || standalone[0] == 1 && standalone[1] >= 29)) {
            return new ComposeTool(STANDALONE_V1.prefix, standalone[0] >= 2, new ComposeDialect(standalone[0], standalone[1]));
        }
        throw new TargetException(TargetException.Reason.OTHER, "Docker Compose (v2, or docker-compose 1.29 or newer) is not installed on "
                + target.description());
    }

    /**
     * What compose.yaml may hold for this Compose on the target's Docker engine (start_interval
     * from Docker 25). An engine that does not answer, or answers with a version Berth cannot
     * read, is taken for the oldest: that file every engine reads, and the deploy's own checks
     * say what is wrong with the engine.
     */
    public ComposeDialect dialectOn(Target target) {
        try {
            return dialect.on(DockerEngineVersion.parse(target.docker().versionCmd().exec().getVersion()));
        } catch (TargetException | RuntimeException e) {
            return dialect;
        }
    }

    /** {@code <compose> -p <project> -f <dir>/compose.yaml --project-directory <dir> <args...>}. */
    public List<String> argv(String project, String stackDir, String... args) {
        List<String> argv = new ArrayList<>(prefix);
        String dir = stackDir.endsWith("/") ? stackDir.substring(0, stackDir.length() - 1) : stackDir;
        argv.addAll(List.of("-p", project, "-f", dir + "/compose.yaml", "--project-directory", dir));
        argv.addAll(List.of(args));
        return argv;
    }

    /** major and minor, or null when the program is missing or prints no version. */
    private static int[] version(Target target, List<String> program) throws TargetException {
        List<String> cmd = new ArrayList<>(program);
        cmd.addAll(List.of("version", "--short"));
        ExecResult r;
        try {
            r = target.exec(cmd, LIMIT);
        } catch (TargetException e) {
            if (e.reason() == TargetException.Reason.CONNECTION_LOST) {
                throw e; // the machine is gone, not the program
            }
            return null; // the program is not installed here
        }
        Matcher m = VERSION.matcher(r.stdout().strip());
        return r.ok() && m.lookingAt() ? new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))} : null;
    }
}
