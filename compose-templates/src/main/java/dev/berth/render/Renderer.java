package dev.berth.render;

import dev.berth.answers.AnswersFile;
import dev.berth.answers.AnswersSecrets;
import dev.berth.plan.ForwardedPortHook;
import dev.berth.plan.PortForwarding;
import dev.berth.plan.StackPlan;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * StackPlan → RenderedStack: every file of the stack directory, in a fixed order. A pure
 * function: the same plan gives the same bytes.
 */
public final class Renderer {
    /** Homepage's tiles: they link to each app, so a stack across several hosts renders it again once placed. */
    static final String HOMEPAGE_SERVICES = "config/homepage/services.yaml";

    /** The answers the stack was made from, secrets left out. */
    public static final String ANSWERS_FILE = "berth.yaml";

    /** The files for any target: compose.yaml as docker-compose 1.29 and Compose v2 both read it. */
    public RenderedStack render(StackPlan plan) {
        return render(plan, ComposeDialect.V1_COMPATIBLE);
    }

    /** The files for a target whose Compose is {@code dialect}. */
    public RenderedStack render(StackPlan plan, ComposeDialect dialect) {
        Map<String, RenderedFile> out = new LinkedHashMap<>();
        out.put(ANSWERS_FILE, answersFile(plan.answers()));
        out.put("compose.yaml", RenderedFile.text(ComposeFile.render(plan, dialect)));
        out.put(".env", RenderedFile.text(EnvFile.render(plan)));
        if (!plan.pins().isEmpty()) {
            out.put(PinsFile.PATH, RenderedFile.text(PinsFile.render(plan.pins())));
        }
        plan.secrets().forEach((name, value) -> out.put("secrets/" + name, RenderedFile.secretText(value)));
        plan.services().stream().filter(s -> s.definition().vpnGateway() != null).findFirst().ifPresent(gateway ->
                out.put(ControlServerAuth.path(gateway), RenderedFile.secretText(ControlServerAuth.render(plan, gateway))));
        // Gluetun's hooks run one script: what every client's needs (arguments, temporary folder), then the client's API.
        PortForwarding.of(plan).ifPresent(forwarding -> out.put(ForwardedPortHook.renderedPath(forwarding), RenderedFile.text(
                Resources.text("vpn/forwarded-port-common.sh") + Resources.text("vpn/forwarded-port-" + ForwardedPortHook.hook(forwarding) + ".sh"))));
        if (plan.has("prometheus")) {
            out.put("config/prometheus/prometheus.yml", RenderedFile.text(PrometheusConfig.render(plan)));
        }
        if (plan.has("grafana")) {
            GrafanaConfig.render(out);
        }
        if (plan.has("authelia")) {
            out.put("config/authelia/configuration.yml", RenderedFile.text(AutheliaConfig.configuration(plan)));
            out.put("config/authelia/users_database.yml", RenderedFile.secretText(AutheliaConfig.users(plan)));
        }
        if (plan.has("npm")) {
            NpmSnippets.render(plan.has("authelia"), out);
        }
        if (plan.has("fail2ban")) {
            Fail2BanConfig.render(plan.has("authelia"), out);
        }
        if (plan.has("homepage")) {
            out.put(HOMEPAGE_SERVICES, RenderedFile.text(HomepageConfig.render(plan)));
        }
        if (plan.has("recyclarr")) {
            RecyclarrConfig.render(plan, out);
        }
        if (plan.has("unpackerr")) {
            out.put("config/unpackerr/unpackerr.conf", RenderedFile.secretText(UnpackerrConfig.render(plan)));
        }
        plan.backup().ifPresent(backup -> BackupFiles.render(plan, backup, out));
        return new RenderedStack(out);
    }

    /** berth.yaml for these answers: without their secrets, which are kept in secrets/. */
    public static RenderedFile answersFile(dev.berth.answers.Answers answers) {
        return RenderedFile.text(AnswersFile.write(AnswersSecrets.strip(answers)));
    }
}
