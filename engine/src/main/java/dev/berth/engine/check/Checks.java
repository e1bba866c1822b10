package dev.berth.engine.check;

import java.util.List;

/** The checks Berth runs, in the order of the final table. */
public final class Checks {
    private Checks() {
    }

    public static List<Check> all() {
        return all(HostResolver.system());
    }

    public static List<Check> all(HostResolver resolver) {
        return List.of(new OsArchCheck(), new DockerEngineCheck(), new ComposeCheck(), new ProjectNameCheck(),
                new ResourcesCheck(), new PortsCheck(), new PathsCheck(), new HardlinkCheck(), new IdsTimezoneCheck(),
                new DevicesCheck(), new ClockCheck(), new DomainCheck(resolver));
    }

    /** Those that need no answers: what {@code berth check} runs without an answers file. */
    public static List<Check> targetOnly() {
        return all().stream().filter(c -> !c.needsPlan()).toList();
    }
}
