package dev.berth.engine.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.engine.RequiresDocker;
import dev.berth.engine.SshdTestBase;
import dev.berth.engine.TestSshd;
import dev.berth.engine.target.LocalTarget;
import dev.berth.engine.target.SshTarget;
import dev.berth.plan.StackPlan;
import dev.berth.testsupport.NeedsDocker;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The same checks over SSH as on this computer: the server here is this machine, so every check
 * must come to the same verdict both ways (clock and timing aside).
 */
@NeedsDocker
class CheckOverSshTest extends SshdTestBase {


    @Test
    void everyCheckAgreesWithTheLocalRun() throws Exception {
        RequiresDocker.engine();
        Path home = sshd.scratch();
        int uid = (Integer) java.nio.file.Files.getAttribute(home, "unix:uid");
        int gid = (Integer) java.nio.file.Files.getAttribute(home, "unix:gid");
        StackPlan plan = CheckFixtures.withStorage(CheckFixtures.plan("full-wireguard", a -> a),
                s -> CheckFixtures.storage(s, home.resolve("stack"), home.resolve("data"), home.resolve("config"), uid, gid));
        List<CheckResult> remote = new ArrayList<>();
        try (SshTarget ssh = SshTarget.connect(sshd.withKey("ed25519"), sshd.settings(tmp));
             CheckRunner runner = new CheckRunner(ssh, Checks.all())) {
            runner.run(plan, remote::add);
        }
        List<CheckResult> local;
        try (LocalTarget here = new LocalTarget(); CheckRunner runner = new CheckRunner(here, Checks.all())) {
            local = runner.run(plan, r -> { });
        }
        assertEquals(Checks.all().size(), remote.size(), "each check reported once, as it finished");
        Map<String, CheckResult> byId = remote.stream().collect(Collectors.toMap(CheckResult::checkId, Function.identity()));
        for (CheckResult l : local) {
            CheckResult r = byId.get(l.checkId());
            assertFalse(r.summary().isBlank(), r.toString());
            if (!List.of("clock", "ids-timezone", "paths").contains(l.checkId())) {
                // ids/time zone and paths depend on who logs in (root here, the test user there).
                assertEquals(l.status(), r.status(), l.checkId() + ": local " + l + " / ssh " + r);
            }
        }
    }

    /**
     * Root and a plain user against an sshd with OpenSSH's defaults: every fact is read (no "Could
     * not ..."), and the server never had to refuse a session or a signal. Root matters because
     * OpenSSH runs root's sessions without privilege separation and then delivers no signals.
     */
    @ParameterizedTest
    @ValueSource(strings = {TestSshd.USER, "root"})
    void everyFactIsReadAsRootAndAsAUser(String user) throws Exception {
        RequiresDocker.engine();
        Path home = sshd.scratch();
        int uid = (Integer) java.nio.file.Files.getAttribute(home, "unix:uid");
        StackPlan plan = CheckFixtures.withStorage(CheckFixtures.plan("full-wireguard", a -> a),
                s -> CheckFixtures.storage(s, home.resolve("stack"), home.resolve("data"), home.resolve("config"), uid, uid));
        long mark = sshd.logMark();
        List<CheckResult> results;
        TargetFacts facts;
        try (SshTarget ssh = SshTarget.connect(sshd.as(user), sshd.settings(tmp));
             CheckRunner runner = new CheckRunner(ssh, Checks.all())) {
            results = runner.run(plan, r -> { });
            facts = runner.facts();
        }
        assertEquals(List.of(), facts.notes(), "every fact was read as " + user);
        assertEquals(user, facts.user().name());
        for (CheckResult r : results) {
            String text = r.summary() + "\n" + r.details();
            assertFalse(text.contains("Could not") || text.contains("did not finish"), user + ": " + r);
        }
        List<String> refusals = sshd.logSince(mark).stream()
                .filter(l -> l.contains("no more sessions") || l.contains("session signalling")).toList();
        assertTrue(refusals.isEmpty(), "the server refused sessions or signals for " + user + ": " + refusals);
    }
}
