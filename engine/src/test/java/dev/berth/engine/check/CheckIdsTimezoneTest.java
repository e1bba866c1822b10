package dev.berth.engine.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.berth.engine.target.LocalTarget;
import dev.berth.plan.StackPlan;
import java.util.List;
import org.junit.jupiter.api.Test;

class CheckIdsTimezoneTest {
    private static StackPlan plan(int puid, String zone) {
        return CheckFixtures.withStorage(CheckFixtures.plan("minimal-jellyfin", a -> a),
                s -> new dev.berth.answers.StorageAnswers(s.stackDir(), s.dataRoot(), s.configRoot(), puid, puid, zone, false));
    }

    @Test
    void offersTheDetectedValuesOfThisComputer() throws Exception {
        try (LocalTarget t = new LocalTarget()) {
            CheckContext ctx = CheckFixtures.local(t, null);
            TargetFacts f = ctx.facts();
            CheckResult r = new IdsTimezoneCheck().run(ctx);
            assertEquals(Status.PASS, r.status(), r.toString());
            String who = f.user().root() ? "root (whose 0:0 is no default for PUID/PGID)"
                    : f.user().name() + " is " + f.user().uid() + ":" + f.user().gid();
            assertEquals("Detected " + who + ", time zone " + f.timeZone(), r.summary());
            CheckData.DetectedIds ids = r.data(CheckData.DetectedIds.class).orElseThrow();
            assertEquals(f.timeZone(), ids.timeZone());
            if (f.user().root()) {
                assertNull(ids.puid(), "root's 0:0 is not offered as a default");
            } else {
                assertEquals(f.user().uid(), ids.puid());
            }
        }
    }

    @Test
    void aDifferentTimeZoneWarnsAndOffersTheTargetsOne() throws Exception {
        try (LocalTarget t = new LocalTarget()) {
            TargetFacts f = new FactGatherer(t).gather();
            String other = "Etc/GMT+5".equals(f.timeZone()) ? "Etc/GMT+6" : "Etc/GMT+5";
            CheckResult r = new IdsTimezoneCheck().run(new CheckContext(t, plan(1000, other), f));
            assertEquals(Status.WARN, r.status());
            assertEquals("Time zone " + other + " differs from the target's " + f.timeZone()
                    + ": schedules and log times in the apps will not match the server's", r.summary());
            assertEquals("Use the time zone " + f.timeZone() + ", unless the apps should run on another zone's clock",
                    r.fix().lines().toList().getLast());
        }
    }

    @Test
    void otherIdsThanTheTargetUsersWarn() throws Exception {
        try (LocalTarget t = new LocalTarget()) {
            TargetFacts f = CheckFixtures.facts("amd64");
            CheckResult r = new IdsTimezoneCheck().run(new CheckContext(t, plan(1001, "Europe/Berlin"), f));
            assertEquals(Status.WARN, r.status());
            assertEquals("PUID:PGID 1001:1001 differ from media's 1000:1000: files the apps write will not belong to media",
                    r.summary());
            assertEquals("Use PUID 1000 and PGID 1000, unless the files should belong to another user", r.fix());
            assertEquals(new CheckData.DetectedIds(1000, 1000, "media", "Europe/Berlin"), r.data().orElseThrow());

            CheckResult same = new IdsTimezoneCheck().run(new CheckContext(t, plan(1000, "Europe/Berlin"), f));
            assertEquals(Status.PASS, same.status());

            CheckResult root = new IdsTimezoneCheck().run(new CheckContext(t, plan(0, "Europe/Berlin"), f));
            assertEquals("PUID 0 makes the containers write your files as root", root.summary());
            assertEquals("Use PUID 1000 and PGID 1000 (media)", root.fix());
        }
    }

    /** Names that are links to one zone, or zones with the same rules, keep the same clock: no warning. */
    @Test
    void zonesWithTheSameClockDoNotWarn() throws Exception {
        List<List<String>> same = List.of(
                List.of("UTC", "Etc/UTC"), List.of("Etc/UTC", "UTC"), List.of("UTC", "Etc/Zulu"), List.of("UTC", "Zulu"),
                List.of("UTC", "Universal"), List.of("UTC", "Etc/Universal"), List.of("UTC", "Etc/UCT"),
                List.of("UTC", "GMT"), List.of("Etc/UTC", "Etc/GMT"), List.of("Asia/Kolkata", "Asia/Calcutta"));
        try (LocalTarget t = new LocalTarget()) {
            for (List<String> pair : same) {
                TargetFacts f = CheckFixtures.facts("amd64", 8L << 30, 1000, "media", pair.get(1), "192.168.1.0/24", null);
                CheckResult r = new IdsTimezoneCheck().run(new CheckContext(t, plan(1000, pair.get(0)), f));
                assertEquals(Status.PASS, r.status(), pair + ": " + r);
            }
            List<List<String>> different = List.of(List.of("Europe/Berlin", "Etc/UTC"), List.of("Europe/London", "Etc/UTC"),
                    List.of("UTC", "Europe/London"), List.of("Europe/Paris", "Europe/Berlin"), List.of("UTC", "no/such-zone"));
            for (List<String> pair : different) {
                TargetFacts f = CheckFixtures.facts("amd64", 8L << 30, 1000, "media", pair.get(1), "192.168.1.0/24", null);
                CheckResult r = new IdsTimezoneCheck().run(new CheckContext(t, plan(1000, pair.get(0)), f));
                assertEquals(Status.WARN, r.status(), pair + ": " + r);
                assertEquals("Time zone " + pair.get(0) + " differs from the target's " + pair.get(1)
                        + ": schedules and log times in the apps will not match the server's", r.summary());
            }
        }
    }
}
