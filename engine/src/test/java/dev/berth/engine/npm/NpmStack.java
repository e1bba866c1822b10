package dev.berth.engine.npm;

import dev.berth.answers.Answers;
import dev.berth.engine.deploy.ConfigureProxyHostsJob;
import dev.berth.plan.StackPlan;
import dev.berth.testsupport.Examples;
import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The full example stack (domain, Let's Encrypt, Authelia, VPN) planned with NPM's admin port on
 * the double's port, keeping its secrets from one plan to the next as a re-deploy does.
 */
final class NpmStack {
    private final FakeNpm npm;
    private final Map<String, String> secrets = new HashMap<>();

    NpmStack(FakeNpm npm) {
        this.npm = npm;
    }

    StackPlan plan() {
        return plan(a -> a);
    }

    /** Plans the changed answers; the double's admin gets the plan's NPM password. */
    StackPlan plan(UnaryOperator<Answers> change) {
        Answers answers = change.apply(Examples.answers("full-wireguard").withPortOverrides(Map.of("npm", npm.port())));
        StackPlan plan = Examples.repeatablePlanner().plan(answers, secrets);
        secrets.putAll(plan.secrets());
        npm.admin(answers.access().npm().adminEmail(), password(plan));
        return plan;
    }

    static String password(StackPlan plan) {
        return plan.secrets().get("npm_admin_password");
    }

    ConfigureProxyHostsJob job(StackPlan plan) {
        return new ConfigureProxyHostsJob(plan);
    }
}
