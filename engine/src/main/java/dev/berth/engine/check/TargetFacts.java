package dev.berth.engine.check;

import java.util.List;

/**
 * What the target is, learned once and shared by every check. A fact that could not be read is
 * null, 0 or -1 as documented, and {@link #notes} says why, so one odd command does not stop
 * the other checks.
 *
 * @param os          from /etc/os-release
 * @param machine     {@code uname -m} as printed, e.g. x86_64
 * @param arch        the Docker name of the architecture (amd64, arm64, arm, ...), null when unknown
 * @param cores       {@code nproc}, 0 when unknown
 * @param memoryBytes MemTotal from /proc/meminfo, 0 when unknown
 * @param user        who Berth runs as on the target
 * @param timeZone    an IANA zone id, null when unknown
 * @param lanSubnet   the network of the default route's interface in CIDR form, null when unknown
 * @param clock       the target's clock against this computer's, null when unknown
 * @param notes       one line per fact that could not be read
 */
public record TargetFacts(OsInfo os, String machine, String arch, int cores, long memoryBytes, UserInfo user,
                          String timeZone, String lanSubnet, ClockSample clock, List<String> notes) {
    public TargetFacts {
        os = os == null ? OsInfo.UNKNOWN : os;
        user = user == null ? UserInfo.UNKNOWN : user;
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    /** @param id e.g. debian; prettyName e.g. "Debian GNU/Linux 12 (bookworm)" */
    public record OsInfo(String id, String versionId, String prettyName) {
        public static final OsInfo UNKNOWN = new OsInfo("", "", "");

        /** From the text of /etc/os-release (the guided Docker install reads it too). */
        public static OsInfo parse(String osRelease) {
            return FactParsers.osRelease(osRelease);
        }

        public String describe() {
            return prettyName.isBlank() ? (id.isBlank() ? "an unknown Linux distribution" : id + " " + versionId) : prettyName;
        }
    }

    /** @param uid -1 when unknown */
    public record UserInfo(int uid, int gid, String name, List<String> groups) {
        public static final UserInfo UNKNOWN = new UserInfo(-1, -1, "", List.of());

        public UserInfo {
            name = name == null ? "" : name;
            groups = groups == null ? List.of() : List.copyOf(groups);
        }

        public boolean known() {
            return uid >= 0;
        }

        public boolean root() {
            return uid == 0;
        }
    }

    /**
     * The target's {@code date +%s%N} and this computer's clock just before and after asking.
     * Taking the midpoint halves the error the round trip brings.
     */
    public record ClockSample(long targetEpochNanos, long localBeforeNanos, long localAfterNanos) {
        /** Target minus this computer, in nanoseconds (positive: the target is ahead). */
        public long offsetNanos() {
            return targetEpochNanos - (localBeforeNanos + (localAfterNanos - localBeforeNanos) / 2);
        }

        /** How far off the offset may be: half the round trip. */
        public long uncertaintyNanos() {
            return (localAfterNanos - localBeforeNanos) / 2;
        }
    }
}
