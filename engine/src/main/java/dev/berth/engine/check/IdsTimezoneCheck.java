package dev.berth.engine.check;

import dev.berth.engine.target.TargetException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The target user's ids and time zone, offered as PUID/PGID/TZ defaults; a WARN when the
 * answers differ, because files then belong to someone else and schedules run at odd hours.
 */
public final class IdsTimezoneCheck implements Check {
    record Inputs(int puid, int pgid, String timeZone) {
    }

    @Override
    public String id() {
        return "ids-timezone";
    }

    @Override
    public String title() {
        return "User ids and time zone";
    }

    @Override
    public boolean needsPlan() {
        return false; // without answers it still offers the defaults
    }

    @Override
    public Object inputs(CheckInputs in) {
        return in.answers().map(a -> new Inputs(a.storage().puid(), a.storage().pgid(), a.storage().timeZone())).orElse(null);
    }

    @Override
    public CheckResult run(CheckContext ctx) throws TargetException, InterruptedException {
        TargetFacts facts = ctx.facts();
        TargetFacts.UserInfo me = facts.user();
        // Root's 0:0 is no default: containers would write the media library as root.
        boolean offerIds = me.known() && !me.root();
        CheckData.DetectedIds detected = new CheckData.DetectedIds(offerIds ? me.uid() : null, offerIds ? me.gid() : null,
                me.name(), facts.timeZone());
        String found = (!me.known() ? "the user's ids are unknown" : me.root() ? "root (whose 0:0 is no default for PUID/PGID)"
                : me.name() + " is " + me.uid() + ":" + me.gid())
                + ", time zone " + (facts.timeZone() == null ? "unknown" : facts.timeZone());
        List<String> warnings = new ArrayList<>();
        List<String> fixes = new ArrayList<>();
        if (ctx.plan().isPresent()) {
            var s = ctx.plan().get().answers().storage();
            if (s.puid() == 0) {
                warnings.add("PUID 0 makes the containers write your files as root");
                fixes.add(offerIds ? "Use PUID " + me.uid() + " and PGID " + me.gid() + " (" + me.name() + ")"
                        : "Use the ids of the person who owns the media, e.g. 1000:1000 (see: id -u; id -g)");
            } else if (offerIds && (s.puid() != me.uid() || s.pgid() != me.gid())) {
                warnings.add("PUID:PGID " + s.puid() + ":" + s.pgid() + " differ from " + me.name() + "'s " + me.uid() + ":" + me.gid()
                        + ": files the apps write will not belong to " + me.name());
                fixes.add("Use PUID " + me.uid() + " and PGID " + me.gid() + ", unless the files should belong to another user");
            }
            if (facts.timeZone() != null && !sameClock(s.timeZone(), facts.timeZone())) {
                warnings.add("Time zone " + s.timeZone() + " differs from the target's " + facts.timeZone()
                        + ": schedules and log times in the apps will not match the server's");
                fixes.add("Use the time zone " + facts.timeZone() + ", unless the apps should run on another zone's clock");
            }
        }
        String details = "Detected: " + found + (facts.notes().isEmpty() ? "" : "\n" + String.join("\n", facts.notes()));
        if (warnings.isEmpty()) {
            return CheckResult.pass(this, "Detected " + found, details).withData(detected);
        }
        return CheckResult.of(this, Status.WARN, warnings.size() == 1 ? warnings.getFirst() : warnings.getFirst() + " (and more)",
                String.join("\n", warnings) + "\n" + details, String.join("\n", fixes)).withData(detected);
    }

    /**
     * Whether two zone names keep the same clock, at every instant past and future: the names
     * differ but the rules do not for links such as UTC, Etc/UTC, Etc/Zulu and Universal, or
     * Asia/Calcutta and Asia/Kolkata. GMT counts as UTC too: the tz database gives it the same
     * zero offset with no summer time (the sub-second difference between the two time scales
     * reaches no computer clock), while Europe/London, which keeps summer time, stays different.
     * A name the JDK does not know is compared as text.
     */
    static boolean sameClock(String a, String b) {
        if (Objects.equals(a, b)) {
            return true;
        }
        try {
            return ZoneId.of(a).getRules().equals(ZoneId.of(b).getRules());
        } catch (DateTimeException e) {
            return false;
        }
    }
}
