package dev.berth.engine.deploy;

import dev.berth.engine.npm.DesiredProxyHost;
import dev.berth.engine.npm.NpmAdmin;
import dev.berth.engine.npm.NpmException;
import dev.berth.engine.npm.ProxyHostChanges;
import dev.berth.engine.npm.ProxyHostsPlan;
import dev.berth.engine.npm.ProxyHostsResult;
import dev.berth.engine.target.TargetException;
import dev.berth.plan.PlannedService;
import dev.berth.plan.StackPlan;
import java.time.Duration;
import java.util.List;

/**
 * After Nginx Proxy Manager is up: signs in as the admin Berth generated and sets up one proxy
 * host per web app ({@code <service>.<domain>}), so the person does not click through NPM for
 * each. Re-running updates only Berth's own hosts (see {@link dev.berth.engine.npm.BerthMarker}) and leaves the
 * person's alone. Undo deletes the hosts it created and puts back the ones it changed or
 * removed, as far as NPM lets it.
 *
 * <p>A Let's Encrypt certificate NPM cannot get (DNS not pointing here yet, port 80 closed) does
 * not fail the job: the host works over HTTP, the recorded {@link #RESULT} names it, and the next deploy
 * asks again. Everything else NPM refuses fails the job.
 */
public final class ConfigureProxyHostsJob implements Job {
    /** How long to wait for NPM's API and its first admin; NPM is healthy before this job, so this is slack. */
    public static final Duration SIGN_IN_WAIT = Duration.ofMinutes(2);
    /** Undo runs while NPM is known to be up; it should not hold a rollback for long. */
    private static final Duration UNDO_SIGN_IN_WAIT = Duration.ofSeconds(20);
    /** After a successful execute: what was created, updated, left alone, and which certificates NPM could not get. */
    public static final JobOutcomes.Key<ProxyHostsResult> RESULT = JobOutcomes.Key.of("proxy hosts", ProxyHostsResult.class);

    private final List<DesiredProxyHost> hosts;
    private final Duration signInWait;
    private final ProxyHostChanges changes;

    public ConfigureProxyHostsJob(List<DesiredProxyHost> hosts, NpmAdmin admin, Duration signInWait) {
        this.hosts = List.copyOf(hosts);
        this.signInWait = signInWait;
        this.changes = new ProxyHostChanges(admin);
    }

    /**
     * The job for a stack that {@link #needed needs} it. Email, password and port come from the
     * plan: the admin e-mail the person gave, the {@code npm_admin_password} secret, the host port
     * of NPM's admin page.
     */
    public ConfigureProxyHostsJob(StackPlan plan) {
        this(ProxyHostsPlan.of(plan), admin(plan), SIGN_IN_WAIT);
    }

    /** Whether the stack has proxy hosts to set up: not when the apps are reached on the home network only (no domain, so no NPM). */
    public static boolean needed(StackPlan plan) {
        return plan.answers().access().proxyEnabled() && plan.has("npm");
    }

    private static NpmAdmin admin(StackPlan plan) {
        if (!needed(plan)) {
            throw new IllegalArgumentException("the plan has no domain with Nginx Proxy Manager: no proxy hosts to set up");
        }
        PlannedService npm = plan.service("npm").orElseThrow();
        String password = plan.secrets().get("npm_admin_password");
        if (password == null) {
            throw new IllegalArgumentException("the plan runs Nginx Proxy Manager without its npm_admin_password secret");
        }
        return new NpmAdmin(plan.answers().access().npm().adminEmail(), password, npm.hostWebPort());
    }

    @Override
    public String description() {
        return "Set up " + hosts.size() + (hosts.size() == 1 ? " proxy host" : " proxy hosts") + " in Nginx Proxy Manager";
    }

    public List<DesiredProxyHost> hosts() {
        return hosts;
    }

    @Override
    public void execute(JobContext context) throws TargetException, NpmException, InterruptedException {
        context.record(RESULT, changes.apply(context.target(), hosts, signInWait, context::cancelled));
    }

    @Override
    public void undo(JobContext context) throws TargetException, NpmException, InterruptedException {
        changes.undo(context.target(), UNDO_SIGN_IN_WAIT);
    }
}
