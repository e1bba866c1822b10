package dev.berth.engine.check;

import dev.berth.answers.AccessAnswers;
import dev.berth.plan.StackPlan;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * With a domain, each app is opened at {@code <app>.<domain>}: every such name must resolve
 * (looked up here, where the person's browser is). Reports the addresses.
 */
public final class DomainCheck implements Check {
    private final HostResolver resolver;

    record Inputs(AccessAnswers.Mode mode, String domain, boolean letsEncrypt, List<String> apps) {
    }

    public DomainCheck() {
        this(HostResolver.system());
    }

    public DomainCheck(HostResolver resolver) {
        this.resolver = resolver;
    }

    @Override
    public String id() {
        return "domain";
    }

    @Override
    public String title() {
        return "Domain";
    }

    @Override
    public Object inputs(CheckInputs in) {
        return in.plan().map(p -> new Inputs(p.answers().access().mode(), p.answers().access().domain(),
                p.answers().access().letsEncrypt(), apps(p))).orElse(null);
    }

    /**
     * The apps a person opens under the domain: those with a published web UI (internal helpers
     * such as exporters have none), except the proxy itself, as Links does.
     */
    static List<String> apps(StackPlan plan) {
        return plan.services().stream().filter(s -> s.definition().hasWebUi() && s.definition().web().publish()
                        && !s.name().equals("npm"))
                .map(s -> s.name()).toList();
    }

    @Override
    public CheckResult run(CheckContext ctx) throws InterruptedException {
        StackPlan plan = ctx.requirePlan();
        AccessAnswers access = plan.answers().access();
        if (access.mode() != AccessAnswers.Mode.DOMAIN) {
            return CheckResult.skip(this, "Apps are reached on the home network only; no domain to check");
        }
        List<String> names = new ArrayList<>();
        names.add(access.domain());
        apps(plan).forEach(a -> names.add(a + "." + access.domain()));
        Map<String, List<InetAddress>> found = resolveAll(names);
        List<String> missing = names.stream().skip(1).filter(n -> !found.containsKey(n)).toList();
        StringBuilder details = new StringBuilder();
        for (String n : names) {
            details.append(n).append(" → ").append(found.containsKey(n) ? addresses(found.get(n)) : "does not resolve").append('\n');
        }
        CheckData.ResolvedNames data = new CheckData.ResolvedNames(new TreeMap<>(found));
        if (!missing.isEmpty()) {
            return CheckResult.of(this, Status.FAIL, missing.size() + " of " + (names.size() - 1) + " app addresses under "
                            + access.domain() + " do not resolve: " + names(missing), details.toString().strip(),
                    "Create a DNS record *." + access.domain() + " (or one per app) pointing at your server's public address")
                    .withData(data);
        }
        List<InetAddress> all = found.values().stream().flatMap(List::stream).distinct().toList();
        String summary = access.domain() + "'s apps resolve to " + addresses(all);
        if (access.letsEncrypt() && all.stream().allMatch(a -> a.isLoopbackAddress() || a.isSiteLocalAddress() || a.isLinkLocalAddress())) {
            return CheckResult.of(this, Status.WARN, summary + ", a private address: Let's Encrypt cannot reach it from the internet",
                    details.toString().strip(), "Point the DNS records at your public address and forward ports 80 and 443 to the server")
                    .withData(data);
        }
        return CheckResult.pass(this, summary, details.toString().strip()).withData(data);
    }

    /** Looks the names up at once (a slow DNS server costs one wait, not one per app). */
    private Map<String, List<InetAddress>> resolveAll(List<String> names) throws InterruptedException {
        Map<String, Future<List<InetAddress>>> pending = new LinkedHashMap<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (String n : names) {
                pending.put(n, pool.submit(() -> resolver.resolve(n)));
            }
            Map<String, List<InetAddress>> found = new LinkedHashMap<>();
            for (var e : pending.entrySet()) {
                try {
                    List<InetAddress> a = e.getValue().get();
                    if (!a.isEmpty()) {
                        found.put(e.getKey(), a);
                    }
                } catch (java.util.concurrent.ExecutionException ex) {
                    if (!(ex.getCause() instanceof UnknownHostException)) {
                        throw new IllegalStateException("Looking up " + e.getKey() + " failed: " + ex.getCause().getMessage(), ex.getCause());
                    }
                }
            }
            return found;
        }
    }

    /** At most three names, so the summary stays one line; the details have them all. */
    private static String names(List<String> list) {
        return list.size() <= 3 ? String.join(", ", list)
                : String.join(", ", list.subList(0, 3)) + " and " + (list.size() - 3) + " more";
    }

    private static String addresses(List<InetAddress> list) {
        return String.join(", ", list.stream().map(InetAddress::getHostAddress).distinct().toList());
    }
}
