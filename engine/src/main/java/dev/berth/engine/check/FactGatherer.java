package dev.berth.engine.check;

import dev.berth.engine.target.ExecResult;
import dev.berth.engine.target.Target;
import dev.berth.engine.target.TargetException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Learns the {@link TargetFacts}: the quick programs' answers (clock, CPU, ids, routes) from one
 * command ({@link ProgramBatch}), the files and slower probes on their own, all at once, so over
 * SSH the round trips overlap. A fact that cannot be read becomes a note, never an error: the
 * checks that need it say so, and the others go on.
 */
public final class FactGatherer {
    static final Duration LIMIT = Duration.ofSeconds(5);

    private static final List<String> DATE = List.of("date", "+%s%N");
    private static final List<String> UNAME = List.of("uname", "-m");
    private static final List<String> NPROC = List.of("nproc");
    private static final List<String> ID_U = List.of("id", "-u");
    private static final List<String> ID_G = List.of("id", "-g");
    private static final List<String> ID_UN = List.of("id", "-un");
    private static final List<String> ID_GN = List.of("id", "-Gn");
    private static final List<String> ROUTES = List.of("ip", "-o", "-4", "route", "show");
    /**
     * Programs that answer at once, asked in one command: over SSH every command starts the
     * login shell, which for a root whose .bashrc does much costs half a second of CPU, and a
     * dozen of those at once pushed each other past their time limit. timedatectl stays apart:
     * it can hang on D-Bus, and must not take the others with it.
     */
    private static final List<List<String>> QUICK = List.of(DATE, UNAME, NPROC, ID_U, ID_G, ID_UN, ID_GN, ROUTES);

    private final Target target;
    private final List<String> notes = new CopyOnWriteArrayList<>();

    public FactGatherer(Target target) {
        this.target = target;
    }

    public TargetFacts gather() throws InterruptedException {
        notes.clear();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<ProgramBatch> batch = pool.submit(() -> ProgramBatch.run(target, QUICK, LIMIT));
            Future<TargetFacts.ClockSample> clock = fact(pool, "the clock", () -> clock(batch.get()));
            Future<TargetFacts.OsInfo> os = fact(pool, "the distribution", () -> FactParsers.osRelease(read("/etc/os-release")));
            Future<String> machine = fact(pool, "the CPU architecture", () -> quick(batch, UNAME));
            Future<String> cores = fact(pool, "the number of CPU cores", () -> quick(batch, NPROC));
            Future<Long> memory = fact(pool, "the memory size", () -> FactParsers.memTotalBytes(read("/proc/meminfo")));
            Future<String> uid = fact(pool, "the user id", () -> quick(batch, ID_U));
            Future<String> gid = fact(pool, "the group id", () -> quick(batch, ID_G));
            Future<String> name = fact(pool, "the user name", () -> quick(batch, ID_UN));
            Future<String> groups = fact(pool, "the user's groups", () -> quick(batch, ID_GN));
            Future<String> zone = fact(pool, "the time zone", this::timeZone);
            Future<String> subnet = fact(pool, "the LAN subnet", () -> lanSubnet(quick(batch, ROUTES)));
            String m = get(machine);
            TargetFacts.UserInfo user = new TargetFacts.UserInfo(number(get(uid)), number(get(gid)), get(name),
                    get(groups) == null ? List.of() : Arrays.asList(get(groups).split("\\s+")));
            return new TargetFacts(get(os), m, m == null ? null : FactParsers.dockerArch(m), Math.max(0, number(get(cores))),
                    get(memory) == null ? 0 : get(memory), user, get(zone), get(subnet), get(clock), List.copyOf(notes));
        }
    }

    private <T> Future<T> fact(ExecutorService pool, String what, Callable<T> how) {
        return pool.submit(() -> {
            try {
                return how.call();
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception e) {
                Throwable why = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
                notes.add("Could not read " + what + " on " + target.description() + ": " + why.getMessage());
                return null;
            }
        });
    }

    private static <T> T get(Future<T> f) throws InterruptedException {
        try {
            return f.get();
        } catch (ExecutionException e) {
            return null; // only an interrupt escapes fact(); it surfaces on this thread as well
        }
    }

    private static int number(String s) {
        try {
            return s == null ? -1 : Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The program's output, trimmed; an exception saying why when it failed. */
    private String run(String... argv) throws TargetException {
        ExecResult r = target.exec(List.of(argv), LIMIT);
        if (!r.ok()) {
            String err = r.stderr().isBlank() ? "exit status " + r.exitCode() : r.stderr().strip();
            throw new TargetException(TargetException.Reason.OTHER, String.join(" ", argv) + " failed: " + err);
        }
        return r.stdout().strip();
    }

    private String read(String path) throws TargetException {
        return new String(target.files().read(path), StandardCharsets.UTF_8);
    }

    /** The clock was read while the batch ran: its start and end bound when. */
    private static TargetFacts.ClockSample clock(ProgramBatch batch) throws TargetException {
        String out = batch.output(DATE);
        // Without %N support (BusyBox) date prints the seconds and a literal N.
        long target = out.matches("\\d{19,}") ? Long.parseLong(out) : Long.parseLong(out.replaceAll("\\D.*$", "")) * 1_000_000_000L;
        return new TargetFacts.ClockSample(target, batch.startedNanos(), batch.endedNanos());
    }

    /** One program's answer from the batch; the batch's own failure (e.g. its time limit) when it had none. */
    private static String quick(Future<ProgramBatch> batch, List<String> argv) throws TargetException, InterruptedException {
        try {
            return batch.get().output(argv);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof TargetException t ? t
                    : new TargetException(TargetException.Reason.OTHER, String.valueOf(e.getCause().getMessage()), e.getCause());
        }
    }

    static long nowNanos() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    /** timedatectl where systemd runs; else Debian's /etc/timezone; else where /etc/localtime points. */
    private String timeZone() throws TargetException {
        ExecResult r = tryExec("timedatectl", "show", "-p", "Timezone", "--value");
        if (r != null && r.ok() && !r.stdout().isBlank()) {
            return r.stdout().strip();
        }
        if (target.files().stat("/etc/timezone").isPresent()) {
            String zone = read("/etc/timezone").strip();
            if (!zone.isEmpty()) {
                return zone;
            }
        }
        return FactParsers.zoneFromLink(run("readlink", "/etc/localtime")).orElseThrow(
                () -> new TargetException(TargetException.Reason.OTHER, "/etc/localtime does not point into zoneinfo"));
    }

    private String lanSubnet(String routes) throws TargetException {
        String iface = FactParsers.defaultInterface(routes).orElseThrow(
                () -> new TargetException(TargetException.Reason.OTHER, "there is no default route"));
        Optional<String> network = FactParsers.linkNetwork(routes, iface);
        if (network.isPresent()) {
            return network.get();
        }
        return FactParsers.addrNetwork(run("ip", "-o", "-4", "addr", "show", "dev", iface), iface).orElseThrow(
                () -> new TargetException(TargetException.Reason.OTHER, iface + " has no IPv4 address"));
    }

    /** A program that may be missing: null instead of an exception. */
    private ExecResult tryExec(String... argv) {
        try {
            return target.exec(List.of(argv), LIMIT);
        } catch (TargetException e) {
            return null;
        }
    }
}
